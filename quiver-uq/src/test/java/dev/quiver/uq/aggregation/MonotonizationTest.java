package dev.quiver.uq.aggregation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.seed.Seeds;
import java.util.Arrays;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Post-sorting and post-isotonic regression never increase the weighted interval score (Fakoor et al. 2023):
 * checked as a property on seeded random inputs — random level sets (1 to 15 distinct levels, not symmetric),
 * quantile vectors with heavy crossing, outcomes inside and far outside their range — where the inequality must
 * hold for every outcome exactly (up to floating-point rounding, 1e-12 relative).
 */
class MonotonizationTest {
    static Stream<Long> seeds() {
        return IntStream.range(0, 200).mapToObj(i -> (long) i);
    }

    /** A random case: levels, quantiles, outcomes. */
    private record Case(double[] levels, double[] q, double[] ys) {
    }

    private static Case randomCase(long seed) {
        UniformRandomProvider rng = Seeds.of(seed).child("monotonization").rng();
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        int m = 1 + rng.nextInt(15);
        double[] levels = new double[m];
        do {
            for (int k = 0; k < m; k++) {
                levels[k] = rng.nextDouble();
            }
            Arrays.sort(levels);
        } while (!distinctInside(levels));
        double[] q = new double[m];
        double drift = rng.nextDouble() < 0.5 ? 1 : -1; // half the cases are mostly decreasing: heavy crossing
        for (int k = 0; k < m; k++) {
            q[k] = drift * k * 0.3 + 2 * g.sample();
        }
        double[] ys = new double[25];
        for (int i = 0; i < ys.length; i++) {
            ys[i] = 4 * g.sample();
        }
        ys[0] = q[0];
        return new Case(levels, q, ys);
    }

    private static boolean distinctInside(double[] v) {
        for (int k = 0; k < v.length; k++) {
            if (!(v[k] > 0 && v[k] < 1) || (k > 0 && !(v[k] > v[k - 1]))) {
                return false;
            }
        }
        return true;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void sortingNeverIncreasesWis(long seed) {
        Case c = randomCase(seed);
        double[] sorted = Monotonization.SORT.apply(c.q());
        assertNonDecreasing(sorted);
        for (double y : c.ys()) {
            double before = QuantileLoss.wis(c.levels(), c.q(), y);
            double after = QuantileLoss.wis(c.levels(), sorted, y);
            assertTrue(after <= before + 1e-12 * (1 + Math.abs(before)), "seed " + seed + ", y " + y + ": sorted WIS "
                    + after + " > " + before);
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void isotonicRegressionNeverIncreasesWis(long seed) {
        Case c = randomCase(seed);
        double[] iso = Monotonization.ISOTONIC.apply(c.q());
        assertNonDecreasing(iso);
        for (double y : c.ys()) {
            double before = QuantileLoss.wis(c.levels(), c.q(), y);
            double after = QuantileLoss.wis(c.levels(), iso, y);
            assertTrue(after <= before + 1e-12 * (1 + Math.abs(before)), "seed " + seed + ", y " + y
                    + ": isotonic WIS " + after + " > " + before);
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void isotonicFitIsTheLeastSquaresProjection(long seed) {
        // the PAV fit is no farther from q (in squared distance) than any sorted perturbation of it we try
        Case c = randomCase(seed);
        double[] iso = PoolAdjacentViolators.fit(c.q());
        double best = dist(iso, c.q());
        UniformRandomProvider rng = Seeds.of(seed).child("perturb").rng();
        for (int t = 0; t < 50; t++) {
            double[] other = iso.clone();
            for (int k = 0; k < other.length; k++) {
                other[k] += 0.1 * (rng.nextDouble() - 0.5);
            }
            Arrays.sort(other);
            assertTrue(dist(other, c.q()) >= best - 1e-12, "a monotone vector closer than the PAV fit");
        }
    }

    @Test
    void poolAdjacentViolatorsHandExamples() {
        assertArrayEquals(new double[] {2, 2, 2}, PoolAdjacentViolators.fit(new double[] {3, 1, 2}), 1e-15);
        assertArrayEquals(new double[] {1, 2.5, 2.5, 4}, PoolAdjacentViolators.fit(new double[] {1, 3, 2, 4}), 1e-15);
        assertArrayEquals(new double[] {0, 1, 2}, PoolAdjacentViolators.fit(new double[] {0, 1, 2}), 0);
        assertArrayEquals(new double[] {}, PoolAdjacentViolators.fit(new double[] {}), 0);
    }

    @Test
    void monotoneInputIsLeftAlone() {
        double[] q = {-1, 0, 0, 2.5, 7};
        assertArrayEquals(q, Monotonization.SORT.apply(q), 0);
        assertArrayEquals(q, Monotonization.ISOTONIC.apply(q), 0);
        assertArrayEquals(q, Monotonization.NONE.apply(q), 0);
    }

    private static void assertNonDecreasing(double[] v) {
        for (int k = 1; k < v.length; k++) {
            assertTrue(v[k] >= v[k - 1], "not monotone: " + Arrays.toString(v));
        }
    }

    private static double dist(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += (a[k] - b[k]) * (a[k] - b[k]);
        }
        return s;
    }
}
