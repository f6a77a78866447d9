package dev.quiver.bandits.algo;

import dev.quiver.bandits.env.BanditSpec;
import dev.quiver.core.seed.Seeds;

/**
 * The immutable configuration of a bandit algorithm: a name for tables and a factory of fresh learners.
 * Implementations are records with a {@code defaults()} factory and {@code with...} copies.
 */
public interface AlgorithmConfig {

    /** The algorithm's short name as used on the command line, e.g. {@code "linucb"}. */
    String name();

    /**
     * A fresh learner for problems shaped like {@code spec}; its randomness comes from streams derived
     * from {@code seeds}.
     */
    BanditAlgorithm build(BanditSpec spec, Seeds seeds);
}
