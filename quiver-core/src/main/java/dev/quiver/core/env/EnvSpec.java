package dev.quiver.core.env;

import dev.quiver.core.space.Space;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * What identifies an environment: its Gymnasium id, spaces, time limit and the return at which it
 * counts as solved.
 *
 * @param id Gymnasium-style id, e.g. {@code CartPole-v1}
 * @param observationSpace the observation space
 * @param actionSpace the action space
 * @param maxEpisodeSteps the TimeLimit applied by {@code Envs.make}, if any
 * @param rewardThreshold the average return at which the task counts as solved, if any
 */
public record EnvSpec(String id, Space<?> observationSpace, Space<?> actionSpace, OptionalInt maxEpisodeSteps,
        OptionalDouble rewardThreshold) {

    /** Validates that nothing is null. */
    public EnvSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(observationSpace, "observationSpace");
        Objects.requireNonNull(actionSpace, "actionSpace");
        Objects.requireNonNull(maxEpisodeSteps, "maxEpisodeSteps");
        Objects.requireNonNull(rewardThreshold, "rewardThreshold");
    }

    /** A spec with an optional limit ({@code maxSteps <= 0}: none) and threshold ({@code NaN}: none). */
    public static EnvSpec of(String id, Space<?> obs, Space<?> act, int maxSteps, double threshold) {
        return new EnvSpec(id, obs, act, maxSteps > 0 ? OptionalInt.of(maxSteps) : OptionalInt.empty(),
                Double.isNaN(threshold) ? OptionalDouble.empty() : OptionalDouble.of(threshold));
    }

    /** The same spec with other spaces (for wrappers that change them). */
    public EnvSpec withSpaces(Space<?> obs, Space<?> act) {
        return new EnvSpec(id, obs, act, maxEpisodeSteps, rewardThreshold);
    }

    /** The same spec with another time limit ({@code <= 0}: none). */
    public EnvSpec withMaxEpisodeSteps(int maxSteps) {
        return new EnvSpec(id, observationSpace, actionSpace,
                maxSteps > 0 ? OptionalInt.of(maxSteps) : OptionalInt.empty(), rewardThreshold);
    }
}
