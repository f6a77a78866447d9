package dev.quiver.bandits.regress;

/**
 * Small dense linear algebra on row-major {@code double[n*n]} matrices: matrix-vector products, quadratic
 * forms, the Sherman-Morrison rank-one update of an inverse, and the Cholesky factor.
 */
public final class Matrices {
    private Matrices() {
    }

    /** The {@code n x n} identity times {@code scale}. */
    public static double[] identity(int n, double scale) {
        double[] m = new double[n * n];
        for (int i = 0; i < n; i++) {
            m[i * n + i] = scale;
        }
        return m;
    }

    /** {@code out = m x} for an {@code n x n} matrix. */
    public static double[] multiply(double[] m, double[] x, double[] out) {
        int n = x.length;
        for (int i = 0; i < n; i++) {
            double s = 0;
            int row = i * n;
            for (int j = 0; j < n; j++) {
                s += m[row + j] * x[j];
            }
            out[i] = s;
        }
        return out;
    }

    /** {@code x' m x}. */
    public static double quadratic(double[] m, double[] x) {
        int n = x.length;
        double s = 0;
        for (int i = 0; i < n; i++) {
            double r = 0;
            int row = i * n;
            for (int j = 0; j < n; j++) {
                r += m[row + j] * x[j];
            }
            s += x[i] * r;
        }
        return s;
    }

    /**
     * Replaces the symmetric inverse {@code ainv = A^-1} by {@code (A + w x x')^-1} (Sherman-Morrison),
     * using {@code work} (length n) as scratch; {@code w >= 0}.
     */
    public static void rankOneInverseUpdate(double[] ainv, double[] x, double w, double[] work) {
        int n = x.length;
        multiply(ainv, x, work);
        double denom = 1 + w * dot(x, work);
        double f = w / denom;
        for (int i = 0; i < n; i++) {
            double wi = work[i] * f;
            int row = i * n;
            for (int j = 0; j < n; j++) {
                ainv[row + j] -= wi * work[j];
            }
        }
    }

    /**
     * The lower Cholesky factor {@code L} of a symmetric positive-definite {@code m} ({@code m = L L'}), or
     * of {@code m} with the smallest diagonal jitter that makes it factor if rounding broke definiteness.
     */
    public static double[] cholesky(double[] m, int n) {
        double jitter = 0;
        for (int attempt = 0; attempt < 20; attempt++) {
            double[] l = new double[n * n];
            boolean ok = true;
            for (int i = 0; i < n && ok; i++) {
                for (int j = 0; j <= i; j++) {
                    double s = m[i * n + j] + (i == j ? jitter : 0);
                    for (int k = 0; k < j; k++) {
                        s -= l[i * n + k] * l[j * n + k];
                    }
                    if (i == j) {
                        if (!(s > 0)) {
                            ok = false;
                            break;
                        }
                        l[i * n + i] = Math.sqrt(s);
                    } else {
                        l[i * n + j] = s / l[j * n + j];
                    }
                }
            }
            if (ok) {
                return l;
            }
            jitter = jitter == 0 ? 1e-12 * Math.max(1e-300, maxDiagonal(m, n)) : jitter * 10;
        }
        throw new ArithmeticException("matrix is not positive definite");
    }

    /**
     * Solves {@code A x = b} for a square {@code n x n} {@code a} by Gaussian elimination with partial
     * pivoting ({@code a} and {@code b} are not changed).
     *
     * @throws ArithmeticException if {@code a} is singular to working precision
     */
    public static double[] solve(double[] a, double[] b) {
        int n = b.length;
        double[] m = a.clone();
        double[] x = b.clone();
        for (int c = 0; c < n; c++) {
            int p = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r * n + c]) > Math.abs(m[p * n + c])) {
                    p = r;
                }
            }
            if (Math.abs(m[p * n + c]) < 1e-300) {
                throw new ArithmeticException("singular matrix");
            }
            if (p != c) {
                for (int j = 0; j < n; j++) {
                    double t = m[c * n + j];
                    m[c * n + j] = m[p * n + j];
                    m[p * n + j] = t;
                }
                double t = x[c];
                x[c] = x[p];
                x[p] = t;
            }
            for (int r = c + 1; r < n; r++) {
                double f = m[r * n + c] / m[c * n + c];
                if (f != 0) {
                    for (int j = c; j < n; j++) {
                        m[r * n + j] -= f * m[c * n + j];
                    }
                    x[r] -= f * x[c];
                }
            }
        }
        for (int r = n - 1; r >= 0; r--) {
            double s = x[r];
            for (int j = r + 1; j < n; j++) {
                s -= m[r * n + j] * x[j];
            }
            x[r] = s / m[r * n + r];
        }
        return x;
    }

    /** {@code <a, b>}. */
    public static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double maxDiagonal(double[] m, int n) {
        double d = 0;
        for (int i = 0; i < n; i++) {
            d = Math.max(d, Math.abs(m[i * n + i]));
        }
        return d;
    }
}
