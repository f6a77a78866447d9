package dev.quiver.bandits.algo;

import dev.quiver.bandits.env.BanditSpec;
import dev.quiver.bandits.env.Context;
import dev.quiver.core.seed.Seeds;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Thompson sampling with Gaussian posteriors (contexts are ignored): draw
 * {@code theta_a ~ N(S_a / (k_a + 1), scale^2 / (k_a + 1))}, where {@code k_a} counts the pulls of arm
 * {@code a} and {@code S_a} sums its rewards rescaled to [0, 1], and pull the largest (Agrawal and Goyal's
 * Gaussian-prior algorithm). Draws come from {@code seeds.child("posterior")}.
 *
 * @see <a href="https://arxiv.org/abs/1209.3353">Agrawal, Goyal (2013), Further Optimal Regret Bounds for
 *     Thompson Sampling, arXiv:1209.3353</a>
 */
public final class GaussianThompson implements BanditAlgorithm {
    private final GaussianThompsonConfig config;
    private final BanditSpec spec;
    private final long[] counts;
    private final double[] sums;
    private final double[] draws;
    private final ZigguratSampler.NormalizedGaussian gaussian;

    GaussianThompson(GaussianThompsonConfig config, BanditSpec spec, Seeds seeds) {
        this.config = config;
        this.spec = spec;
        this.counts = new long[spec.arms()];
        this.sums = new double[spec.arms()];
        this.draws = new double[spec.arms()];
        this.gaussian = ZigguratSampler.NormalizedGaussian.of(seeds.child("posterior").rng());
    }

    @Override
    public int select(Context context) {
        for (int a = 0; a < draws.length; a++) {
            double n = counts[a] + 1.0;
            draws[a] = sums[a] / n + config.scale() / Math.sqrt(n) * gaussian.sample();
        }
        return Arrays2.argmax(draws);
    }

    @Override
    public void update(Context context, int arm, double reward) {
        counts[arm]++;
        sums[arm] += spec.normalise(reward);
    }
}
