package dev.quiver.rl.replay;

/**
 * Turns the transition stream of one environment (one copy of a vector env) into n-step
 * transitions {@code (s_t, a_t, Σ_{k<m} γ^k r_{t+k}, s_{t+m}, terminated, truncated, m)} and passes
 * them to a {@link TransitionSink}, as multi-step DQN targets need (Rainbow uses n = 3).
 *
 * <p>In mid-episode {@code m = n} and the learner bootstraps with {@code γ^n · V(s_{t+n})}. When the
 * episode ends at step {@code T} every pending transition is flushed with the rewards up to
 * {@code T} ({@code m = T − t + 1 ≤ n}) and {@code s' = s_{T+1}}, the last observation:
 * <ul>
 *   <li>terminated: flagged {@code terminated}, so the target is the plain discounted sum (no
 *       bootstrap);</li>
 *   <li>truncated: not terminal; the target bootstraps with {@code γ^m · V(s_{T+1})} from the last
 *       observation, which is exactly the n-step return cut at the time limit.</li>
 * </ul>
 * Each environment step thus yields exactly one n-step transition, and nothing crosses an episode
 * boundary. With a vector env keep one accumulator per copy and skip the autoreset steps (see
 * {@link ReplayBuffer}). Adding allocates nothing.
 *
 * @see <a href="http://incompleteideas.net/book/the-book-2nd.html">Sutton, R. S. and Barto, A. G.
 *     (2018). Reinforcement Learning: An Introduction, 2nd ed., chapter 7 (n-step bootstrapping)</a>
 * @see <a href="https://arxiv.org/abs/1710.02298">Hessel, M. et al. (2018). Rainbow: Combining
 *     Improvements in Deep Reinforcement Learning. AAAI. arXiv:1710.02298</a>
 */
public final class NStepAccumulator {
    private final int n;
    private final double gamma;
    private final int obsDim;
    private final int actDim;
    private final boolean discrete;
    private final TransitionSink sink;
    private final float[] observations;
    private final int[] actions;
    private final float[] continuousActions;
    private final double[] rewards;
    private int head;
    private int count;

    /**
     * An accumulator for discrete actions.
     *
     * @param n the number of steps, at least 1 (1 passes transitions through unchanged)
     * @param gamma the discount in [0, 1]
     * @param obsDim floats per observation
     * @param sink where n-step transitions go
     */
    public static NStepAccumulator discrete(int n, double gamma, int obsDim, TransitionSink sink) {
        return new NStepAccumulator(n, gamma, obsDim, 0, true, sink);
    }

    /** As {@link #discrete}, for continuous actions of {@code actDim} floats. */
    public static NStepAccumulator continuous(int n, double gamma, int obsDim, int actDim, TransitionSink sink) {
        return new NStepAccumulator(n, gamma, obsDim, actDim, false, sink);
    }

    private NStepAccumulator(int n, double gamma, int obsDim, int actDim, boolean discrete, TransitionSink sink) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, got " + n);
        }
        if (!(gamma >= 0 && gamma <= 1)) {
            throw new IllegalArgumentException("gamma must be in [0, 1], got " + gamma);
        }
        if (obsDim < 1 || (!discrete && actDim < 1)) {
            throw new IllegalArgumentException("obsDim and (continuous) actDim must be >= 1, got " + obsDim + ", " + actDim);
        }
        this.n = n;
        this.gamma = gamma;
        this.obsDim = obsDim;
        this.actDim = discrete ? 0 : actDim;
        this.discrete = discrete;
        this.sink = java.util.Objects.requireNonNull(sink, "sink");
        this.observations = new float[n * obsDim];
        this.actions = new int[n];
        this.continuousActions = new float[discrete ? 0 : n * actDim];
        this.rewards = new double[n];
    }

    /** The number of steps {@code n}. */
    public int n() {
        return n;
    }

    /** The discount γ. */
    public double gamma() {
        return gamma;
    }

    /** The number of transitions waiting for more steps (at most {@code n − 1} between adds). */
    public int pending() {
        return count;
    }

    /** The bootstrap discount {@code γ^m} of a transition spanning {@code m} steps. */
    public double discount(int m) {
        return Math.pow(gamma, m);
    }

    /** Forgets pending transitions (after an outside reset that is neither termination nor truncation). */
    public void clear() {
        head = 0;
        count = 0;
    }

    /** Adds one environment step with a discrete action; see the class comment for what is emitted. */
    public void add(float[] obs, int obsOffset, int action, double reward, float[] nextObs, int nextObsOffset,
            boolean terminated, boolean truncated) {
        push(obs, obsOffset, action, null, 0, reward);
        emit(nextObs, nextObsOffset, terminated, truncated);
    }

    /** Adds one environment step with a continuous action. */
    public void add(float[] obs, int obsOffset, float[] action, int actionOffset, double reward, float[] nextObs,
            int nextObsOffset, boolean terminated, boolean truncated) {
        push(obs, obsOffset, 0, action, actionOffset, reward);
        emit(nextObs, nextObsOffset, terminated, truncated);
    }

    private void push(float[] obs, int obsOffset, int action, float[] actionVector, int actionOffset, double reward) {
        int slot = (head + count) % n;
        System.arraycopy(obs, obsOffset, observations, slot * obsDim, obsDim);
        if (discrete) {
            actions[slot] = action;
        } else {
            System.arraycopy(actionVector, actionOffset, continuousActions, slot * actDim, actDim);
        }
        rewards[slot] = reward;
        count++;
    }

    private void emit(float[] nextObs, int nextObsOffset, boolean terminated, boolean truncated) {
        boolean ended = terminated || truncated;
        if (count == n) {
            emitOldest(nextObs, nextObsOffset, ended && terminated, ended && truncated);
        }
        if (ended) {
            while (count > 0) {
                emitOldest(nextObs, nextObsOffset, terminated, truncated);
            }
            head = 0;
        }
    }

    private void emitOldest(float[] nextObs, int nextObsOffset, boolean terminated, boolean truncated) {
        double ret = 0;
        double g = 1;
        for (int k = 0; k < count; k++) {
            ret += g * rewards[(head + k) % n];
            g *= gamma;
        }
        sink.add(observations, head * obsDim, discrete ? actions[head] : 0, continuousActions, head * actDim, ret,
                nextObs, nextObsOffset, terminated, truncated, count);
        head = (head + 1) % n;
        count--;
    }
}
