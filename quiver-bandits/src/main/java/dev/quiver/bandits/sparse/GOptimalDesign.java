package dev.quiver.bandits.sparse;

import dev.quiver.bandits.regress.Matrices;
import dev.quiver.core.linalg.Cholesky;
import dev.quiver.core.linalg.JitterLadder;

/**
 * An approximate G-optimal design on a finite set of vectors {@code v_1..v_K} in {@code R^m}: weights
 * {@code pi} on a small support with {@code max_k v_k' V(pi)^-1 v_k <= (1 + tolerance) m}, where
 * {@code V(pi) = sum pi_k v_k v_k'} (Kiefer-Wolfowitz: the optimum is exactly {@code m}).
 *
 * <p>Frank-Wolfe (Fedorov-Wynn) iterations, as in Lattimore and Szepesvari's "Bandit Algorithms" (note 21.2)
 * and Lattimore, Szepesvari and Weisz (2020): start uniform on a greedy basis (the vector of largest norm,
 * then repeatedly the one of largest residual after projecting out those chosen), then move
 * {@code gamma = (g/m - 1) / (g - 1)} of the mass to the vector of largest {@code g = v' V^-1 v}, until
 * {@code g <= (1 + tolerance) m}. The default tolerance 1 ({@code g <= 2m}) is the one their bounds use.
 * A tiny ridge ({@code 1e-9 I}) keeps {@code V} invertible when the vectors do not span {@code R^m}.
 * Deterministic.
 *
 * @param support indices of the vectors with positive weight, increasing
 * @param weights their weights (summing to 1)
 * @param gMax {@code max_k v_k' V^-1 v_k} at the end
 * @see <a href="https://arxiv.org/abs/1911.07676">Lattimore, Szepesvari, Weisz (2020), Learning with Good
 *     Feature Representations in Bandits and in RL with a Generative Model, arXiv:1911.07676</a>
 */
public record GOptimalDesign(int[] support, double[] weights, double gMax) {

    private static final double RIDGE = 1e-9;
    private static final int MAX_ITERATIONS = 100_000;

    /** Copies the arrays in. */
    public GOptimalDesign {
        support = support.clone();
        weights = weights.clone();
    }

    @Override
    public int[] support() {
        return support.clone();
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    /**
     * The design of {@code vectors} ({@code K x m}) with tolerance {@code tolerance}.
     *
     * @throws IllegalArgumentException if there are no vectors or {@code tolerance <= 0}
     */
    public static GOptimalDesign of(double[][] vectors, double tolerance) {
        if (vectors.length == 0) {
            throw new IllegalArgumentException("no vectors to design on");
        }
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("tolerance must be positive, got " + tolerance);
        }
        int k = vectors.length;
        int m = vectors[0].length;
        double[] pi = new double[k];
        int[] basis = greedyBasis(vectors);
        for (int b : basis) {
            pi[b] = 1.0 / basis.length;
        }
        double[] v = Matrices.identity(m, RIDGE);
        for (int b : basis) {
            addOuter(v, vectors[b], pi[b]);
        }
        double[] vinv = invert(v, m);
        double[] work = new double[m];
        double gMax = 0;
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            int arg = 0;
            gMax = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < k; i++) {
                double g = Matrices.quadratic(vinv, vectors[i]);
                if (g > gMax) {
                    gMax = g;
                    arg = i;
                }
            }
            if (gMax <= (1 + tolerance) * m) {
                break;
            }
            double gamma = (gMax / m - 1) / (gMax - 1);
            for (int i = 0; i < k; i++) {
                pi[i] *= 1 - gamma;
            }
            pi[arg] += gamma;
            // V' = (1 - gamma) V + gamma v v'  =>  V'^-1 = SM((V^-1) / (1 - gamma), v, gamma)
            for (int i = 0; i < vinv.length; i++) {
                vinv[i] /= 1 - gamma;
            }
            Matrices.rankOneInverseUpdate(vinv, vectors[arg], gamma, work);
        }
        int n = 0;
        for (double p : pi) {
            n += p > 0 ? 1 : 0;
        }
        int[] support = new int[n];
        double[] weights = new double[n];
        int j = 0;
        for (int i = 0; i < k; i++) {
            if (pi[i] > 0) {
                support[j] = i;
                weights[j++] = pi[i];
            }
        }
        return new GOptimalDesign(support, weights, gMax);
    }

    /** {@code V(pi) = sum pi_k v_k v_k'} over the support, plus the tiny ridge, row-major. */
    public double[] information(double[][] vectors) {
        int m = vectors[0].length;
        double[] v = Matrices.identity(m, RIDGE);
        for (int i = 0; i < support.length; i++) {
            addOuter(v, vectors[support[i]], weights[i]);
        }
        return v;
    }

    /** The inverse of an information matrix {@code V} ({@link #factor}). */
    static double[] invert(double[] a, int m) {
        return factor(a, m).inverse();
    }

    /**
     * The Cholesky factor of an information matrix {@code V} (row-major {@code m x m}): positive definite
     * through the tiny ridge, with {@link JitterLadder#roundingRepair() jitter} should rounding say otherwise.
     */
    static Cholesky factor(double[] v, int m) {
        return Cholesky.factor(v, m, JitterLadder.roundingRepair());
    }

    private static void addOuter(double[] v, double[] x, double w) {
        int m = x.length;
        for (int i = 0; i < m; i++) {
            double wi = w * x[i];
            for (int j = 0; j < m; j++) {
                v[i * m + j] += wi * x[j];
            }
        }
    }

    /** Up to m vectors chosen greedily by largest residual norm (pivoted Gram-Schmidt). */
    private static int[] greedyBasis(double[][] vectors) {
        int k = vectors.length;
        int m = vectors[0].length;
        double[][] q = new double[m][];
        int[] chosen = new int[m];
        int n = 0;
        double firstNorm = 0;
        double[] r = new double[m];
        while (n < m) {
            int best = -1;
            double bestNorm = 0;
            for (int i = 0; i < k; i++) {
                double norm2 = residual(vectors[i], q, n, r);
                if (norm2 > bestNorm) {
                    bestNorm = norm2;
                    best = i;
                }
            }
            if (best < 0 || (n > 0 && bestNorm <= 1e-20 * firstNorm)) {
                break;
            }
            if (n == 0) {
                firstNorm = bestNorm;
            }
            residual(vectors[best], q, n, r);
            double inv = 1 / Math.sqrt(bestNorm);
            q[n] = new double[m];
            for (int j = 0; j < m; j++) {
                q[n][j] = r[j] * inv;
            }
            chosen[n++] = best;
        }
        if (n == 0) {
            chosen[n++] = 0;
        }
        return java.util.Arrays.copyOf(chosen, n);
    }

    private static double residual(double[] x, double[][] q, int n, double[] r) {
        System.arraycopy(x, 0, r, 0, x.length);
        for (int b = 0; b < n; b++) {
            double c = Matrices.dot(r, q[b]);
            for (int j = 0; j < r.length; j++) {
                r[j] -= c * q[b][j];
            }
        }
        return Matrices.dot(r, r);
    }
}
