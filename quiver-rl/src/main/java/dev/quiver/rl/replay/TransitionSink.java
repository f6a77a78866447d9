package dev.quiver.rl.replay;

/**
 * Something that accepts transitions with flat float observations: a replay buffer, or a stage
 * (like {@link NStepAccumulator}) that passes them on. Arrays are read at the given offsets and never
 * kept, so callers may reuse them.
 *
 * <p>A transition is {@code (s, a, R, s', terminated, truncated, steps)}: {@code R} is the (possibly
 * discounted multi-step) reward collected over {@code steps} environment steps, {@code s'} the
 * observation after those steps, and the learner's target is {@code R + γ^steps · (1 − terminated) ·
 * V(s')}. {@code truncated} (a time limit or other outside cut) is never a terminal: it still
 * bootstraps, following Gymnasium's terminated/truncated distinction.
 */
public interface TransitionSink {

    /**
     * Accepts one transition.
     *
     * @param obs the array holding the observation {@code s}
     * @param obsOffset where {@code s} starts in {@code obs}
     * @param action the discrete action (ignored by continuous-action sinks)
     * @param actionVector the array holding a continuous action (ignored by discrete sinks; may be
     *     null there)
     * @param actionOffset where the continuous action starts in {@code actionVector}
     * @param reward the reward (the discounted sum over {@code steps} steps)
     * @param nextObs the array holding the observation {@code s'} after the transition
     * @param nextObsOffset where {@code s'} starts in {@code nextObs}
     * @param terminated whether {@code s'} is terminal (no bootstrapping)
     * @param truncated whether the episode was cut short at {@code s'} (still bootstraps)
     * @param steps the number of environment steps the transition spans (1 for plain transitions)
     */
    void add(float[] obs, int obsOffset, int action, float[] actionVector, int actionOffset, double reward,
            float[] nextObs, int nextObsOffset, boolean terminated, boolean truncated, int steps);
}
