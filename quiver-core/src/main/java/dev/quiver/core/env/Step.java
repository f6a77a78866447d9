package dev.quiver.core.env;

import java.util.Map;

/**
 * What one {@link Env#step} returned, as Gymnasium's 5-tuple.
 *
 * @param observation the observation after the step
 * @param reward the reward for the transition
 * @param terminated whether a terminal state of the MDP was reached
 * @param truncated whether the episode was cut short (time limit or outside condition)
 * @param info extra diagnostics (never null; often empty)
 * @param <O> observation type
 */
public record Step<O>(O observation, double reward, boolean terminated, boolean truncated, Map<String, Object> info) {

    /** A step with empty info. */
    public Step(O observation, double reward, boolean terminated, boolean truncated) {
        this(observation, reward, terminated, truncated, Map.of());
    }

    /** Whether the episode is over, either way. */
    public boolean done() {
        return terminated || truncated;
    }
}
