package dev.quiver.bandits.algo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.bandits.env.BanditEnvironment;
import dev.quiver.bandits.env.MultiArmedSimulator;
import dev.quiver.bandits.env.SimulatorConfig;
import dev.quiver.bandits.sim.RegretRun;
import dev.quiver.core.seed.Seeds;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/**
 * Regret grows sublinearly on easy instances, on fixed seeds. The check is the growth ratio
 * {@code R(T) / R(T/4)}: linear regret gives 4, {@code O(sqrt(T) log T)} regret gives at most
 * {@code 2 ln T / ln(T/4)} (2.4 at T = 4000), logarithmic regret {@code ln T / ln(T/4)} (1.2). We require
 * a mean ratio below 2.5 (above every sublinear rate's value, far below linear), plus, for UCB1, Auer et
 * al.'s finite-time bound.
 */
class SublinearRegretTest {
    private static final int T = 4000;
    private static final long[] SEEDS = {1, 2, 3, 4, 5};
    /** Big gaps: Delta = 0.6 for both suboptimal arms. */
    private static final double[] MEANS = {0.8, 0.2, 0.2};

    private static double[] meanRegret(LongFunction<BanditEnvironment> env, AlgorithmConfig config) {
        double[] sum = new double[T];
        for (long s : SEEDS) {
            BanditEnvironment e = env.apply(s);
            double[] r = RegretRun.cumulativeRegret(e, config.build(e.spec(), Seeds.of(s).child("algo")), T);
            for (int t = 0; t < T; t++) {
                sum[t] += r[t] / SEEDS.length;
            }
        }
        return sum;
    }

    private static double ratio(double[] r) {
        return r[T - 1] / r[T / 4 - 1];
    }

    private static MultiArmedSimulator bernoulli(long seed) {
        return MultiArmedSimulator.bernoulli(MEANS, Seeds.of(seed).child("env"));
    }

    @Test
    void ucb1IsLogarithmicAndWithinAuerEtAlsBound() {
        double[] r = meanRegret(SublinearRegretTest::bernoulli, Ucb1Config.defaults());
        // Auer et al. (2002), Theorem 1: E R(T) <= sum_a (8 ln T / Delta_a + (1 + pi^2/3) Delta_a)
        double bound = 0;
        for (double m : MEANS) {
            double gap = 0.8 - m;
            if (gap > 0) {
                bound += 8 * Math.log(T) / gap + (1 + Math.PI * Math.PI / 3) * gap;
            }
        }
        assertTrue(r[T - 1] <= bound, "UCB1 regret " + r[T - 1] + " above the bound " + bound);
        assertTrue(ratio(r) < 2.5, "UCB1 growth ratio " + ratio(r));
    }

    @Test
    void betaBernoulliThompsonSamplingIsSublinear() {
        double[] r = meanRegret(SublinearRegretTest::bernoulli, BernoulliThompsonConfig.defaults());
        assertTrue(ratio(r) < 2.5, "TS growth ratio " + ratio(r) + ", R(T) = " + r[T - 1]);
    }

    @Test
    void gaussianThompsonSamplingIsSublinear() {
        double[] r = meanRegret(s -> MultiArmedSimulator.gaussian(MEANS, 0.5, Seeds.of(s).child("env")),
                GaussianThompsonConfig.defaults());
        assertTrue(ratio(r) < 2.5, "Gaussian TS growth ratio " + ratio(r) + ", R(T) = " + r[T - 1]);
    }

    @Test
    void linUcbAndLinTsAreSublinearOnALinearContextualBandit() {
        SimulatorConfig linear = SimulatorConfig.of(SimulatorConfig.Kind.LINEAR).withArms(4).withDim(5);
        for (AlgorithmConfig c : new AlgorithmConfig[] {LinUcbConfig.defaults(), LinTsConfig.defaults(),
            SquareCbConfig.defaults()}) {
            double[] r = meanRegret(linear::build, c);
            assertTrue(ratio(r) < 2.5, c.name() + " growth ratio " + ratio(r) + ", R(T) = " + r[T - 1]);
        }
    }

    @Test
    void aContextFreeAlgorithmIsLinearOnTheContextualBandit() {
        // the contrast that makes the ratio meaningful: UCB1 ignores contexts whose best arm changes every round
        SimulatorConfig linear = SimulatorConfig.of(SimulatorConfig.Kind.LINEAR).withArms(4).withDim(5);
        double[] r = meanRegret(linear::build, Ucb1Config.defaults());
        assertTrue(ratio(r) > 3.5, "UCB1 on contexts: ratio " + ratio(r));
    }
}
