package dev.quiver.data.dataset;

/**
 * A reusable batch of sequences of {@code length} consecutive steps, each inside one episode, filled in
 * place by {@link TransitionSampler#sampleSequences}.
 *
 * <p>Row {@code b} holds {@code length + 1} observations ({@code observations()[(b * (length + 1) + k)
 * * obsDim ..]} for {@code k = 0..length}: the observation before each step and the one after the
 * last), and {@code length} actions, rewards, termination and truncation flags ({@code b * length + k}).
 * The accessors return the batch's own arrays, overwritten by the next call.
 */
public final class SequenceBatch {
    private final int size;
    private final int length;
    private final int obsDim;
    private final int actDim;
    private final boolean discrete;
    final float[] observations;
    final int[] discreteActions;
    final float[] actions;
    final double[] rewards;
    final boolean[] terminated;
    final boolean[] truncated;
    final int[] episode;
    final int[] start;

    /** A batch of {@code size} sequences of {@code length} steps shaped for {@code data}. */
    public SequenceBatch(EpisodeDataset data, int size, int length) {
        if (size < 1 || length < 1) {
            throw new IllegalArgumentException("batch size and sequence length must be at least 1, got " + size
                    + " and " + length);
        }
        this.size = size;
        this.length = length;
        this.obsDim = data.obsDim();
        this.actDim = data.actDim();
        this.discrete = data.discrete();
        observations = new float[size * (length + 1) * obsDim];
        discreteActions = discrete ? new int[size * length] : null;
        actions = discrete ? null : new float[size * length * actDim];
        rewards = new double[size * length];
        terminated = new boolean[size * length];
        truncated = new boolean[size * length];
        episode = new int[size];
        start = new int[size];
    }

    /** Number of sequences. */
    public int size() {
        return size;
    }

    /** Steps per sequence. */
    public int length() {
        return length;
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

    /** Observations, {@code size * (length + 1) * obsDim}. */
    public float[] observations() {
        return observations;
    }

    /** Discrete actions, {@code size * length}; {@code null} for continuous datasets. */
    public int[] discreteActions() {
        return discreteActions;
    }

    /** Continuous actions, {@code size * length * actDim}; {@code null} for discrete datasets. */
    public float[] actions() {
        return actions;
    }

    /** Rewards, {@code size * length}. */
    public double[] rewards() {
        return rewards;
    }

    /** Termination flags, {@code size * length}. */
    public boolean[] terminated() {
        return terminated;
    }

    /** Truncation flags, {@code size * length}. */
    public boolean[] truncated() {
        return truncated;
    }

    /** Episode of each sequence. */
    public int[] episode() {
        return episode;
    }

    /** First step (within its episode) of each sequence. */
    public int[] start() {
        return start;
    }

    boolean fits(EpisodeDataset data) {
        return data.obsDim() == obsDim && data.actDim() == actDim && data.discrete() == discrete;
    }
}
