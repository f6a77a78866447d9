package dev.quiver.uq.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.seed.Seeds;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/** ECE, reliability diagrams, Brier score, log loss and ROC AUC on hand-worked examples. */
class CalibrationMetricsTest {
    private static final double[] P = {0.1, 0.15, 0.8, 0.9};
    private static final int[] Y = {0, 1, 1, 1};

    @Test
    void eceOnTwoBins() {
        // bin [0, 0.5): conf 0.125, freq 0.5; bin [0.5, 1]: conf 0.85, freq 1 → 0.5·0.375 + 0.5·0.15
        assertEquals(0.2625, ExpectedCalibrationError.equalWidth(P, Y, 2), 1e-12);
        assertEquals(0.2625, ExpectedCalibrationError.equalMass(P, Y, 2), 1e-12);
        // 10 bins: 0.1 → bin 1 (|0 − 0.1|), 0.15 → bin 1 too (conf 0.125, freq 0.5), 0.8 → bin 8, 0.9 → bin 9
        assertEquals((2 * 0.375 + 0.2 + 0.1) / 4, ExpectedCalibrationError.equalWidth(P, Y, 10), 1e-12);
        // a prediction of exactly 1 falls in the last bin
        assertEquals(0, ExpectedCalibrationError.equalWidth(new double[] {1, 0}, new int[] {1, 0}, 10), 0);
    }

    @Test
    void reliabilityDiagramKeepsEmptyEqualWidthBins() {
        List<ReliabilityDiagram.Bin> bins = ReliabilityDiagram.equalWidth(P, Y, 4).bins();
        assertEquals(4, bins.size());
        assertEquals(2, bins.get(0).count());
        assertEquals(0, bins.get(1).count());
        assertTrue(Double.isNaN(bins.get(1).meanPredicted()));
        assertEquals(0.75, bins.get(3).lower());
        assertEquals(1.0, bins.get(3).observedFrequency());
        // equal mass: 4 units into 3 bins of ranks [0, 1), [1, 2), [2, 4)
        List<ReliabilityDiagram.Bin> mass = ReliabilityDiagram.equalMass(P, Y, 3).bins();
        assertEquals(List.of(1, 1, 2), mass.stream().map(ReliabilityDiagram.Bin::count).toList());
        assertEquals(0.85, mass.get(2).meanPredicted(), 1e-12);
    }

    @Test
    void topLabelEce() {
        // confidences 0.7 (right) and 0.6 (wrong): 0.5·0.3 + 0.5·0.6
        double[][] p = {{0.7, 0.2, 0.1}, {0.3, 0.6, 0.1}};
        assertEquals(0.45, ExpectedCalibrationError.topLabel(p, new int[] {0, 0}, 10), 1e-12);
    }

    @Test
    void brierAndLogLoss() {
        assertEquals((0.01 + 0.7225 + 0.04 + 0.01) / 4, BrierScore.binary(P, Y), 1e-12);
        double[][] two = {{0.9, 0.1}, {0.85, 0.15}, {0.2, 0.8}, {0.1, 0.9}};
        assertEquals(2 * BrierScore.binary(P, Y), BrierScore.multiclass(two, Y), 1e-12);
        double ll = -(Math.log(0.9) + Math.log(0.15) + Math.log(0.8) + Math.log(0.9)) / 4;
        assertEquals(ll, LogLoss.binary(P, Y), 1e-12);
        assertEquals(ll, LogLoss.multiclass(two, Y), 1e-12);
        // a confident mistake is clipped at 1e-15
        assertEquals(-Math.log(1e-15), LogLoss.binary(new double[] {1}, new int[] {0}), 1e-9);
    }

    @Test
    void aucCountsTiesAsHalf() {
        // positives {0.4, 0.8}, negatives {0.1, 0.4}: pairs 1 + 0.5 + 1 + 1 of 4
        assertEquals(0.875, RocAuc.of(new double[] {0.1, 0.4, 0.4, 0.8}, new int[] {0, 0, 1, 1}), 1e-15);
        assertEquals(1, RocAuc.of(new double[] {0.1, 0.2, 0.3}, new int[] {0, 1, 1}), 0);
        assertEquals(0.5, RocAuc.of(new double[] {0.3, 0.3, 0.3}, new int[] {0, 1, 1}), 0);
        assertThrows(IllegalArgumentException.class, () -> RocAuc.of(new double[] {0.1, 0.2}, new int[] {1, 1}));
    }

    @Test
    void aucMatchesPairCountingAndIgnoresMonotoneMaps() {
        UniformRandomProvider rng = Seeds.of(3).rng();
        int n = 300;
        double[] s = new double[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = rng.nextInt(2);
            s[i] = Math.rint(10 * (rng.nextDouble() + 0.3 * y[i])) / 10; // ties
        }
        double pairs = 0;
        long count = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (y[i] == 1 && y[j] == 0) {
                    pairs += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                    count++;
                }
            }
        }
        assertEquals(pairs / count, RocAuc.of(s, y), 1e-12);
        double[] mapped = new double[n];
        for (int i = 0; i < n; i++) {
            mapped[i] = PlattScaling.sigmoid(3 * s[i] - 1);
        }
        assertEquals(RocAuc.of(s, y), RocAuc.of(mapped, y), 1e-12);
    }
}
