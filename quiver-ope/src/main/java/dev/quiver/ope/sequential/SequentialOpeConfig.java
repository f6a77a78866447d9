package dev.quiver.ope.sequential;

import dev.quiver.core.error.QuiverUserException;

/**
 * The settings every sequential estimator shares: the discount and the percentile bootstrap over episodes that
 * gives each estimate its interval.
 *
 * @param gamma the discount {@code gamma} in [0, 1] of the value estimated, {@code E[sum_t gamma^t r_t]} over
 *     an episode (default 1: the undiscounted episode return, as SCOPE-RL's default)
 * @param bootstrapReps the number of bootstrap resamples of the episodes, at least 1 (default 2,000)
 * @param confidence the nominal coverage of the interval, in (0, 1) (default 0.95)
 * @param seed the root seed: resamples come from {@code Seeds.of(seed).child("bootstrap")}, so every estimator
 *     run with the same config resamples the same episodes; fitted Q evaluation initialises and samples from
 *     {@code child("fqe")} (default 0)
 */
public record SequentialOpeConfig(double gamma, int bootstrapReps, double confidence, long seed) {
    /** Validates the values. */
    public SequentialOpeConfig {
        if (!(gamma >= 0 && gamma <= 1)) {
            throw new QuiverUserException("gamma must be in [0, 1], got " + gamma);
        }
        if (bootstrapReps < 1) {
            throw new QuiverUserException("bootstrap resamples must be at least 1, got " + bootstrapReps);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new QuiverUserException("confidence must be in (0, 1), got " + confidence);
        }
    }

    /** gamma 1, 2,000 resamples, 95% intervals, seed 0. */
    public static SequentialOpeConfig defaults() {
        return new SequentialOpeConfig(1.0, 2000, 0.95, 0);
    }

    /** The same with discount {@code g}. */
    public SequentialOpeConfig withGamma(double g) {
        return new SequentialOpeConfig(g, bootstrapReps, confidence, seed);
    }

    /** The same with {@code n} bootstrap resamples. */
    public SequentialOpeConfig withBootstrapReps(int n) {
        return new SequentialOpeConfig(gamma, n, confidence, seed);
    }

    /** The same with coverage {@code c}. */
    public SequentialOpeConfig withConfidence(double c) {
        return new SequentialOpeConfig(gamma, bootstrapReps, c, seed);
    }

    /** The same with root seed {@code s}. */
    public SequentialOpeConfig withSeed(long s) {
        return new SequentialOpeConfig(gamma, bootstrapReps, confidence, s);
    }
}
