package dev.quiver.bandits.algo;

import dev.quiver.bandits.env.BanditSpec;
import dev.quiver.core.seed.Seeds;

/**
 * Configuration of {@link LinUcb}.
 *
 * @param alpha the width multiplier; Li et al. set {@code alpha = 1 + sqrt(ln(2 / delta) / 2)}, our default
 *     takes {@code delta = 0.05} ({@code alpha = 2.358})
 * @param lambda the ridge penalty ({@code A_a} starts at {@code lambda I}; default 1, the paper's identity)
 * @see <a href="https://arxiv.org/abs/1003.0146">Li, Chu, Langford, Schapire (2010), arXiv:1003.0146</a>
 */
public record LinUcbConfig(double alpha, double lambda) implements AlgorithmConfig {

    /** Validates the fields. */
    public LinUcbConfig {
        if (!(alpha >= 0) || !Double.isFinite(alpha)) {
            throw new IllegalArgumentException("alpha must be finite and at least 0, got " + alpha);
        }
        if (!(lambda > 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("lambda must be positive, got " + lambda);
        }
    }

    /** {@code alpha = 1 + sqrt(ln(2 / 0.05) / 2)}, {@code lambda = 1}. */
    public static LinUcbConfig defaults() {
        return new LinUcbConfig(alphaFor(0.05), 1);
    }

    /** Li et al.'s {@code alpha = 1 + sqrt(ln(2 / delta) / 2)} for confidence {@code 1 - delta}. */
    public static double alphaFor(double delta) {
        if (!(delta > 0 && delta < 1)) {
            throw new IllegalArgumentException("delta must be in (0, 1), got " + delta);
        }
        return 1 + Math.sqrt(Math.log(2 / delta) / 2);
    }

    /** A copy with width multiplier {@code alpha}. */
    public LinUcbConfig withAlpha(double alpha) {
        return new LinUcbConfig(alpha, lambda);
    }

    /** A copy with ridge penalty {@code lambda}. */
    public LinUcbConfig withLambda(double lambda) {
        return new LinUcbConfig(alpha, lambda);
    }

    @Override
    public String name() {
        return "linucb";
    }

    @Override
    public BanditAlgorithm build(BanditSpec spec, Seeds seeds) {
        return new LinUcb(this, spec);
    }
}
