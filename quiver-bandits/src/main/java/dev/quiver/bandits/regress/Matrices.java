package dev.quiver.bandits.regress;

/**
 * The online regressions' dense operations on row-major {@code double[n*n]} matrices: matrix-vector products,
 * quadratic forms and the Sherman-Morrison rank-one update of an inverse. Factorisations and solves are
 * {@link dev.quiver.core.linalg.Cholesky}'s.
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

    /** {@code <a, b>}. */
    public static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
