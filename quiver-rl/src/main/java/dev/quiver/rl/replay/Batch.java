package dev.quiver.rl.replay;

/**
 * A reusable, preallocated mini-batch of transitions that replay buffers sample into, so sampling
 * allocates nothing. The arrays are owned by the batch and overwritten by each sample; rows
 * {@code 0 .. size() - 1} are valid, row-major ({@code observations()[k * obsDim + j]}).
 *
 * <p>For uniform sampling {@link #weights()} are all 1; a {@link PrioritizedReplayBuffer} writes its
 * normalised importance-sampling weights there and the buffer slots in {@link #indices()}, which are
 * what {@link PrioritizedReplayBuffer#updatePriorities} takes back.
 */
public final class Batch {
    private final int capacity;
    private final int obsDim;
    private final int actDim;
    private final boolean discrete;
    private final int[] indices;
    private final float[] observations;
    private final float[] nextObservations;
    private final int[] actions;
    private final float[] continuousActions;
    private final double[] rewards;
    private final boolean[] terminated;
    private final boolean[] done;
    private final int[] steps;
    private final double[] weights;
    private int size;

    /**
     * A batch of up to {@code capacity} rows.
     *
     * @param capacity the largest batch size this batch can hold
     * @param obsDim floats per observation
     * @param actDim floats per continuous action (ignored, and no action vector kept, when discrete)
     * @param discrete whether actions are discrete ({@code int}) or continuous ({@code float[actDim]})
     */
    public Batch(int capacity, int obsDim, int actDim, boolean discrete) {
        if (capacity < 1 || obsDim < 1 || (!discrete && actDim < 1)) {
            throw new IllegalArgumentException("Batch needs capacity >= 1, obsDim >= 1 and (continuous) actDim >= 1, got "
                    + capacity + ", " + obsDim + ", " + actDim);
        }
        this.capacity = capacity;
        this.obsDim = obsDim;
        this.actDim = discrete ? 0 : actDim;
        this.discrete = discrete;
        this.indices = new int[capacity];
        this.observations = new float[capacity * obsDim];
        this.nextObservations = new float[capacity * obsDim];
        this.actions = discrete ? new int[capacity] : new int[0];
        this.continuousActions = discrete ? new float[0] : new float[capacity * actDim];
        this.rewards = new double[capacity];
        this.terminated = new boolean[capacity];
        this.done = new boolean[capacity];
        this.steps = new int[capacity];
        this.weights = new double[capacity];
    }

    /** The largest number of rows this batch holds. */
    public int capacity() {
        return capacity;
    }

    /** The number of valid rows from the last sample. */
    public int size() {
        return size;
    }

    void size(int size) {
        this.size = size;
    }

    /** Floats per observation. */
    public int obsDim() {
        return obsDim;
    }

    /** Floats per continuous action (0 for discrete batches). */
    public int actDim() {
        return actDim;
    }

    /** Whether actions are discrete. */
    public boolean discrete() {
        return discrete;
    }

    /** The buffer slot each row was read from. */
    public int[] indices() {
        return indices;
    }

    /** Observations {@code s}, {@code capacity * obsDim} floats, row-major. */
    public float[] observations() {
        return observations;
    }

    /** Observations {@code s'} after the transition, {@code capacity * obsDim} floats, row-major. */
    public float[] nextObservations() {
        return nextObservations;
    }

    /** Discrete actions (empty for continuous batches). */
    public int[] actions() {
        return actions;
    }

    /** Continuous actions, {@code capacity * actDim} floats, row-major (empty for discrete batches). */
    public float[] continuousActions() {
        return continuousActions;
    }

    /** Rewards (for n-step transitions, the discounted sum of the window's rewards). */
    public double[] rewards() {
        return rewards;
    }

    /** Whether {@code s'} is terminal: the target does not bootstrap. Truncation is not terminal. */
    public boolean[] terminated() {
        return terminated;
    }

    /** Whether the episode ended at {@code s'} either way (terminated or truncated). */
    public boolean[] done() {
        return done;
    }

    /** The number of environment steps each transition spans: bootstrap with {@code γ^steps}. */
    public int[] steps() {
        return steps;
    }

    /** Importance-sampling weights (all 1 under uniform sampling). */
    public double[] weights() {
        return weights;
    }
}
