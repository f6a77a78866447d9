package dev.quiver.bandits.algo;

import dev.quiver.bandits.env.BanditSpec;
import dev.quiver.core.seed.Seeds;
import java.util.Objects;

/**
 * Configuration of {@link FastCb}.
 *
 * @param gamma the inverse-gap-weighting learning rate schedule (default {@code 10 sqrt(t)}, the same
 *     anytime form as SquareCB's; Foster and Krishnamurthy's tuned value depends on the unknown best loss)
 * @param lambda the initial curvature of the online logistic oracle (default 1)
 * @see <a href="https://arxiv.org/abs/2107.02237">Foster, Krishnamurthy (2021), arXiv:2107.02237</a>
 */
public record FastCbConfig(GammaSchedule gamma, double lambda) implements AlgorithmConfig {

    /** Validates the fields. */
    public FastCbConfig {
        Objects.requireNonNull(gamma, "gamma");
        if (!(lambda > 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("lambda must be positive, got " + lambda);
        }
    }

    /** {@code gamma_t = 10 sqrt(t)}, {@code lambda = 1}. */
    public static FastCbConfig defaults() {
        return new FastCbConfig(GammaSchedule.defaults(), 1);
    }

    /** A copy with schedule {@code gamma}. */
    public FastCbConfig withGamma(GammaSchedule gamma) {
        return new FastCbConfig(gamma, lambda);
    }

    /** A copy with initial curvature {@code lambda}. */
    public FastCbConfig withLambda(double lambda) {
        return new FastCbConfig(gamma, lambda);
    }

    @Override
    public String name() {
        return "fastcb";
    }

    @Override
    public BanditAlgorithm build(BanditSpec spec, Seeds seeds) {
        return new FastCb(this, spec, seeds);
    }
}
