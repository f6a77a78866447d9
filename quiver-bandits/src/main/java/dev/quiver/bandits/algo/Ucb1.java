package dev.quiver.bandits.algo;

import dev.quiver.bandits.env.BanditSpec;
import dev.quiver.bandits.env.Context;

/**
 * UCB1 (contexts are ignored): pull each arm once, then the arm maximising
 * {@code mean_a + sqrt(c ln t / n_a)} (first on ties). Rewards are rescaled to [0, 1] with the spec's
 * range before averaging, as UCB1's bound assumes rewards in [0, 1]. Deterministic.
 *
 * @see <a href="https://doi.org/10.1023/A:1013689704352">Auer, Cesa-Bianchi, Fischer (2002), Finite-time
 *     Analysis of the Multiarmed Bandit Problem, Machine Learning 47</a>
 */
public final class Ucb1 implements BanditAlgorithm {
    private final Ucb1Config config;
    private final BanditSpec spec;
    private final long[] counts;
    private final double[] means;
    private final double[] index;
    private long t;

    Ucb1(Ucb1Config config, BanditSpec spec) {
        this.config = config;
        this.spec = spec;
        this.counts = new long[spec.arms()];
        this.means = new double[spec.arms()];
        this.index = new double[spec.arms()];
    }

    @Override
    public int select(Context context) {
        t++;
        int arms = counts.length;
        if (t <= arms) {
            return (int) (t - 1);
        }
        double logT = Math.log(t);
        for (int a = 0; a < arms; a++) {
            index[a] = means[a] + Math.sqrt(config.c() * logT / counts[a]);
        }
        return Arrays2.argmax(index);
    }

    @Override
    public void update(Context context, int arm, double reward) {
        counts[arm]++;
        means[arm] += (spec.normalise(reward) - means[arm]) / counts[arm];
    }
}
