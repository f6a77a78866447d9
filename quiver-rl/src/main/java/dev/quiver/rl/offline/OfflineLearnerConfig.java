package dev.quiver.rl.offline;

import dev.quiver.core.env.EnvSpec;
import java.util.Map;

/**
 * An immutable offline-learner configuration with documented defaults and {@code with…} methods, which
 * builds a learner for an env spec after checking that the algorithm supports the spec's spaces. The
 * offline counterpart of {@link dev.quiver.rl.agent.LearnerConfig}.
 */
public interface OfflineLearnerConfig {
    /**
     * A learner for envs with {@code spec}; its action type {@code A} is {@code Integer} for a Discrete action
     * space and {@code float[]} for a Box one.
     *
     * @throws dev.quiver.core.error.QuiverUserException if the algorithm does not support the spec's spaces
     *     (the message names the env id and the spaces)
     */
    <A> OfflineLearner<A> build(EnvSpec spec);

    /** The configuration as a JSON-ready map keyed by field name; the record's {@code fromMap} reads it back. */
    Map<String, Object> toMap();
}
