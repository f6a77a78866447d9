package dev.quiver.core.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.seed.Seeds;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The factorisation against the error bounds of Higham (2002), Accuracy and Stability of Numerical Algorithms,
 * 2nd ed., SIAM, chapter 10, on random SPD matrices of known condition-number bound, and a hand-computed case.
 */
class CholeskyTest {
    /** The unit roundoff of double precision. */
    private static final double U = 0x1p-53;

    /** A = B Bᵀ + eps I with B an n x rank matrix of N(0, 1/n) entries, and the bound ||B||_F² + eps on λ_max. */
    private record Spd(double[] a, int n, double eps, double lambdaMaxBound) {
        static Spd random(long seed, int n, int rank, double eps) {
            UniformRandomProvider rng = Seeds.of(seed).child("spd", n).rng();
            ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
            double[][] b = new double[n][rank];
            double frobenius2 = 0;
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < rank; k++) {
                    b[i][k] = g.sample() / Math.sqrt(n);
                    frobenius2 += b[i][k] * b[i][k];
                }
            }
            double[] a = new double[n * n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    for (int k = 0; k < rank; k++) {
                        s += b[i][k] * b[j][k];
                    }
                    a[i * n + j] = s + (i == j ? eps : 0);
                }
            }
            return new Spd(a, n, eps, frobenius2 * (1 + 1e-12) + eps);
        }

        /** κ₂(A) = λ_max / λ_min <= (||B||_F² + eps) / eps, since λ_min >= eps and λ_max <= ||B||_F² + eps. */
        double conditionBound() {
            return lambdaMaxBound / eps;
        }
    }

    static Stream<Arguments> seedsAndSizes() {
        return LongStream.rangeClosed(1, 6).boxed()
                .flatMap(seed -> IntStream.of(1, 2, 5, 13, 40).mapToObj(n -> Arguments.of(seed, n)));
    }

    /** Half of the seeds use a rank-deficient B, and eps runs over 1, 1e-2, 1e-4, 1e-6: κ up to about 1e7. */
    private static Spd spdFor(long seed, int n) {
        int rank = seed % 2 == 0 ? Math.max(1, n / 2) : n;
        double eps = Math.pow(10, -2 * (seed % 4));
        return Spd.random(seed, n, rank, eps);
    }

    @ParameterizedTest
    @MethodSource("seedsAndSizes")
    void theFactorReproducesTheMatrixToBackwardErrorAccuracy(long seed, int n) {
        Spd spd = spdFor(seed, n);
        double[] l = Cholesky.factor(spd.a(), n).lower();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (j > i) {
                    assertEquals(0.0, l[i * n + j], "upper triangle");
                    continue;
                }
                double llt = 0;
                for (int k = 0; k <= j; k++) {
                    llt += l[i * n + k] * l[j * n + k];
                }
                // Higham (2002), Thm 10.3: L Lᵀ = A + ΔA with |ΔA_ij| <= γ_{n+1} (|L||Lᵀ|)_ij, which is at most
                // γ_{n+1} sqrt(a_ii a_jj) (Cauchy-Schwarz, ||row_i(L)||² = a_ii); forming L Lᵀ here adds γ_n the
                // same way; 2(2n+1)u covers both with room for the 1/(1 - n u) factors.
                double tol = 2 * (2 * n + 1) * U * Math.sqrt(spd.a()[i * n + i] * spd.a()[j * n + j]);
                assertEquals(spd.a()[i * n + j], llt, tol, "(L Lᵀ)_" + i + j + " for n = " + n);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("seedsAndSizes")
    void solvesAreAccurateToTheConditionNumberTimesTheBackwardError(long seed, int n) {
        Spd spd = spdFor(seed, n);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(
                Seeds.of(seed).child("x").rng());
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = g.sample();
        }
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                b[i] += spd.a()[i * n + j] * x[j];
            }
        }
        double[] solved = Cholesky.factor(spd.a(), n).solve(b);
        // Higham (2002), Thm 10.4: (A + ΔA) x^ = b with ||ΔA||₂ <= n γ_{3n+1} ||A||₂ (as above, with
        // trace(A) <= n ||A||₂); forming b adds ||δb|| <= sqrt(n) γ_n ||A||₂ ||x||. Perturbation theory: the
        // relative error is <= κ (eA + eb) / (1 - κ eA); with κ eA <= 1/2 (checked) at most 2 κ (eA + eb).
        double eA = n * (3 * n + 1) * U * 1.01;
        double eB = Math.sqrt(n) * n * U * 1.01;
        double kappa = spd.conditionBound();
        assertTrue(kappa * eA <= 0.5, "the bound needs κ eA <= 1/2");
        double tol = 2 * kappa * (eA + eB);
        assertTrue(distance(solved, x) <= tol * norm(x), "relative error " + distance(solved, x) / norm(x)
                + " > " + tol + " (κ <= " + kappa + ", n = " + n + ")");
    }

    @ParameterizedTest
    @MethodSource("seedsAndSizes")
    void theInverseIsSymmetricAndItsColumnsAreTheSolvesOfUnitVectors(long seed, int n) {
        Spd spd = spdFor(seed, n);
        Cholesky c = Cholesky.factor(spd.a(), n);
        double[] inv = c.inverse();
        for (int col = 0; col < n; col++) {
            double[] e = new double[n];
            e[col] = 1;
            double[] x = c.solve(e);
            for (int r = 0; r < n; r++) {
                assertEquals(inv[r * n + col], inv[col * n + r], "symmetry");
                if (r >= col) {
                    assertEquals(x[r], inv[r * n + col], "column " + col);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("seedsAndSizes")
    void theInverseTimesTheMatrixIsTheIdentityWhenWellConditioned(long seed, int n) {
        Spd spd = Spd.random(seed, n, n, 1.0);
        double[] inv = Cholesky.factor(spd.a(), n).inverse();
        // every entry of the inverse is off by at most 2 κ eA ||A⁻¹||₂ (the solve bound above, per column), so
        // |(A X - I)_ij| <= ||A||₂ sqrt(n) 2 κ eA ||A⁻¹||₂ = 2 sqrt(n) κ² eA
        double kappa = spd.conditionBound();
        double tol = 2 * Math.sqrt(n) * kappa * kappa * n * (3 * n + 1) * U * 1.01;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += spd.a()[i * n + k] * inv[k * n + j];
                }
                assertEquals(i == j ? 1.0 : 0.0, s, tol, "(A A⁻¹)_" + i + j);
            }
        }
    }

    @Test
    void aHandComputedFactorIsExact() {
        // A = L Lᵀ with L = [[2, 0, 0], [1, 2, 0], [1, 1, 2]]: every step is exact in floating point
        double[] a = {4, 2, 2, 2, 5, 3, 2, 3, 6};
        Cholesky c = Cholesky.factor(a, 3);
        assertArrayEquals(new double[] {2, 0, 0, 1, 2, 0, 1, 1, 2}, c.lower());
        assertEquals(0.0, c.jitter());
        // A (1, 1, 1) = (8, 10, 11)
        assertArrayEquals(new double[] {1, 1, 1}, c.solve(new double[] {8, 10, 11}), 1e-15);
        // L (1, 1, 1) = (2, 3, 4)
        assertArrayEquals(new double[] {2, 3, 4}, c.lowerTimes(new double[] {1, 1, 1}, new double[3]));
        assertArrayEquals(new double[] {4, 2, 2, 2, 5, 3, 2, 3, 6}, a, "a is not changed");
    }

    @Test
    void onlyTheLowerTriangleIsRead() {
        double[] a = {4, 99, 99, 2, 5, 99, 2, 3, 6};
        assertArrayEquals(new double[] {2, 0, 0, 1, 2, 0, 1, 1, 2}, Cholesky.factor(a, 3).lower());
    }

    @Test
    void anIndefiniteMatrixNamesItsSizeAndPivot() {
        // [[1, 2], [2, 1]]: the second pivot is 1 - 2² = -3
        NotPositiveDefiniteException e = assertThrows(NotPositiveDefiniteException.class,
                () -> Cholesky.factor(new double[] {1, 2, 2, 1}, 2));
        assertEquals(2, e.size());
        assertEquals(1, e.pivot());
        assertEquals(-3.0, e.pivotValue());
        assertEquals(0.0, e.jitter());
        assertTrue(e.getMessage().contains("2 x 2") && e.getMessage().contains("pivot 1"), e.getMessage());
        assertThrows(NotPositiveDefiniteException.class, () -> Cholesky.factor(new double[] {Double.NaN}, 1));
        assertThrows(NotPositiveDefiniteException.class, () -> Cholesky.factor(
                new double[] {Double.POSITIVE_INFINITY}, 1));
    }

    @Test
    void aSingularMatrixFactorsWithTheSmallestJitterOfTheLadder() {
        // rank one: v vᵀ with v = (1, 2, 3); trace 14, so the normal-equation ladder tries 1e-12 * 14 / 3 first
        double[] v = {1, 2, 3};
        double[] a = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                a[i * 3 + j] = v[i] * v[j];
            }
        }
        NotPositiveDefiniteException e = assertThrows(NotPositiveDefiniteException.class, () -> Cholesky.factor(a, 3));
        assertEquals(1, e.pivot());
        Cholesky c = Cholesky.factor(a, 3, JitterLadder.normalEquations());
        assertEquals(1e-12 * (14.0 / 3), c.jitter());
        double[] jittered = a.clone();
        for (int i = 0; i < 3; i++) {
            jittered[i * 3 + i] += c.jitter();
        }
        assertArrayEquals(Cholesky.factor(jittered, 3).lower(), c.lower(), "the factor of a + jitter I");
        Cholesky r = Cholesky.factor(a, 3, JitterLadder.roundingRepair());
        assertEquals(1e-12 * 9, r.jitter(), "max |diag| = 9");
    }

    @Test
    void anExhaustedLadderReportsTheLastJitter() {
        // a negative diagonal: the trace is not positive, so the scale is 1 and the last jitter is 1e-4
        NotPositiveDefiniteException e = assertThrows(NotPositiveDefiniteException.class,
                () -> Cholesky.factor(new double[] {1, 0, 0, -1}, 2, JitterLadder.normalEquations()));
        assertEquals(1, e.pivot());
        assertEquals(1e-4, e.jitter(), 1e-18);
        assertTrue(e.getMessage().contains("added to the diagonal"), e.getMessage());
    }

    @Test
    void sizesAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> Cholesky.factor(new double[] {1, 0, 0}, 2));
        Cholesky c = Cholesky.factor(new double[] {1, 0, 0, 1}, 2);
        assertThrows(IllegalArgumentException.class, () -> c.solve(new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> c.lowerTimes(new double[] {1, 2}, new double[3]));
        assertEquals(0, Cholesky.factor(new double[0], 0).solve(new double[0]).length);
    }

    private static double norm(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    private static double distance(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += (x[i] - y[i]) * (x[i] - y[i]);
        }
        return Math.sqrt(s);
    }
}
