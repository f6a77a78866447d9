package dev.quiver.uq.aggregation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quiver.core.seed.Seeds;
import dev.quiver.uq.metrics.IntervalMetrics;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/** The pinball loss and the weighted interval score as twice the mean pinball loss. */
class QuantileLossTest {
    @Test
    void pinballHandValues() {
        assertEquals(0.9 * 2, QuantileLoss.pinball(0.9, 3, 1), 1e-15);
        assertEquals(0.1 * 2, QuantileLoss.pinball(0.9, 1, 3), 1e-15);
        assertEquals(0.0, QuantileLoss.pinball(0.3, 2, 2), 0);
    }

    @Test
    void equalsBracherWisForSymmetricLevelsWithAMedian() {
        double[] levels = AggregationStudy.defaultLevels();
        double[] alphas = {0.1, 0.2, 0.4, 0.6, 0.8};
        UniformRandomProvider rng = Seeds.of(3).rng();
        for (int t = 0; t < 200; t++) {
            double[] q = new double[levels.length];
            for (int k = 0; k < q.length; k++) {
                q[k] = 6 * (rng.nextDouble() - 0.5);
            }
            Arrays.sort(q);
            double y = 8 * (rng.nextDouble() - 0.5);
            double[] lo = new double[alphas.length];
            double[] hi = new double[alphas.length];
            for (int j = 0; j < alphas.length; j++) {
                lo[j] = q[j];
                hi[j] = q[levels.length - 1 - j];
            }
            assertEquals(IntervalMetrics.weightedIntervalScore(q[5], lo, hi, alphas, y), QuantileLoss.wis(levels, q, y),
                    1e-12);
        }
    }

    @Test
    void coverageAndWidthHelpers() {
        double[][] q = {{0, 1, 2}, {1, 2, 3}};
        double[] y = {0.5, 5};
        assertEquals(0.5, QuantileLoss.intervalCoverage(q, y, 0, 2), 0);
        assertEquals(0.5, QuantileLoss.levelCoverage(q, y, 1), 0);
        assertEquals(2.0, QuantileLoss.meanWidth(q, 0, 2), 0);
    }
}
