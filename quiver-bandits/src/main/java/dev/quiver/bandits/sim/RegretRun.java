package dev.quiver.bandits.sim;

import dev.quiver.bandits.algo.BanditAlgorithm;
import dev.quiver.bandits.env.BanditEnvironment;
import dev.quiver.bandits.env.Context;

/** One run of an algorithm on a simulator: the cumulative expected-reward regret after each round. */
public final class RegretRun {
    private RegretRun() {
    }

    /**
     * Runs {@code rounds} rounds and returns {@code R[t-1] = sum_{s <= t} (max_a mu(x_s, a) - mu(x_s, a_s))},
     * the cumulative regret in expected reward (the noise of the observed rewards does not enter it).
     *
     * @throws IllegalArgumentException if {@code rounds < 1} or the algorithm picks an arm out of range
     */
    public static double[] cumulativeRegret(BanditEnvironment env, BanditAlgorithm algorithm, int rounds) {
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1, got " + rounds);
        }
        double[] cumulative = new double[rounds];
        double total = 0;
        for (int t = 0; t < rounds; t++) {
            Context context = env.next();
            int arm = algorithm.select(context);
            if (arm < 0 || arm >= context.arms()) {
                throw new IllegalArgumentException("the algorithm picked arm " + arm + " of " + context.arms());
            }
            total += env.bestMean(context) - env.mean(context, arm);
            cumulative[t] = total;
            algorithm.update(context, arm, env.pull(context, arm));
        }
        return cumulative;
    }
}
