package dev.quiver.bandits.algo;

import dev.quiver.bandits.env.BanditSpec;
import dev.quiver.core.seed.Seeds;

/**
 * Configuration of {@link GaussianThompson}.
 *
 * @param scale the factor on the posterior standard deviation {@code 1 / sqrt(k_a + 1)} (default 1, Agrawal
 *     and Goyal's Gaussian-prior algorithm for rewards in [0, 1])
 * @see <a href="https://arxiv.org/abs/1209.3353">Agrawal, Goyal (2013), Further Optimal Regret Bounds for
 *     Thompson Sampling, arXiv:1209.3353</a>
 */
public record GaussianThompsonConfig(double scale) implements AlgorithmConfig {

    /** Validates the field. */
    public GaussianThompsonConfig {
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("scale must be positive, got " + scale);
        }
    }

    /** {@code scale = 1}. */
    public static GaussianThompsonConfig defaults() {
        return new GaussianThompsonConfig(1);
    }

    /** A copy with posterior scale {@code scale}. */
    public GaussianThompsonConfig withScale(double scale) {
        return new GaussianThompsonConfig(scale);
    }

    @Override
    public String name() {
        return "ts-gaussian";
    }

    @Override
    public BanditAlgorithm build(BanditSpec spec, Seeds seeds) {
        return new GaussianThompson(this, spec, seeds);
    }
}
