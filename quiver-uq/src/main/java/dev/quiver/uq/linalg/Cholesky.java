package dev.quiver.uq.linalg;

/**
 * Solves symmetric positive-definite systems {@code A x = b} by the Cholesky factorisation
 * {@code A = L Lᵀ} (row-major {@code n x n} arrays, plain Java, O(n³/3)).
 *
 * <p>{@link #solveSpd} is for normal equations, which are only positive semi-definite when features are
 * collinear: if the factorisation breaks down it retries with a ridge {@code δ·(trace(A)/n)·I}, δ =
 * 1e-12, 1e-10, ..., 1e-4 (the smallest that works), which picks one of the equally good solutions.
 */
public final class Cholesky {
    private final int n;
    private final double[] l;

    private Cholesky(int n, double[] l) {
        this.n = n;
        this.l = l;
    }

    /**
     * The factorisation of {@code a} (row-major, symmetric; only the lower triangle is read), or
     * {@code null} if {@code a} is not numerically positive definite.
     */
    public static Cholesky factor(double[] a, int n) {
        double[] l = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i * n + j];
                for (int k = 0; k < j; k++) {
                    s -= l[i * n + k] * l[j * n + k];
                }
                if (i == j) {
                    if (!(s > 0) || !Double.isFinite(s)) {
                        return null;
                    }
                    l[i * n + i] = Math.sqrt(s);
                } else {
                    l[i * n + j] = s / l[j * n + j];
                }
            }
        }
        return new Cholesky(n, l);
    }

    /** {@code x} with {@code A x = b}. */
    public double[] solve(double[] b) {
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i * n + k] * y[k];
            }
            y[i] = s / l[i * n + i];
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
     * Solves {@code A x = b} for a symmetric positive (semi-)definite {@code A}, adding the smallest
     * ridge of the class comment's ladder when {@code A} is singular.
     *
     * @throws IllegalArgumentException if even the largest ridge fails (non-finite entries)
     */
    public static double[] solveSpd(double[] a, double[] b, int n) {
        Cholesky c = factor(a, n);
        if (c != null) {
            return c.solve(b);
        }
        double trace = 0;
        for (int i = 0; i < n; i++) {
            trace += a[i * n + i];
        }
        double scale = trace > 0 && Double.isFinite(trace) ? trace / n : 1.0;
        for (double delta = 1e-12; delta <= 1e-4 * 1.0001; delta *= 100) {
            double[] jittered = a.clone();
            for (int i = 0; i < n; i++) {
                jittered[i * n + i] += delta * scale;
            }
            c = factor(jittered, n);
            if (c != null) {
                return c.solve(b);
            }
        }
        throw new IllegalArgumentException("the " + n + " x " + n + " system is not positive semi-definite"
                + " (non-finite or negative entries?)");
    }
}
