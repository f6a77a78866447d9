package dev.quiver.core.registry;

import dev.quiver.core.env.Env;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * How to make one registered env id, as Gymnasium's {@code EnvSpec} in its registry.
 *
 * @param id the Gymnasium-style id
 * @param description one line for {@code quiver envs list}
 * @param maxEpisodeSteps the time limit {@code Envs.make} wraps the env in, if any
 * @param rewardThreshold the average return at which the task counts as solved, if any
 * @param defaultKwargs constructor options used when the caller gives none (e.g. {@code map_name})
 * @param factory builds the raw env from the merged options
 */
public record EnvRegistration(String id, String description, OptionalInt maxEpisodeSteps,
        OptionalDouble rewardThreshold, Map<String, Object> defaultKwargs,
        Function<Map<String, Object>, Env<?, ?>> factory) {

    /** Validates and copies. */
    public EnvRegistration {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(factory, "factory");
        defaultKwargs = Map.copyOf(defaultKwargs);
    }

    /** A registration with a limit ({@code <= 0}: none) and threshold ({@code NaN}: none). */
    public static EnvRegistration of(String id, String description, int maxSteps, double threshold,
            Map<String, Object> defaultKwargs, Function<Map<String, Object>, Env<?, ?>> factory) {
        return new EnvRegistration(id, description, maxSteps > 0 ? OptionalInt.of(maxSteps) : OptionalInt.empty(),
                Double.isNaN(threshold) ? OptionalDouble.empty() : OptionalDouble.of(threshold), defaultKwargs,
                factory);
    }
}
