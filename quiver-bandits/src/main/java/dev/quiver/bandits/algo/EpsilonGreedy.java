package dev.quiver.bandits.algo;

import dev.quiver.bandits.env.BanditSpec;
import dev.quiver.bandits.env.Context;
import dev.quiver.core.seed.Seeds;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Epsilon-greedy on the arms' empirical mean rewards (contexts are ignored): pull each arm once, then
 * with probability {@code epsilon_t} a uniformly random arm, otherwise the arm with the best mean (first
 * on ties). Draws from {@code seeds.child("explore")}.
 *
 * @see <a href="https://doi.org/10.1023/A:1013689704352">Auer, Cesa-Bianchi, Fischer (2002), Machine
 *     Learning 47</a>
 */
public final class EpsilonGreedy implements BanditAlgorithm {
    private final EpsilonGreedyConfig config;
    private final int arms;
    private final long[] counts;
    private final double[] means;
    private final UniformRandomProvider rng;
    private long t;

    EpsilonGreedy(EpsilonGreedyConfig config, BanditSpec spec, Seeds seeds) {
        this.config = config;
        this.arms = spec.arms();
        this.counts = new long[arms];
        this.means = new double[arms];
        this.rng = seeds.child("explore").rng();
    }

    @Override
    public int select(Context context) {
        t++;
        if (t <= arms) {
            return (int) (t - 1);
        }
        if (rng.nextDouble() < config.rate(t, arms)) {
            return rng.nextInt(arms);
        }
        return Arrays2.argmax(means);
    }

    @Override
    public void update(Context context, int arm, double reward) {
        counts[arm]++;
        means[arm] += (reward - means[arm]) / counts[arm];
    }
}
