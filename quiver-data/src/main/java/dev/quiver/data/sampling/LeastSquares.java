package dev.quiver.data.sampling;

import java.util.Arrays;

/**
 * Ordinary least squares with an intercept, for the value baseline of advantage weighting: the fitted
 * values {@code ŷ} of regressing {@code y} on the columns of {@code x} and a constant.
 *
 * <p>The fitted values are the orthogonal projection of {@code y} onto the span of the constant and the
 * columns, which is the same for every least-squares solution, so rank-deficient designs need no special
 * solver: columns are centred (this takes care of the intercept), orthonormalised by modified Gram-Schmidt
 * with one re-orthogonalisation pass, and a column whose remaining norm is at most {@value #DEPENDENT}
 * of its centred norm is dropped as dependent on the earlier ones. Cost {@code O(n d^2)}.
 */
final class LeastSquares {
    /** Relative norm below which a column counts as a combination of the earlier ones. */
    static final double DEPENDENT = 1e-10;

    private LeastSquares() {
    }

    /** The fitted values of the regression of {@code y} (n values) on {@code x} (n rows of d) with intercept. */
    static double[] fittedValues(double[][] x, double[] y) {
        int n = y.length;
        int d = n == 0 ? 0 : x[0].length;
        double yMean = 0.0;
        for (double v : y) {
            yMean += v;
        }
        yMean /= n;
        double[] yc = new double[n];
        for (int i = 0; i < n; i++) {
            yc[i] = y[i] - yMean;
        }
        double[][] basis = new double[Math.min(d, n)][];
        int rank = 0;
        double[] v = new double[n];
        for (int j = 0; j < d && rank < n; j++) {
            double mean = 0.0;
            for (int i = 0; i < n; i++) {
                mean += x[i][j];
            }
            mean /= n;
            for (int i = 0; i < n; i++) {
                v[i] = x[i][j] - mean;
            }
            double norm0 = norm(v);
            if (norm0 == 0.0) {
                continue;
            }
            for (int pass = 0; pass < 2; pass++) {
                for (int q = 0; q < rank; q++) {
                    double c = dot(basis[q], v);
                    for (int i = 0; i < n; i++) {
                        v[i] -= c * basis[q][i];
                    }
                }
            }
            double nv = norm(v);
            if (nv <= DEPENDENT * norm0) {
                continue;
            }
            double[] u = new double[n];
            for (int i = 0; i < n; i++) {
                u[i] = v[i] / nv;
            }
            basis[rank++] = u;
        }
        double[] fitted = new double[n];
        Arrays.fill(fitted, yMean);
        for (int q = 0; q < rank; q++) {
            double c = dot(basis[q], yc);
            for (int i = 0; i < n; i++) {
                fitted[i] += c * basis[q][i];
            }
        }
        return fitted;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }
}
