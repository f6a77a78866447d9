package dev.quiver.uq.conformal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConformalQuantileTest {
    @Test
    void handCheckedRanksAndValues() {
        // n = 19, alpha = 0.1: ceil(20 * 0.9) = 18 -> the 18th smallest of 1..19 is 18 (level 18/19)
        double[] v = new double[19];
        for (int i = 0; i < 19; i++) {
            v[i] = 19 - i; // unsorted on purpose
        }
        assertEquals(18, ConformalQuantile.upperRank(19, 0.1));
        assertEquals(18.0, ConformalQuantile.upper(v, 0.1));
        // lower: floor(0.1 * 20) = 2 -> second smallest
        assertEquals(2, ConformalQuantile.lowerRank(19, 0.1));
        assertEquals(2.0, ConformalQuantile.lower(v, 0.1));
        // n = 9, alpha = 0.1: ceil(10 * 0.9) = 9 exactly (not 10 through rounding of 0.9)
        assertEquals(9, ConformalQuantile.upperRank(9, 0.1));
        // n = 8, alpha = 0.1: ceil(9 * 0.9) = ceil(8.1) = 9 > 8 -> +infinity; lower rank floor(0.9) = 0 -> -infinity
        double[] eight = {1, 2, 3, 4, 5, 6, 7, 8};
        assertEquals(Double.POSITIVE_INFINITY, ConformalQuantile.upper(eight, 0.1));
        assertEquals(Double.NEGATIVE_INFINITY, ConformalQuantile.lower(eight, 0.1));
        // n = 100, alpha = 0.05: ceil(101 * 0.95) = ceil(95.95) = 96
        assertEquals(96, ConformalQuantile.upperRank(100, 0.05));
        // the input is not reordered by the copying variants
        assertEquals(19.0, v[0]);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5, 10, 20, 25, 50, 75, 90, 95, 99})
    void ranksMatchExactIntegerArithmetic(int alphaPercent) {
        double alpha = alphaPercent / 100.0;
        for (int n = 0; n <= 500; n++) {
            // ceil((n + 1)(100 - a) / 100) and floor((n + 1) a / 100) in exact integers
            int upper = Math.floorDiv((n + 1) * (100 - alphaPercent) + 99, 100);
            int lower = Math.floorDiv((n + 1) * alphaPercent, 100);
            assertEquals(upper, ConformalQuantile.upperRank(n, alpha), "upper rank, n = " + n);
            assertEquals(lower, ConformalQuantile.lowerRank(n, alpha), "lower rank, n = " + n);
        }
    }

    @Test
    void rejectsAlphaOutsideTheUnitInterval() {
        assertThrows(IllegalArgumentException.class, () -> ConformalQuantile.upperRank(10, 0));
        assertThrows(IllegalArgumentException.class, () -> ConformalQuantile.upperRank(10, 1));
        assertThrows(IllegalArgumentException.class, () -> ConformalQuantile.upperRank(10, Double.NaN));
    }

    @Test
    void calibrationScoresGiveTheSameThresholdAndValidPValues() {
        double[] s = {0.3, 0.1, 0.9, 0.5, 0.7};
        CalibrationScores cs = CalibrationScores.of(s);
        // n = 5, alpha = 0.2: ceil(6 * 0.8) = ceil(4.8) = 5 -> the largest
        assertEquals(0.9, cs.quantile(0.2));
        assertEquals(ConformalQuantile.upper(s, 0.2), cs.quantile(0.2));
        // p(score) = (1 + #{s_i >= score}) / 6
        assertEquals(1.0, cs.pValue(0.0));
        assertEquals(4 / 6.0, cs.pValue(0.5));
        assertEquals(1 / 6.0, cs.pValue(1.0));
    }

    @Test
    void splitCoverageLawMatchesTheBetaMoments() {
        SplitCoverageLaw law = new SplitCoverageLaw(99, 0.1); // k = 90, Beta(90, 10)
        assertEquals(90, law.rank());
        assertEquals(0.9, law.mean(), 1e-15);
        assertEquals(90.0 * 10 / (100.0 * 100 * 101), law.variance(), 1e-15);
        assertEquals(0.9, law.lowerBound(), 1e-15);
        assertEquals(0.91, law.upperBound(), 1e-15);
    }
}
