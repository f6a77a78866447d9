package dev.quiver.uq.selection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quiver.core.seed.Seeds;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Benjamini–Hochberg and e-BH on hand-worked examples, and e-BH as BH on 1/e. */
class MultipleTestingTest {
    @Test
    void bhRejectsUpToTheLargestPValueUnderItsLine() {
        // m = 5, q = 0.1: lines 0.02, 0.04, 0.06, 0.08, 0.10; sorted 0.01 ✓, 0.03 ✓, 0.04 ✓, 0.20 ✗, 0.50 ✗
        double[] p = {0.01, 0.04, 0.03, 0.20, 0.50};
        assertEquals(3, BenjaminiHochberg.rejections(p, 0.1));
        assertArrayEquals(new int[] {0, 1, 2}, BenjaminiHochberg.select(p, 0.1));
    }

    @Test
    void bhStepsUpPastAFailedSmallestPValue() {
        // m = 2, q = 0.05: p_(1) = 0.04 > 0.025 but p_(2) = 0.045 ≤ 0.05, so both are rejected
        assertArrayEquals(new int[] {0, 1}, BenjaminiHochberg.select(new double[] {0.045, 0.04}, 0.05));
        assertArrayEquals(new int[0], BenjaminiHochberg.select(new double[] {0.3, 0.06}, 0.05));
    }

    @Test
    void bhTreatsExactRationalTiesAsRejections() {
        // p = 3/100 against q k / m = 0.1 · 3 / 10 = 0.03: equal in exact arithmetic
        double[] p = new double[10];
        java.util.Arrays.fill(p, 0.9);
        p[0] = 1 / 100.0;
        p[1] = 2 / 100.0;
        p[2] = 3 / 100.0;
        assertEquals(3, BenjaminiHochberg.rejections(p, 0.1));
    }

    @Test
    void eBhRejectsTheLargestEValuesAboveTheirLine() {
        // m = 5, q = 0.1: lines m/(qk) = 50, 25, 16.7, 12.5, 10; sorted 60 ✓, 30 ✓, 20 ✓, 1 ✗, 0 ✗
        double[] e = {60, 1, 30, 0, 20};
        assertEquals(3, EBenjaminiHochberg.rejections(e, 0.1));
        assertArrayEquals(new int[] {0, 2, 4}, EBenjaminiHochberg.select(e, 0.1));
        // m = 2, q = 0.1: e_[1] = 15 < 20 but e_[2] = 15 ≥ 10: both
        assertArrayEquals(new int[] {0, 1}, EBenjaminiHochberg.select(new double[] {15, 15}, 0.1));
        assertArrayEquals(new int[0], EBenjaminiHochberg.select(new double[] {19, 9}, 0.1));
    }

    @Test
    void eBhMeetsItsLineDespiteRounding() {
        // e = m / (q R) with R = 3 must pass the line m / (q k) at k = 3
        int m = 7;
        double q = 0.3;
        double e = m / (q * 3);
        assertEquals(3, EBenjaminiHochberg.rejections(new double[] {e, e, e, 0, 0, 0, 0}, q));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void eBhIsBhOnReciprocals(long seed) {
        UniformRandomProvider rng = Seeds.of(seed).rng();
        int m = 1 + rng.nextInt(40);
        double q = 0.05 + 0.5 * rng.nextDouble();
        double[] e = new double[m];
        double[] p = new double[m];
        for (int i = 0; i < m; i++) {
            e[i] = rng.nextInt(4) == 0 ? 0 : Math.exp(6 * rng.nextDouble());
            p[i] = e[i] == 0 ? Double.POSITIVE_INFINITY : 1 / e[i];
        }
        assertArrayEquals(BenjaminiHochberg.select(p, q), EBenjaminiHochberg.select(e, q));
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> BenjaminiHochberg.select(new double[] {0.1}, 0));
        assertThrows(IllegalArgumentException.class, () -> BenjaminiHochberg.select(new double[] {Double.NaN}, 0.1));
        assertThrows(IllegalArgumentException.class, () -> EBenjaminiHochberg.select(new double[] {-1}, 0.1));
    }
}
