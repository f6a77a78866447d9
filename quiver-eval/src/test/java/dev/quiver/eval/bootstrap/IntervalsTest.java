package dev.quiver.eval.bootstrap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IntervalsTest {

    @Test
    void normalDistributionFunctionsMatchScipy() {
        // reference values: scipy.stats.norm 1.17
        assertEquals(0.15865525393145707, Intervals.normalCdf(-1), 1e-15);
        assertEquals(0.6179114221889526, Intervals.normalCdf(0.3), 1e-15);
        assertEquals(0.9937903346742238, Intervals.normalCdf(2.5), 1e-15);
        assertEquals(4.791832765903185e-07, Intervals.normalCdf(-4.9), 1e-13 * 4.79e-7);
        assertEquals(2.866515718791933e-07, Intervals.normalCdf(-5), 1e-13 * 2.87e-7);
        assertEquals(1.6982674071475966e-07, Intervals.normalCdf(-5.1), 1e-13 * 1.70e-7);
        assertEquals(9.865876450376946e-10, Intervals.normalCdf(-6), 1e-13 * 9.87e-10);
        assertEquals(3.1908916729108844e-14, Intervals.normalCdf(-7.5), 1e-12 * 3.19e-14);
        assertEquals(1.959963984540054, Intervals.normalQuantile(0.975), 1e-14);
        assertEquals(-1.959963984540054, Intervals.normalQuantile(0.025), 1e-14);
        assertEquals(-0.2533471031357997, Intervals.normalQuantile(0.4), 1e-15);
        assertEquals(-4.264890793922825, Intervals.normalQuantile(1e-5), 1e-13);
        assertEquals(-6.361340902404056, Intervals.normalQuantile(1e-10), 1e-12);
        assertEquals(0.0, Intervals.normalQuantile(0.5), 0.0);
        for (double p = 0.001; p < 1; p += 0.0137) {
            assertEquals(p, Intervals.normalCdf(Intervals.normalQuantile(p)), 1e-15);
        }
    }

    /**
     * A hand-checkable example: replicates 0, 1, ..., 99, estimate 40, 90% intervals. Percentile:
     * quantiles at 0.05 and 0.95 by linear interpolation, 99 * 0.05 = 4.95 and 94.05. Basic: 2 * 40
     * minus those, swapped. BC: 40 of the 100 replicates lie below 40, so z0 = Phi^-1(0.4) =
     * -0.25335, and the levels are Phi(2 z0 -+ 1.64485) = 0.0157165 and 0.872473 (scipy), at
     * positions 99 times that. BCa with a = 0.1: Phi(z0 + w / (1 - a w)), w = z0 + z, gives
     * 0.0322495 and 0.913573 (scipy).
     */
    @Test
    void handComputedPercentileBasicBcAndBca() {
        double[] sorted = new double[100];
        for (int i = 0; i < 100; i++) {
            sorted[i] = i;
        }
        double point = 40;
        assertArrayEquals(new double[] {4.95, 94.05},
                Intervals.bounds(point, sorted, IntervalMethod.PERCENTILE, 0.9, () -> Double.NaN), 1e-12);
        assertArrayEquals(new double[] {80 - 94.05, 80 - 4.95},
                Intervals.bounds(point, sorted, IntervalMethod.BASIC, 0.9, () -> Double.NaN), 1e-12);
        assertEquals(-0.2533471031357997, Intervals.biasCorrection(point, sorted), 1e-15);
        assertArrayEquals(new double[] {1.5559327371302927, 86.3748309716896},
                Intervals.bounds(point, sorted, IntervalMethod.BC, 0.9, () -> Double.NaN), 1e-10);
        assertArrayEquals(new double[] {3.1926994456593096, 90.44367796499992},
                Intervals.bounds(point, sorted, IntervalMethod.BCA, 0.9, () -> 0.1), 1e-10);
        // BCa with a = 0 is BC
        assertArrayEquals(Intervals.bounds(point, sorted, IntervalMethod.BC, 0.9, () -> 0),
                Intervals.bounds(point, sorted, IntervalMethod.BCA, 0.9, () -> 0), 0.0);
    }

    @Test
    void edgeCases() {
        // every replicate equals the estimate: a degenerate interval whatever the method
        double[] same = {2, 2, 2, 2};
        for (IntervalMethod m : IntervalMethod.values()) {
            assertArrayEquals(new double[] {2, 2}, Intervals.bounds(2, same, m, 0.95, () -> {
                throw new AssertionError("no acceleration needed");
            }), 0.0);
        }
        // all replicates above the estimate: the BC fraction 0 is clamped to 1/(2B), finite z0
        double[] above = {3, 4, 5, 6};
        double z0 = Intervals.biasCorrection(2, above);
        assertEquals(Intervals.normalQuantile(0.125), z0, 1e-15);
        double[] b = Intervals.bounds(2, above, IntervalMethod.BC, 0.95, () -> 0);
        assertTrue(b[0] >= 3 && b[1] <= 6 && b[0] <= b[1]);
        // a level past the BCa pole goes to the edge
        assertEquals(1.0, Intervals.adjustedLevel(0.5, 0.9, 1.96), 0.0);
        assertEquals(0.0, Intervals.adjustedLevel(-0.5, -0.9, -1.96), 0.0);
    }
}
