package dev.quiver.core.env;

import java.util.Map;

/**
 * What {@link Env#reset} returned: the first observation of an episode and extra information.
 *
 * @param observation the initial observation
 * @param info extra diagnostics (never null; often empty)
 * @param <O> observation type
 */
public record Reset<O>(O observation, Map<String, Object> info) {

    /** A reset with empty info. */
    public Reset(O observation) {
        this(observation, Map.of());
    }
}
