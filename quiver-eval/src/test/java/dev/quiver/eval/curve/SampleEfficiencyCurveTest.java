package dev.quiver.eval.curve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.seed.Seeds;
import dev.quiver.core.space.Spaces;
import dev.quiver.eval.aggregate.Metric;
import dev.quiver.eval.bootstrap.BootstrapConfig;
import dev.quiver.eval.bootstrap.BootstrapResult;
import dev.quiver.eval.bootstrap.StratifiedBootstrap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class SampleEfficiencyCurveTest {

    /** Scores that grow with training: checkpoint c has task means around c / 2. */
    private static double[][][] learning(int checkpoints, int tasks, int runs) {
        UniformRandomProvider rng = Seeds.rng(42);
        double[][][] s = new double[checkpoints][tasks][runs];
        for (int c = 0; c < checkpoints; c++) {
            for (int t = 0; t < tasks; t++) {
                for (int r = 0; r < runs; r++) {
                    s[c][t][r] = c / 2.0 + 0.1 * t + 0.2 * Spaces.standardNormal(rng);
                }
            }
        }
        return s;
    }

    @Test
    void oneEstimatePerCheckpointPerMetric() {
        double[][][] s = learning(6, 4, 10);
        double[] steps = {0, 20_000, 40_000, 60_000, 80_000, 100_000};
        BootstrapConfig c = BootstrapConfig.seeded(3).withReps(1000);
        List<Metric> metrics = List.of(Metric.iqm(), Metric.mean(), Metric.optimalityGap(2));
        Map<String, SampleEfficiencyCurve> curves = SampleEfficiencyCurve.compute(s, steps, metrics, c);
        assertEquals(List.of("iqm", "mean", "og@2.0"), List.copyOf(curves.keySet()));
        for (Metric m : metrics) {
            SampleEfficiencyCurve curve = curves.get(m.name());
            assertEquals(m.name(), curve.metric());
            assertEquals(6, curve.size());
            assertArrayEquals(steps, curve.checkpoints(), 0.0);
            for (int i = 0; i < 6; i++) {
                assertEquals(m.apply(s[i]), curve.points()[i], 0.0);
                assertTrue(curve.lows()[i] <= curve.points()[i] && curve.points()[i] <= curve.highs()[i]);
                // checkpoint i is its own stratified bootstrap with seed child("checkpoint", i)
                BootstrapResult alone = StratifiedBootstrap.run(s[i], List.of(m),
                        c.withSeeds(c.seeds().child(SampleEfficiencyCurve.CHECKPOINT_STREAM, i)));
                assertEquals(alone.estimate(m.name()), curve.at(i));
            }
        }
        // the learning signal (+0.5 per checkpoint) dwarfs the noise (interval half-width about 0.05)
        double[] iqm = curves.get("iqm").points();
        for (int i = 1; i < iqm.length; i++) {
            assertTrue(iqm[i] > iqm[i - 1] + 0.3);
            assertTrue(curves.get("iqm").lows()[i] > curves.get("iqm").highs()[i - 1]);
        }
        double[] og = curves.get("og@2.0").points();
        assertTrue(og[0] > og[og.length - 1]);
    }

    @Test
    void defaultCheckpointsAndRaggedCheckpoints() {
        double[][][] s = learning(3, 2, 5);
        s[1][0] = new double[] {0.4, 0.6}; // fewer runs at one checkpoint and task
        SampleEfficiencyCurve curve = SampleEfficiencyCurve.compute(s, List.of(Metric.median()),
                BootstrapConfig.seeded(1).withReps(200)).get("median");
        assertArrayEquals(new double[] {0, 1, 2}, curve.checkpoints(), 0.0);
        assertEquals(Metric.median().apply(s[1]), curve.at(1).point(), 0.0);
        assertEquals(3, curve.estimates().length);
    }

    @Test
    void rejectsBadShapes() {
        BootstrapConfig c = BootstrapConfig.seeded(1).withReps(10);
        assertThrows(IllegalArgumentException.class,
                () -> SampleEfficiencyCurve.compute(new double[0][][], List.of(Metric.iqm()), c));
        assertThrows(IllegalArgumentException.class,
                () -> SampleEfficiencyCurve.compute(learning(2, 2, 2), new double[] {1}, List.of(Metric.iqm()), c));
        double[][][] bad = learning(2, 2, 2);
        bad[1][1][0] = Double.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SampleEfficiencyCurve.compute(bad, List.of(Metric.iqm()), c));
        assertTrue(e.getMessage().contains("checkpoint 1") && e.getMessage().contains("task 1, run 0"), e.getMessage());
    }
}
