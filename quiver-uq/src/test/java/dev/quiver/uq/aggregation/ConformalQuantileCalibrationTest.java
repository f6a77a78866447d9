package dev.quiver.uq.aggregation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.seed.Seeds;
import dev.quiver.uq.conformal.SplitCoverageLaw;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;

/**
 * Conformal calibration of quantile vectors: the nested output is monotone and only widens each calibrated
 * interval; each central interval's coverage, averaged over R = 200 seeded repetitions with fresh calibration and
 * test data, lies in its finite-sample band widened by 4 Monte Carlo standard errors ({@link SplitCoverageLaw};
 * the nesting only widens, so the upper end is checked for the outermost interval alone, whose calibrated ends
 * nesting never moves here: its offset is the largest).
 */
class ConformalQuantileCalibrationTest {
    private static final double[] LEVELS = {0.05, 0.25, 0.5, 0.75, 0.95};

    @Test
    void handExampleShiftsAndNests() {
        // two calibration rows, too few for the 90% interval (offset +inf) but enough for the 50% one:
        // n = 2, alpha = 0.5: rank ceil(3 * 0.5) = 2 -> the larger score
        double[][] q = {{0, 1, 2, 3, 4}, {0, 1, 2, 3, 4}};
        double[] y = {3.5, 0.5};
        ConformalQuantileCalibration c = ConformalQuantileCalibration.fit(LEVELS, q, y);
        assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, 0.5}, c.offsets(), 0);
        assertArrayEquals(new double[] {Double.NEGATIVE_INFINITY, 0.5, 2, 3.5, Double.POSITIVE_INFINITY},
                c.apply(new double[] {0, 1, 2, 3, 4}), 0);
    }

    @Test
    void nestingRepairsCrossedCalibratedIntervals() {
        // a negative inner offset would push the inner ends past the median: nesting restores monotonicity
        double[][] q = new double[40][];
        double[] y = new double[40];
        for (int i = 0; i < 40; i++) {
            q[i] = new double[] {-10, -5, 0, 5, 10};
            y[i] = (i % 2 == 0 ? 1 : -1) * 0.01 * i;
        }
        ConformalQuantileCalibration c = ConformalQuantileCalibration.fit(LEVELS, q, y);
        double[] out = c.apply(new double[] {-10, -5, 0, 5, 10});
        for (int k = 1; k < out.length; k++) {
            assertTrue(out[k] >= out[k - 1], java.util.Arrays.toString(out));
        }
        assertTrue(out[1] <= 0 && out[3] >= 0);
    }

    @Test
    void eachIntervalCoversAtItsLevel() {
        int reps = 200;
        int nCal = 200;
        int nTest = 200;
        double[] covered = new double[2];
        UniformRandomProvider rng = Seeds.of(11).child("calibration").rng();
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        for (int r = 0; r < reps; r++) {
            // a mis-specified model: quantiles of N(0, 1) while y ~ N(0.3, 1.5^2), and crossing noise
            double[][] qc = new double[nCal][];
            double[] yc = new double[nCal];
            for (int i = 0; i < nCal; i++) {
                qc[i] = model(g);
                yc[i] = 0.3 + 1.5 * g.sample();
            }
            ConformalQuantileCalibration c = ConformalQuantileCalibration.fit(LEVELS, Monotonization.SORT.apply(qc), yc);
            for (int i = 0; i < nTest; i++) {
                double[] q = c.apply(Monotonization.SORT.apply(model(g)));
                double y = 0.3 + 1.5 * g.sample();
                for (int k = 1; k < q.length; k++) {
                    assertTrue(q[k] >= q[k - 1]);
                }
                for (int l = 0; l < 2; l++) {
                    if (q[l] <= y && y <= q[LEVELS.length - 1 - l]) {
                        covered[l] += 1.0 / (reps * nTest);
                    }
                }
            }
        }
        for (int l = 0; l < 2; l++) {
            SplitCoverageLaw law = new SplitCoverageLaw(nCal, 2 * LEVELS[l]);
            double se = law.standardErrorOfAverage(nTest, reps);
            assertTrue(covered[l] >= law.lowerBound() - 4 * se, "interval " + l + ": coverage " + covered[l]
                    + " below " + law.lowerBound() + " - 4 se");
            if (l == 0) {
                assertTrue(covered[l] <= law.upperBound() + 4 * se, "outer coverage " + covered[l] + " above band");
            }
        }
    }

    private static double[] model(ZigguratSampler.NormalizedGaussian g) {
        double[] z = {-1.645, -0.674, 0, 0.674, 1.645};
        double[] q = new double[z.length];
        for (int k = 0; k < z.length; k++) {
            q[k] = z[k] + 0.2 * g.sample();
        }
        return q;
    }

    @Test
    void rejectsAsymmetricLevels() {
        assertThrows(IllegalArgumentException.class, () -> ConformalQuantileCalibration.fit(new double[] {0.1, 0.5, 0.8},
                new double[][] {{0, 1, 2}}, new double[] {1}));
    }
}
