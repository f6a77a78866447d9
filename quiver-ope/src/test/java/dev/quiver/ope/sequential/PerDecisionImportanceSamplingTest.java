package dev.quiver.ope.sequential;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.estimate.Estimate;
import dev.quiver.core.seed.Seeds;
import dev.quiver.core.tabular.TabularModel;
import dev.quiver.data.dataset.EpisodeDataset;
import dev.quiver.envs.solve.ValueIteration;
import dev.quiver.envs.toytext.FrozenLake;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PerDecisionImportanceSamplingTest {
    private static final PerDecisionImportanceSampling PDIS = new PerDecisionImportanceSampling();

    @Test
    void matchesTheHandComputedExample() {
        OffPolicyData d = OpeFixtures.hand();
        // A: 1.6 * 1 + 0.5 * (1.6 * 2) * 2 = 4.8; B: 1 * 3 = 3
        assertArrayEquals(new double[] {4.8, 3.0}, PerDecisionImportanceSampling.episodeValues(d, 0.5), 1e-12);
        Estimate e = PDIS.estimate(d, SequentialOpeConfig.defaults().withGamma(0.5).withBootstrapReps(500));
        assertEquals(3.9, e.point(), 1e-12);
        // two episodes: every resample's mean is 3, 3.9 or 4.8
        assertTrue(e.low() >= 3.0 - 1e-12 && e.high() <= 4.8 + 1e-12, e.toString());
        assertEquals(1.6, d.ratio(0, 0), 1e-12);
        assertEquals(2.0, d.ratio(0, 1), 1e-12);
        assertEquals(1.0, d.ratio(1, 0), 1e-12);
    }

    /**
     * PDIS is unbiased: over R = 100 independent datasets (50 episodes each) the mean estimate lies within
     * 4 sd / sqrt(R) of the exact value (CLT; a two-sided 4-sigma band is exceeded with probability 6e-5).
     */
    @Test
    void isUnbiasedOnTaxi() {
        OpeFixtures.Taxi95 taxi = OpeFixtures.Taxi95.get();
        SequentialOpeConfig cfg = SequentialOpeConfig.defaults().withGamma(OpeFixtures.Taxi95.GAMMA)
                .withBootstrapReps(1);
        int reps = 100;
        double[] est = taxi.replicate(reps, 50, d -> PDIS.estimate(d, cfg).point());
        double bound = 4 * OpeFixtures.sd(est) / Math.sqrt(reps);
        assertEquals(taxi.truth, OpeFixtures.mean(est), bound,
                "truth " + taxi.truth + ", mean " + OpeFixtures.mean(est) + ", sd " + OpeFixtures.sd(est));
    }

    /** With the evaluation policy equal to the behaviour policy every ratio is 1: PDIS is the mean return. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void onPolicyDataGiveTheMeanDiscountedReturn(int seed) {
        TabularModel lake = new FrozenLake();
        double[][] pi = TabularOpe.epsilonGreedy(ValueIteration.solve(lake, 0.99, 1e-10).greedyActions(), 4,
                0.2 * seed);
        EpisodeDataset ds = TabularOpe.simulate(lake, pi, 40, 100, Seeds.of(seed).rng());
        OffPolicyData d = OffPolicyData.of(ds, TabularOpe.onOneHot(pi), TabularOpe.onOneHot(pi));
        SequentialOpeConfig cfg = SequentialOpeConfig.defaults().withGamma(0.9).withBootstrapReps(10);
        double expected = d.behaviourReturnMean(0.9);
        assertEquals(expected, PDIS.estimate(d, cfg).point(), 1e-12);
        assertEquals(expected, new WeightedPerDecisionImportanceSampling().estimate(d, cfg).point(), 1e-12);
    }

    @Test
    void theIntervalDependsOnlyOnTheSeed() {
        OffPolicyData d = OpeFixtures.Taxi95.get().data(0, 30);
        SequentialOpeConfig cfg = SequentialOpeConfig.defaults().withGamma(0.95).withBootstrapReps(300).withSeed(7);
        Estimate a = PDIS.estimate(d, cfg);
        assertEquals(a, PDIS.estimate(d, cfg));
        Estimate b = PDIS.estimate(d, cfg.withSeed(8));
        assertEquals(a.point(), b.point(), 0.0);
        assertNotEquals(a.low(), b.low());
        assertTrue(a.low() < a.point() && a.point() < a.high(), a.toString());
        assertEquals(0.95, a.confidence());
    }
}
