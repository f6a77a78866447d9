package dev.quiver.bandits.algo;

import dev.quiver.bandits.env.BanditSpec;
import dev.quiver.core.seed.Seeds;
import java.util.Objects;

/**
 * Configuration of {@link SquareCb}.
 *
 * @param gamma the inverse-gap-weighting learning rate schedule (default {@code 10 sqrt(t)}, see
 *     {@link GammaSchedule})
 * @param lambda the ridge penalty of the linear oracle (default 1)
 * @see <a href="https://arxiv.org/abs/2002.04926">Foster, Rakhlin (2020), arXiv:2002.04926</a>
 */
public record SquareCbConfig(GammaSchedule gamma, double lambda) implements AlgorithmConfig {

    /** Validates the fields. */
    public SquareCbConfig {
        Objects.requireNonNull(gamma, "gamma");
        if (!(lambda > 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("lambda must be positive, got " + lambda);
        }
    }

    /** {@code gamma_t = 10 sqrt(t)}, {@code lambda = 1}. */
    public static SquareCbConfig defaults() {
        return new SquareCbConfig(GammaSchedule.defaults(), 1);
    }

    /** A copy with schedule {@code gamma}. */
    public SquareCbConfig withGamma(GammaSchedule gamma) {
        return new SquareCbConfig(gamma, lambda);
    }

    /** A copy with ridge penalty {@code lambda}. */
    public SquareCbConfig withLambda(double lambda) {
        return new SquareCbConfig(gamma, lambda);
    }

    @Override
    public String name() {
        return "squarecb";
    }

    @Override
    public BanditAlgorithm build(BanditSpec spec, Seeds seeds) {
        return new SquareCb(this, spec, seeds);
    }
}
