package dev.quiver.uq.model.linear;

import dev.quiver.core.linalg.Cholesky;
import dev.quiver.core.linalg.JitterLadder;
import dev.quiver.uq.data.Matrix;

/**
 * The sufficient statistics of (ridge) least squares with an intercept, accumulated around fixed shifts
 * (the full data's means) for numerical accuracy: {@code n}, {@code Σ(x−c)}, {@code Σ(y−d)},
 * {@code Σ(x−c)(x−c)ᵀ} and {@code Σ(x−c)(y−d)}. Removing rows subtracts their terms, so a fit without some
 * rows costs O(p²) per removed row plus one O(p³) solve instead of a pass over the data.
 */
final class GramStatistics {
    private final int p;
    private final double[] c;
    private final double d;
    private final int n;
    private final double[] sx;
    private final double sy;
    private final double[] sxx;
    private final double[] sxy;

    private GramStatistics(int p, double[] c, double d, int n, double[] sx, double sy, double[] sxx, double[] sxy) {
        this.p = p;
        this.c = c;
        this.d = d;
        this.n = n;
        this.sx = sx;
        this.sy = sy;
        this.sxx = sxx;
        this.sxy = sxy;
    }

    /** The statistics of all rows. */
    static GramStatistics of(Matrix x, double[] y) {
        int n = x.rows();
        int p = x.cols();
        if (y.length != n) {
            throw new IllegalArgumentException(n + " rows but " + y.length + " targets");
        }
        if (n == 0) {
            throw new IllegalArgumentException("cannot fit a linear model to no rows");
        }
        double[] c = new double[p];
        double d = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                c[j] += x.get(i, j);
            }
            d += y[i];
        }
        for (int j = 0; j < p; j++) {
            c[j] /= n;
        }
        d /= n;
        double[] sx = new double[p];
        double sy = 0;
        double[] sxx = new double[p * p];
        double[] sxy = new double[p];
        double[] r = new double[p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                r[j] = x.get(i, j) - c[j];
            }
            double ry = y[i] - d;
            accumulate(p, r, ry, 1, sx, sxx, sxy);
            sy += ry;
        }
        return new GramStatistics(p, c, d, n, sx, sy, sxx, sxy);
    }

    /** The statistics without the rows {@code rows} (distinct) of {@code x, y} (the data they were made from). */
    GramStatistics without(Matrix x, double[] y, int[] rows) {
        double[] sx2 = sx.clone();
        double[] sxx2 = sxx.clone();
        double[] sxy2 = sxy.clone();
        double sy2 = sy;
        double[] r = new double[p];
        for (int i : rows) {
            for (int j = 0; j < p; j++) {
                r[j] = x.get(i, j) - c[j];
            }
            double ry = y[i] - d;
            accumulate(p, r, ry, -1, sx2, sxx2, sxy2);
            sy2 -= ry;
        }
        return new GramStatistics(p, c, d, n - rows.length, sx2, sy2, sxx2, sxy2);
    }

    private static void accumulate(int p, double[] r, double ry, double sign, double[] sx, double[] sxx, double[] sxy) {
        for (int j = 0; j < p; j++) {
            double rj = sign * r[j];
            sx[j] += rj;
            sxy[j] += rj * ry;
            int o = j * p;
            for (int k = 0; k <= j; k++) {
                sxx[o + k] += rj * r[k];
            }
        }
    }

    /**
     * The ridge fit minimising {@code Σ(y − b0 − Σ_j b_j x_j)² + λ Σ_j (b_j s_j)²}, with {@code s_j} the
     * population standard deviation of feature j (a penalty on the standardised coefficients, as
     * scikit-learn's Ridge after StandardScaler); the intercept is not penalised; columns without
     * variance get coefficient 0.
     */
    LinearModel solve(double lambda) {
        if (n < 1) {
            throw new IllegalArgumentException("cannot fit a linear model to no rows");
        }
        double[] mx = new double[p];
        for (int j = 0; j < p; j++) {
            mx[j] = sx[j] / n;
        }
        double my = sy / n;
        double[] sd = new double[p];
        int[] active = new int[p];
        int m = 0;
        for (int j = 0; j < p; j++) {
            double var = (sxx[j * p + j] - n * mx[j] * mx[j]) / n;
            double mean = c[j] + mx[j];
            if (var > 1e-14 * (1 + mean * mean)) {
                sd[j] = Math.sqrt(var);
                active[m++] = j;
            }
        }
        double[] a = new double[m * m];
        double[] b = new double[m];
        for (int u = 0; u < m; u++) {
            int j = active[u];
            for (int v = 0; v <= u; v++) {
                int k = active[v];
                double cov = sxx[j * p + k] - n * mx[j] * mx[k];
                a[u * m + v] = cov / (sd[j] * sd[k]);
                a[v * m + u] = a[u * m + v];
            }
            a[u * m + u] += lambda;
            b[u] = (sxy[j] - n * mx[j] * my) / sd[j];
        }
        double[] beta = m == 0 ? new double[0] : Cholesky.factor(a, m, JitterLadder.normalEquations()).solve(b);
        double[] coef = new double[p];
        double intercept = d + my;
        for (int u = 0; u < m; u++) {
            int j = active[u];
            coef[j] = beta[u] / sd[j];
            intercept -= coef[j] * (c[j] + mx[j]);
        }
        return new LinearModel(intercept, coef);
    }
}
