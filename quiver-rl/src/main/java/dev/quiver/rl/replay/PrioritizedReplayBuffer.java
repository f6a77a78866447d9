package dev.quiver.rl.replay;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Proportional prioritized experience replay: transition {@code i} is sampled with probability
 * {@code P(i) = p_i^α / Σ_k p_k^α}, where {@code p_i = |δ_i| + ε} is its last TD error's magnitude
 * plus a small {@code ε}, and the learner's loss is weighted by the importance-sampling weight
 * {@code w_i = (N · P(i))^(−β) / max_j w_j}, {@code N} being the number of stored transitions and the
 * maximum taken over all stored transitions (through a {@link MinTree} of {@code p^α}).
 *
 * <p>New transitions get the largest priority seen so far (1 initially), so each is replayed at
 * least once with high probability. A batch of {@code k} is drawn by stratified sampling as in the
 * paper: {@code [0, Σ p^α)} is cut into {@code k} equal segments and one value is drawn uniformly from
 * each, then located with a {@link SumTree}; across many batches each transition's frequency is
 * exactly {@code P(i)}, with less variance than independent draws. β is annealed by the caller from
 * {@code β₀} to 1 over training, e.g. with {@code new LinearSchedule(0.4, 1.0, 1.0, totalSteps)}
 * (the paper's proportional variant uses α = 0.6, β₀ = 0.4).
 *
 * <p>Storage, overwriting and terminated/truncated handling are {@link ReplayBuffer}'s; sampling
 * and priority updates allocate nothing.
 *
 * @see <a href="https://arxiv.org/abs/1511.05952">Schaul, T., Quan, J., Antonoglou, I. and Silver, D.
 *     (2016). Prioritized Experience Replay. ICLR. arXiv:1511.05952</a>
 */
public final class PrioritizedReplayBuffer implements TransitionSink {
    /** The default {@code ε} added to |TD error| (as in OpenAI Baselines). */
    public static final double DEFAULT_EPSILON = 1e-6;

    private final ReplayBuffer storage;
    private final SumTree sums;
    private final MinTree mins;
    private final double alpha;
    private final double epsilon;
    private double maxPriority = 1.0;

    private PrioritizedReplayBuffer(ReplayBuffer storage, double alpha, double epsilon) {
        if (!(alpha >= 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("alpha must be finite and >= 0, got " + alpha);
        }
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be finite and > 0, got " + epsilon);
        }
        this.storage = storage;
        this.sums = new SumTree(storage.capacity());
        this.mins = new MinTree(storage.capacity());
        this.alpha = alpha;
        this.epsilon = epsilon;
    }

    /** A prioritized buffer with discrete actions. */
    public static PrioritizedReplayBuffer discrete(int capacity, int obsDim, double alpha, double epsilon) {
        return new PrioritizedReplayBuffer(ReplayBuffer.discrete(capacity, obsDim), alpha, epsilon);
    }

    /** A prioritized buffer with continuous actions of {@code actDim} floats. */
    public static PrioritizedReplayBuffer continuous(int capacity, int obsDim, int actDim, double alpha,
            double epsilon) {
        return new PrioritizedReplayBuffer(ReplayBuffer.continuous(capacity, obsDim, actDim), alpha, epsilon);
    }

    /** The underlying storage (read it, do not add to it directly: priorities would not follow). */
    public ReplayBuffer storage() {
        return storage;
    }

    /** The number of transitions held now. */
    public int size() {
        return storage.size();
    }

    /** The priority exponent α. */
    public double alpha() {
        return alpha;
    }

    /** The {@code ε} added to |TD error|. */
    public double epsilon() {
        return epsilon;
    }

    /** The largest priority {@code p} (before the exponent) seen so far; new transitions get it. */
    public double maxPriority() {
        return maxPriority;
    }

    /** The sampling mass {@code p_i^α} of slot {@code i}. */
    public double mass(int i) {
        return sums.get(i);
    }

    /** The total mass {@code Σ p^α}. */
    public double totalMass() {
        return sums.total();
    }

    /** A batch shaped for this buffer (allocate once, reuse). */
    public Batch newBatch(int batchSize) {
        return storage.newBatch(batchSize);
    }

    @Override
    public void add(float[] obs, int obsOffset, int action, float[] actionVector, int actionOffset, double reward,
            float[] nextObs, int nextObsOffset, boolean terminated, boolean truncated, int steps) {
        int slot = storage.store(obs, obsOffset, action, actionVector, actionOffset, reward, nextObs, nextObsOffset,
                terminated, truncated, steps);
        double m = Math.pow(maxPriority, alpha);
        sums.set(slot, m);
        mins.set(slot, m);
    }

    /** Adds a one-step transition with a discrete action, at the maximal priority. */
    public void add(float[] obs, int action, double reward, float[] nextObs, boolean terminated, boolean truncated) {
        add(obs, 0, action, null, 0, reward, nextObs, 0, terminated, truncated, 1);
    }

    /** Adds a one-step transition with a continuous action, at the maximal priority. */
    public void add(float[] obs, float[] action, double reward, float[] nextObs, boolean terminated, boolean truncated) {
        add(obs, 0, 0, action, 0, reward, nextObs, 0, terminated, truncated, 1);
    }

    /**
     * Draws {@code batchSize} transitions by stratified proportional sampling into {@code out}, with
     * their normalised importance weights in {@code out.weights()} and slots in {@code out.indices()}.
     *
     * @param batchSize rows to draw, at most {@code out.capacity()}
     * @param beta the importance-sampling exponent in [0, 1] (0: no correction, 1: full)
     * @param rng the generator (advanced by exactly {@code batchSize} {@code nextDouble} draws)
     * @param out the reusable batch to fill
     */
    public void sample(int batchSize, double beta, UniformRandomProvider rng, Batch out) {
        storage.checkSample(batchSize, out);
        if (!(beta >= 0 && beta <= 1)) {
            throw new IllegalArgumentException("beta must be in [0, 1], got " + beta);
        }
        int n = storage.size();
        double total = sums.total();
        double segment = total / batchSize;
        // the largest weight belongs to the smallest probability: (N · P_min)^(-β)
        double maxWeight = Math.pow(n * (mins.min() / total), -beta);
        int[] idx = out.indices();
        double[] w = out.weights();
        for (int k = 0; k < batchSize; k++) {
            double u = (k + rng.nextDouble()) * segment;
            int i = sums.find(u);
            idx[k] = i;
            double p = sums.get(i) / total;
            w[k] = Math.pow(n * p, -beta) / maxWeight;
        }
        storage.gather(idx, batchSize, out);
    }

    /**
     * Sets the priorities of slots {@code indices[0 .. n - 1]} to {@code |tdErrors[k]| + ε} (a slot
     * listed twice keeps the later error).
     */
    public void updatePriorities(int[] indices, double[] tdErrors, int n) {
        for (int k = 0; k < n; k++) {
            int i = indices[k];
            if (i < 0 || i >= storage.size()) {
                throw new IndexOutOfBoundsException("slot " + i + " is not filled (size " + storage.size() + ")");
            }
            double e = tdErrors[k];
            if (!Double.isFinite(e)) {
                throw new IllegalArgumentException("TD error " + k + " is not finite: " + e);
            }
            double p = Math.abs(e) + epsilon;
            double m = Math.pow(p, alpha);
            sums.set(i, m);
            mins.set(i, m);
            if (p > maxPriority) {
                maxPriority = p;
            }
        }
    }
}
