package dev.quiver.bandits.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.bandits.algo.AlgorithmConfig;
import dev.quiver.bandits.env.SimulatorConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Multi-seed regret experiments: results independent of the thread count, curves and intervals. */
class RegretExperimentTest {

    private static List<AlgorithmConfig> algorithms() {
        return AlgorithmNames.names().stream().map(AlgorithmNames::defaults).toList();
    }

    @Test
    void resultsDoNotDependOnTheNumberOfThreads() {
        SimulatorConfig env = SimulatorConfig.of(SimulatorConfig.Kind.COSINE).withArms(3).withDim(4);
        long[] seeds = {0, 1, 2, 7};
        Map<String, double[][]> one = new RegretExperiment(env, algorithms(), 150, seeds, 1).run();
        Map<String, double[][]> three = new RegretExperiment(env, algorithms(), 150, seeds, 3).run();
        assertEquals(one.keySet(), three.keySet());
        for (String name : one.keySet()) {
            for (int s = 0; s < seeds.length; s++) {
                assertArrayEquals(one.get(name)[s], three.get(name)[s], 0.0, name + " seed " + seeds[s]);
            }
        }
    }

    @Test
    void cumulativeRegretIsNonDecreasingAndStartsAtTheFirstRoundsRegret() {
        SimulatorConfig env = SimulatorConfig.of(SimulatorConfig.Kind.LINEAR);
        double[][] r = new RegretExperiment(env, List.of(AlgorithmNames.defaults("linucb")), 300, new long[] {3}, 1)
                .run().get("linucb");
        for (int t = 1; t < r[0].length; t++) {
            assertTrue(r[0][t] >= r[0][t - 1], "regret in expected reward is never negative");
        }
        assertTrue(r[0][0] >= 0);
    }

    @Test
    void curvesAverageSeedsWithABootstrapIntervalAroundTheMean() {
        double[][] cumulative = {{1, 2, 3, 4}, {1, 3, 5, 7}, {0, 1, 2, 3}};
        int[] cps = RegretCurve.checkpoints(4, 2);
        assertArrayEquals(new int[] {2, 4}, cps);
        RegretCurve c = RegretCurve.of("x", cumulative, cps, 0.95, 500, 0);
        assertEquals(2.0, c.mean()[0], 1e-12);
        assertEquals(14.0 / 3, c.mean()[1], 1e-12);
        assertTrue(c.low()[1] <= c.mean()[1] && c.mean()[1] <= c.high()[1]);
        assertTrue(c.low()[1] >= 3 && c.high()[1] <= 7, "the interval stays within the sample's range");
        assertArrayEquals(new double[] {4, 7, 3}, c.perSeedFinal(), 0.0);
        RegretCurve again = RegretCurve.of("x", cumulative, cps, 0.95, 500, 0);
        assertArrayEquals(c.low(), again.low(), 0.0);
        assertArrayEquals(RegretCurve.checkpoints(3, 10), new int[] {1, 2, 3});
    }

    @Test
    void badSettingsAreRejected() {
        SimulatorConfig env = SimulatorConfig.defaults();
        List<AlgorithmConfig> two = List.of(AlgorithmNames.defaults("ucb1"), AlgorithmNames.defaults("ucb1"));
        assertThrows(IllegalArgumentException.class, () -> new RegretExperiment(env, two, 10, new long[] {0}, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new RegretExperiment(env, algorithms(), 0, new long[] {0}, 1));
        assertThrows(IllegalArgumentException.class, () -> AlgorithmNames.defaults("bogus"));
    }
}
