package dev.quiver.bandits.algo;

import dev.quiver.bandits.env.BanditSpec;
import dev.quiver.core.seed.Seeds;

/**
 * Configuration of {@link BernoulliThompson}.
 *
 * @param priorAlpha the Beta prior's first parameter (default 1: uniform prior)
 * @param priorBeta the Beta prior's second parameter (default 1)
 * @see <a href="https://arxiv.org/abs/1111.1797">Agrawal, Goyal (2012), Analysis of Thompson Sampling for the
 *     Multi-armed Bandit Problem, arXiv:1111.1797</a>
 */
public record BernoulliThompsonConfig(double priorAlpha, double priorBeta) implements AlgorithmConfig {

    /** Validates the fields. */
    public BernoulliThompsonConfig {
        if (!(priorAlpha > 0) || !(priorBeta > 0) || !Double.isFinite(priorAlpha) || !Double.isFinite(priorBeta)) {
            throw new IllegalArgumentException("Beta prior parameters must be positive, got " + priorAlpha + ", "
                    + priorBeta);
        }
    }

    /** The uniform prior Beta(1, 1). */
    public static BernoulliThompsonConfig defaults() {
        return new BernoulliThompsonConfig(1, 1);
    }

    /** A copy with prior Beta({@code alpha}, {@code beta}). */
    public BernoulliThompsonConfig withPrior(double alpha, double beta) {
        return new BernoulliThompsonConfig(alpha, beta);
    }

    @Override
    public String name() {
        return "ts-beta";
    }

    @Override
    public BanditAlgorithm build(BanditSpec spec, Seeds seeds) {
        return new BernoulliThompson(this, spec, seeds);
    }
}
