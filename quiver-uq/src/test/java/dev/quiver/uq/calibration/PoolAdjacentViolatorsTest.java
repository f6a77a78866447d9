package dev.quiver.uq.calibration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.seed.Seeds;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PAVA on hand-worked examples and against the min-max characterisation of isotonic regression. */
class PoolAdjacentViolatorsTest {
    @Test
    void poolsViolatorsIntoTheirMeans() {
        assertArrayEquals(new double[] {1, 2.5, 2.5, 4}, PoolAdjacentViolators.fit(new double[] {1, 3, 2, 4}), 1e-15);
        assertArrayEquals(new double[] {2, 2, 2}, PoolAdjacentViolators.fit(new double[] {3, 2, 1}), 1e-15);
        assertArrayEquals(new double[] {1, 2, 3}, PoolAdjacentViolators.fit(new double[] {1, 2, 3}), 0);
        // 4,1 pool to 2.5; then 3 then 2 pool to 2.5, which equals the block before: one block
        assertArrayEquals(new double[] {2.5, 2.5, 2.5, 2.5}, PoolAdjacentViolators.fit(new double[] {4, 1, 3, 2}),
                1e-15);
        // weighted: (1·2 + 3·1) / 4
        assertArrayEquals(new double[] {1.25, 1.25},
                PoolAdjacentViolators.fit(new double[] {2, 1}, new double[] {1, 3}), 1e-15);
        // a later violation reaches back over several blocks: 0, 1, 2 then -6 pools all four to -0.75
        assertArrayEquals(new double[] {-0.75, -0.75, -0.75, -0.75},
                PoolAdjacentViolators.fit(new double[] {0, 1, 2, -6}), 1e-15);
        assertArrayEquals(new double[0], PoolAdjacentViolators.fit(new double[0]), 0);
    }

    /**
     * The isotonic fit satisfies {@code f_i = max_{j ≤ i} min_{k ≥ i} M(j, k)}, M the weighted mean of
     * {@code y_j..y_k} (Robertson, Wright and Dykstra 1988, Theorem 1.4.4), checked on random weighted inputs.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void matchesTheMinMaxFormula(long seed) {
        UniformRandomProvider rng = Seeds.of(seed).rng();
        int n = 1 + rng.nextInt(25);
        double[] y = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = rng.nextInt(3) == 0 ? rng.nextInt(3) : rng.nextDouble() * 4 - 2; // some ties
            w[i] = 0.1 + rng.nextDouble() * 3;
        }
        double[] f = PoolAdjacentViolators.fit(y, w);
        for (int i = 0; i < n; i++) {
            double best = Double.NEGATIVE_INFINITY;
            for (int j = 0; j <= i; j++) {
                double worst = Double.POSITIVE_INFINITY;
                for (int k = i; k < n; k++) {
                    double s = 0;
                    double ww = 0;
                    for (int t = j; t <= k; t++) {
                        s += w[t] * y[t];
                        ww += w[t];
                    }
                    worst = Math.min(worst, s / ww);
                }
                best = Math.max(best, worst);
            }
            assertEquals(best, f[i], 1e-12, "f[" + i + "]");
            if (i > 0) {
                assertTrue(f[i] >= f[i - 1]);
            }
        }
    }
}
