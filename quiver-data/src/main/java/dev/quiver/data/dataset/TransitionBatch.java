package dev.quiver.data.dataset;

/**
 * A reusable batch of sampled transitions, filled in place by {@link TransitionSampler}.
 *
 * <p>Row {@code b} holds observation {@code observations()[b * obsDim ..]}, its action, the (n-step
 * discounted) reward, the observation {@code m} steps later, whether the last of those steps
 * terminated or was truncated, whether the target should bootstrap from the next observation
 * ({@code !terminated}), the number of steps {@code m} summed, and where the row came from (episode
 * and step). The accessors return the batch's own arrays, overwritten by the next sampling call;
 * nothing is allocated per call.
 */
public final class TransitionBatch {
    private final int size;
    private final int obsDim;
    private final int actDim;
    private final boolean discrete;
    final float[] observations;
    final int[] discreteActions;
    final float[] actions;
    final double[] rewards;
    final float[] nextObservations;
    final boolean[] terminated;
    final boolean[] truncated;
    final boolean[] bootstrap;
    final int[] nSteps;
    final int[] episode;
    final int[] step;

    /** A batch of {@code size} rows shaped for {@code data}. */
    public TransitionBatch(EpisodeDataset data, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + size);
        }
        this.size = size;
        this.obsDim = data.obsDim();
        this.actDim = data.actDim();
        this.discrete = data.discrete();
        observations = new float[size * obsDim];
        nextObservations = new float[size * obsDim];
        discreteActions = discrete ? new int[size] : null;
        actions = discrete ? null : new float[size * actDim];
        rewards = new double[size];
        terminated = new boolean[size];
        truncated = new boolean[size];
        bootstrap = new boolean[size];
        nSteps = new int[size];
        episode = new int[size];
        step = new int[size];
    }

    /** Number of rows. */
    public int size() {
        return size;
    }

    /** Observation length. */
    public int obsDim() {
        return obsDim;
    }

    /** Continuous action length; 0 for discrete actions. */
    public int actDim() {
        return actDim;
    }

    /** Whether actions are discrete. */
    public boolean discrete() {
        return discrete;
    }

    /** Observations, {@code size * obsDim} (row-major). */
    public float[] observations() {
        return observations;
    }

    /** Discrete actions, {@code size}; {@code null} for continuous datasets. */
    public int[] discreteActions() {
        return discreteActions;
    }

    /** Continuous actions, {@code size * actDim}; {@code null} for discrete datasets. */
    public float[] actions() {
        return actions;
    }

    /** Rewards; for n-step sampling, {@code sum_{k < m} gamma^k r_{t+k}}. */
    public double[] rewards() {
        return rewards;
    }

    /** Observations {@code m} steps after {@link #observations()}, {@code size * obsDim}. */
    public float[] nextObservations() {
        return nextObservations;
    }

    /** Whether the last summed step ended in a terminal state. */
    public boolean[] terminated() {
        return terminated;
    }

    /** Whether the last summed step was truncated (time limit or end of collection). */
    public boolean[] truncated() {
        return truncated;
    }

    /** Whether a target should add {@code gamma^m V(next)}: true unless terminated. */
    public boolean[] bootstrap() {
        return bootstrap;
    }

    /** Number of rewards summed, {@code 1 <= m <= n}: fewer than n only at the episode's end. */
    public int[] nSteps() {
        return nSteps;
    }

    /** Episode index of each row. */
    public int[] episode() {
        return episode;
    }

    /** Step (within its episode) of each row. */
    public int[] step() {
        return step;
    }

    boolean fits(EpisodeDataset data) {
        return data.obsDim() == obsDim && data.actDim() == actDim && data.discrete() == discrete;
    }
}
