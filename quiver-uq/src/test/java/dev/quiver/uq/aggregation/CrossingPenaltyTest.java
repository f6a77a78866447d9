package dev.quiver.uq.aggregation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.seed.Seeds;
import java.util.Arrays;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The quantile-crossing penalty: zero exactly for monotone quantiles (with margin 0), its value and gradient. */
class CrossingPenaltyTest {
    private static final double[] LEVELS = {0.1, 0.25, 0.5, 0.75, 0.9};

    static Stream<Long> seeds() {
        return IntStream.range(0, 100).mapToObj(i -> (long) i);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void zeroForMonotoneQuantiles(long seed) {
        UniformRandomProvider rng = Seeds.of(seed).child("penalty").rng();
        double[] q = new double[LEVELS.length];
        for (int k = 0; k < q.length; k++) {
            q[k] = 10 * (rng.nextDouble() - 0.5);
        }
        Arrays.sort(q);
        if (seed % 3 == 0) {
            q[2] = q[1]; // ties are still monotone
        }
        assertEquals(0.0, CrossingPenalty.noMargin().value(LEVELS, q), 0.0);
        // shuffling a vector with distinct values makes it cross, and the penalty positive
        double[] crossed = q.clone();
        crossed[0] = q[q.length - 1] + 1;
        assertTrue(CrossingPenalty.noMargin().value(LEVELS, crossed) > 0);
    }

    @Test
    void marginAsksForSpacingProportionalToTheLevelGap() {
        CrossingPenalty p = new CrossingPenalty(2.0);
        // spacing exactly 2 (tau_k - tau_l): every pair sits on its hinge, penalty 0
        double[] q = new double[LEVELS.length];
        for (int k = 0; k < q.length; k++) {
            q[k] = 2.0 * LEVELS[k];
        }
        assertEquals(0.0, p.value(LEVELS, q), 1e-15);
        // monotone but flat: each pair pays 2 (tau_k - tau_l)
        double[] flat = new double[LEVELS.length];
        double expected = 0;
        for (int l = 0; l < LEVELS.length; l++) {
            for (int k = l + 1; k < LEVELS.length; k++) {
                expected += 2 * (LEVELS[k] - LEVELS[l]);
            }
        }
        assertEquals(expected / 10, p.value(LEVELS, flat), 1e-12);
    }

    @Test
    void handExampleOfACrossing() {
        // q = (0, 3, 1): pairs (0,1) fine, (0,2) fine, (1,2): 3 - 1 = 2; mean over 3 pairs = 2/3
        double[] lv = {0.1, 0.5, 0.9};
        assertEquals(2.0 / 3, CrossingPenalty.noMargin().value(lv, new double[] {0, 3, 1}), 1e-15);
        assertEquals(0.0, CrossingPenalty.noMargin().value(new double[] {0.5}, new double[] {1}), 0);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void gradientMatchesFiniteDifferences(long seed) {
        UniformRandomProvider rng = Seeds.of(seed).child("gradient").rng();
        double[] q = new double[LEVELS.length];
        for (int k = 0; k < q.length; k++) {
            q[k] = 4 * (rng.nextDouble() - 0.5);
        }
        CrossingPenalty p = new CrossingPenalty(0.3);
        double[] grad = new double[q.length];
        p.addGradient(LEVELS, q, 1.0, grad);
        double h = 1e-7; // the penalty is piecewise linear; random q is almost surely off every hinge by >> h
        for (int k = 0; k < q.length; k++) {
            double[] up = q.clone();
            double[] down = q.clone();
            up[k] += h;
            down[k] -= h;
            double fd = (p.value(LEVELS, up) - p.value(LEVELS, down)) / (2 * h);
            assertEquals(fd, grad[k], 1e-6, "component " + k);
        }
    }

    @Test
    void rejectsNegativeMargin() {
        assertThrows(IllegalArgumentException.class, () -> new CrossingPenalty(-0.1));
    }
}
