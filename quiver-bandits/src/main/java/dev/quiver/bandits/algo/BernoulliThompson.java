package dev.quiver.bandits.algo;

import dev.quiver.bandits.env.BanditSpec;
import dev.quiver.bandits.env.Context;
import dev.quiver.core.seed.Seeds;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ChengBetaSampler;

/**
 * Thompson sampling with Beta-Bernoulli posteriors (contexts are ignored): draw
 * {@code theta_a ~ Beta(alpha + S_a, beta + F_a)} for every arm and pull the largest. A reward {@code r}
 * (rescaled to [0, 1] with the spec's range) counts as a success with probability {@code r}, Agrawal and
 * Goyal's extension to rewards in [0, 1] (exactly the Bernoulli update for 0/1 rewards). Posterior draws
 * come from {@code seeds.child("posterior")}, the success trials from {@code seeds.child("trials")}.
 *
 * @see <a href="https://arxiv.org/abs/1111.1797">Agrawal, Goyal (2012), Analysis of Thompson Sampling for the
 *     Multi-armed Bandit Problem, arXiv:1111.1797</a>
 */
public final class BernoulliThompson implements BanditAlgorithm {
    private final BernoulliThompsonConfig config;
    private final BanditSpec spec;
    private final double[] successes;
    private final double[] failures;
    private final double[] draws;
    private final UniformRandomProvider posterior;
    private final UniformRandomProvider trials;

    BernoulliThompson(BernoulliThompsonConfig config, BanditSpec spec, Seeds seeds) {
        this.config = config;
        this.spec = spec;
        this.successes = new double[spec.arms()];
        this.failures = new double[spec.arms()];
        this.draws = new double[spec.arms()];
        this.posterior = seeds.child("posterior").rng();
        this.trials = seeds.child("trials").rng();
    }

    @Override
    public int select(Context context) {
        for (int a = 0; a < draws.length; a++) {
            draws[a] = ChengBetaSampler.of(posterior, config.priorAlpha() + successes[a],
                    config.priorBeta() + failures[a]).sample();
        }
        return Arrays2.argmax(draws);
    }

    @Override
    public void update(Context context, int arm, double reward) {
        double r = spec.normalise(reward);
        boolean success = r >= 1 || (r > 0 && trials.nextDouble() < r);
        if (success) {
            successes[arm]++;
        } else {
            failures[arm]++;
        }
    }
}
