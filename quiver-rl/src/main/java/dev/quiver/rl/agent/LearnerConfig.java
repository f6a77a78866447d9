package dev.quiver.rl.agent;

import dev.quiver.core.env.EnvSpec;
import java.util.Map;

/**
 * An immutable learner configuration with documented defaults and {@code with…} methods, which builds
 * a learner for an env spec after checking that the algorithm supports the spec's spaces.
 *
 * @param <O> observation type
 * @param <A> action type
 */
public interface LearnerConfig<O, A> {
    /**
     * A learner for envs with {@code spec}.
     *
     * @throws dev.quiver.core.error.QuiverUserException if the algorithm does not support the spec's
     *     observation or action space (the message names the env id and the spaces)
     */
    Learner<O, A> build(EnvSpec spec);

    /**
     * The configuration as a JSON-ready map keyed by field name (for checkpoints and provenance); the
     * config record's {@code fromMap} reads it back.
     */
    Map<String, Object> toMap();
}
