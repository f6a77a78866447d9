package dev.quiver.core.linalg;

/**
 * The Cholesky factorisation {@code A = L Lᵀ} of a symmetric positive-definite {@code n x n} matrix (row-major
 * {@code double[n * n]}, plain Java, {@code n³/3} multiply-adds), with the solves, inverse and products it
 * gives: {@code A x = b} by a forward and a back substitution, {@code A⁻¹} column by column, and {@code L z},
 * which turns standard normal draws {@code z} into draws from {@code N(0, A)}.
 *
 * <p>Row by row (the Cholesky-Banachiewicz order): {@code L_ij = (A_ij - Σ_{k<j} L_ik L_jk) / L_jj} and
 * {@code L_ii = sqrt(A_ii + jitter - Σ_{k<i} L_ik²)}, sums in increasing {@code k}. Only the lower triangle
 * of {@code A} is read. A pivot (the value under the square root) that is not positive and finite means
 * {@code A} is not numerically positive definite: the {@link JitterLadder} given then decides which diagonal
 * jitters are tried, and {@link NotPositiveDefiniteException} is raised when none works.
 *
 * @see <a href="https://doi.org/10.56021/9781421407944">Golub, Van Loan (2013), Matrix Computations, 4th
 *     ed., Johns Hopkins University Press, section 4.2 (Cholesky factorisation)</a>
 */
public final class Cholesky {
    private final int n;
    private final double[] l;
    private final double jitter;

    private Cholesky(int n, double[] l, double jitter) {
        this.n = n;
        this.l = l;
        this.jitter = jitter;
    }

    /**
     * The factorisation of {@code a} as given (no jitter).
     *
     * @param a the row-major {@code n x n} matrix (symmetric; only the lower triangle is read; not changed)
     * @throws NotPositiveDefiniteException if {@code a} is not numerically positive definite
     */
    public static Cholesky factor(double[] a, int n) {
        return factor(a, n, JitterLadder.none());
    }

    /**
     * The factorisation of {@code a}, or of {@code a + jitter I} for the smallest jitter of {@code ladder}
     * that factors if {@code a} itself does not.
     *
     * @param a the row-major {@code n x n} matrix (symmetric; only the lower triangle is read; not changed)
     * @throws NotPositiveDefiniteException if neither {@code a} nor any jitter of the ladder factors
     */
    public static Cholesky factor(double[] a, int n, JitterLadder ladder) {
        if (n < 0 || a.length != n * n) {
            throw new IllegalArgumentException("expected a " + n + " x " + n + " matrix (" + n * n
                    + " values), got " + a.length + " values");
        }
        double[] l = new double[n * n];
        int pivot = decompose(a, n, 0.0, l);
        if (pivot < 0) {
            return new Cholesky(n, l, 0.0);
        }
        double scale = ladder.scaleOf(a, n);
        double jitter = 0.0;
        double delta = ladder.first();
        for (int step = 0; step < ladder.steps(); step++) {
            jitter = delta * scale;
            pivot = decompose(a, n, jitter, l);
            if (pivot < 0) {
                return new Cholesky(n, l, jitter);
            }
            delta *= ladder.factor();
        }
        throw new NotPositiveDefiniteException(n, pivot, l[pivot * n + pivot], jitter);
    }

    /**
     * Writes the factor of {@code a + jitter I} into {@code l}'s lower triangle; returns -1, or the index of
     * the first pivot that is not positive and finite (its value is left in {@code l}'s diagonal there).
     */
    private static int decompose(double[] a, int n, double jitter, double[] l) {
        for (int i = 0; i < n; i++) {
            int row = i * n;
            for (int j = 0; j < i; j++) {
                int other = j * n;
                double s = a[row + j];
                for (int k = 0; k < j; k++) {
                    s -= l[row + k] * l[other + k];
                }
                l[row + j] = s / l[other + j];
            }
            double s = a[row + i] + jitter;
            for (int k = 0; k < i; k++) {
                s -= l[row + k] * l[row + k];
            }
            if (!(s > 0) || !Double.isFinite(s)) {
                l[row + i] = s;
                return i;
            }
            l[row + i] = Math.sqrt(s);
        }
        return -1;
    }

    /** The matrix is {@code size x size}. */
    public int size() {
        return n;
    }

    /** The diagonal jitter that was added before the matrix factored (0 if none was needed). */
    public double jitter() {
        return jitter;
    }

    /** A copy of {@code L}, row-major {@code n x n}, zero above the diagonal. */
    public double[] lower() {
        return l.clone();
    }

    /** {@code x} with {@code A x = b} ({@code b} is not changed). */
    public double[] solve(double[] b) {
        checkLength(b, "right-hand side");
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            int row = i * n;
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[row + k] * y[k];
            }
            y[i] = s / l[row + i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k * n + i] * x[k];
            }
            x[i] = s / l[i * n + i];
        }
        return x;
    }

    /**
     * {@code A⁻¹}, row-major: column {@code c} solves {@code A x = e_c}; the result is made exactly symmetric
     * by copying its lower triangle over the upper one.
     */
    public double[] inverse() {
        double[] inv = new double[n * n];
        double[] e = new double[n];
        for (int c = 0; c < n; c++) {
            e[c] = 1;
            double[] col = solve(e);
            e[c] = 0;
            for (int r = c; r < n; r++) {
                inv[r * n + c] = col[r];
                inv[c * n + r] = col[r];
            }
        }
        return inv;
    }

    /**
     * {@code out = L z}: {@code out_i} sums {@code L_ij z_j} over {@code j <= i} in increasing {@code j}.
     * With {@code z} standard normal, {@code L z} is a draw from {@code N(0, A)}.
     *
     * @return {@code out}
     */
    public double[] lowerTimes(double[] z, double[] out) {
        checkLength(z, "vector");
        checkLength(out, "output");
        for (int i = 0; i < n; i++) {
            int row = i * n;
            double s = 0;
            for (int j = 0; j <= i; j++) {
                s += l[row + j] * z[j];
            }
            out[i] = s;
        }
        return out;
    }

    private void checkLength(double[] v, String what) {
        if (v.length != n) {
            throw new IllegalArgumentException("the " + what + " has " + v.length + " values; the matrix is " + n
                    + " x " + n);
        }
    }
}
