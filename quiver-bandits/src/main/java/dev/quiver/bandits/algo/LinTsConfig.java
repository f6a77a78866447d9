package dev.quiver.bandits.algo;

import dev.quiver.bandits.env.BanditSpec;
import dev.quiver.core.seed.Seeds;

/**
 * Configuration of {@link LinTs}.
 *
 * @param v the posterior scale: {@code mu~ ~ N(mu^, v^2 B^-1)}. Agrawal and Goyal's analysis uses
 *     {@code v = R sqrt(24 d ln(1 / delta) / epsilon)} ({@link #paperScale}), which explores far more than
 *     needed in practice; our default is {@code v = 0.25}, a constant of our choosing for rewards in [-1, 1]
 *     with noise sd 0.1
 * @param lambda the ridge penalty ({@code B} starts at {@code lambda I}; default 1, the paper's identity)
 * @see <a href="https://arxiv.org/abs/1209.3352">Agrawal, Goyal (2013), Thompson Sampling for Contextual
 *     Bandits with Linear Payoffs, arXiv:1209.3352</a>
 */
public record LinTsConfig(double v, double lambda) implements AlgorithmConfig {

    /** Validates the fields. */
    public LinTsConfig {
        if (!(v >= 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException("v must be finite and at least 0, got " + v);
        }
        if (!(lambda > 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("lambda must be positive, got " + lambda);
        }
    }

    /** {@code v = 0.25}, {@code lambda = 1}. */
    public static LinTsConfig defaults() {
        return new LinTsConfig(0.25, 1);
    }

    /**
     * The paper's {@code v = R sqrt(24 d ln(1 / delta) / epsilon)} for noise scale {@code r}, dimension
     * {@code d}, confidence {@code 1 - delta} and the algorithm parameter {@code epsilon} in (0, 1).
     */
    public static double paperScale(double r, int d, double delta, double epsilon) {
        return r * Math.sqrt(24.0 * d * Math.log(1 / delta) / epsilon);
    }

    /** A copy with posterior scale {@code v}. */
    public LinTsConfig withV(double v) {
        return new LinTsConfig(v, lambda);
    }

    /** A copy with ridge penalty {@code lambda}. */
    public LinTsConfig withLambda(double lambda) {
        return new LinTsConfig(v, lambda);
    }

    @Override
    public String name() {
        return "lints";
    }

    @Override
    public BanditAlgorithm build(BanditSpec spec, Seeds seeds) {
        return new LinTs(this, spec, seeds);
    }
}
