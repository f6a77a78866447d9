package dev.quiver.uq.model.linear;

import dev.quiver.core.linalg.Cholesky;
import dev.quiver.core.linalg.JitterLadder;
import dev.quiver.core.seed.Seeds;
import dev.quiver.uq.data.Matrix;
import dev.quiver.uq.data.Standardizer;
import dev.quiver.uq.model.QuantileModel;
import dev.quiver.uq.model.QuantileRegressor;

/**
 * Linear quantile regression (Koenker and Bassett 1978): for each level τ, the intercept and coefficients
 * minimising the pinball loss {@code Σ_i ρ_τ(y_i − b0 − xᵢᵀb)}, {@code ρ_τ(r) = r(τ − 1{r < 0})}.
 *
 * <p>Solved exactly as a linear program by the Frisch-Newton primal-dual interior-point method of Portnoy
 * and Koenker (1997) with Mehrotra's predictor-corrector step, the algorithm of R's
 * {@code quantreg::rq(method = "fn")}: the dual {@code max yᵀa s.t. Zᵀa = (1 − τ)Zᵀ1, 0 ≤ a ≤ 1} on the
 * standardised features {@code Z} (plus a column of ones), started from least squares; each iteration
 * solves two weighted normal equations (O(n p²), Cholesky). Constants as in quantreg: step damping
 * 0.99995; stop when the duality gap falls below {@code 1e-8 · (1 + Σ|y_i|)}, when (once below
 * {@code 1e-5 · (1 + Σ|y_i|)}) it has stopped shrinking for three iterations (its rounding floor), or
 * after {@link #maxIterations()} iterations (typically 15-40 are needed); should the iterates reach the
 * edge of floating point (weights overflow or underflow), the last finite coefficients are kept.
 * Deterministic (the seeds are unused).
 *
 * @param maxIterations the most interior-point iterations per level
 * @see <a href="https://doi.org/10.2307/1913643">Koenker and Bassett (1978), Regression Quantiles,
 *     Econometrica 46(1)</a>
 * @see <a href="https://doi.org/10.1214/ss/1030037960">Portnoy and Koenker (1997), The Gaussian hare and
 *     the Laplacian tortoise: computability of squared-error versus absolute-error estimators,
 *     Statistical Science 12(4)</a>
 */
public record LinearQuantileRegression(int maxIterations) implements QuantileRegressor {
    private static final double DAMPING = 0.99995;

    /** Validates the settings. */
    public LinearQuantileRegression {
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
        }
    }

    /** At most 100 interior-point iterations per level. */
    public static LinearQuantileRegression defaults() {
        return new LinearQuantileRegression(100);
    }

    /** A copy with another iteration cap. */
    public LinearQuantileRegression withMaxIterations(int n) {
        return new LinearQuantileRegression(n);
    }

    @Override
    public QuantileModel fit(Matrix x, double[] y, double[] levels, Seeds seeds) {
        double[] taus = QuantileRegressor.checkLevels(levels);
        int n = x.rows();
        if (y.length != n || n == 0) {
            throw new IllegalArgumentException("need as many targets as rows (and at least one), got " + n + " rows, "
                    + y.length + " targets");
        }
        Standardizer std = Standardizer.fit(x);
        Matrix z = std.transform(x);
        int q = z.cols() + 1;
        double[] design = new double[n * q];
        for (int i = 0; i < n; i++) {
            z.copyRow(i, design, i * q);
            design[i * q + q - 1] = 1.0;
        }
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1.0);
        double[] ls = weightedSolve(design, n, q, ones, y);
        LinearModel[] models = new LinearModel[taus.length];
        for (int k = 0; k < taus.length; k++) {
            models[k] = toRaw(frischNewton(design, n, q, y, taus[k], ls), std);
        }
        return new LinearQuantileModel(taus, models);
    }

    /** The coefficients of level {@code tau}: the negated dual-feasibility multipliers of the LP. */
    private double[] frischNewton(double[] design, int n, int q, double[] yv, double tau, double[] ls) {
        // primal (dual of QR) x in (0, 1), slack s = 1 - x; multipliers b (negated coefficients), z, w >= 0
        double[] x = new double[n];
        double[] s = new double[n];
        double[] z = new double[n];
        double[] w = new double[n];
        double[] b = new double[q];
        for (int j = 0; j < q; j++) {
            b[j] = -ls[j];
        }
        double[] rhsB = new double[q];
        double scale = 1;
        for (int i = 0; i < n; i++) {
            x[i] = 1 - tau;
            s[i] = tau;
            double r = -yv[i] - dot(design, i * q, b, q);
            if (r == 0) {
                r = 0.001;
            }
            z[i] = Math.max(r, 0);
            w[i] = z[i] - r;
            for (int j = 0; j < q; j++) {
                rhsB[j] += design[i * q + j] * x[i];
            }
            scale += Math.abs(yv[i]);
        }
        double[] qv = new double[n];
        double[] r = new double[n];
        double[] dx = new double[n];
        double[] ds = new double[n];
        double[] dz = new double[n];
        double[] dw = new double[n];
        double[] xi = new double[n];
        double[] dxdz = new double[n];
        double[] dsdw = new double[n];
        double[] rhs = new double[n];
        double[] bPrev = new double[q];
        double bestGap = Double.POSITIVE_INFINITY;
        int stalled = 0;
        for (int it = 0; it < maxIterations; it++) {
            System.arraycopy(b, 0, bPrev, 0, q);
            boolean degenerate = false;
            for (int i = 0; i < n; i++) {
                qv[i] = 1.0 / (z[i] / x[i] + w[i] / s[i]);
                r[i] = z[i] - w[i];
                degenerate |= !(qv[i] > 0) || !Double.isFinite(qv[i]);
            }
            if (degenerate) {
                break; // the iterates reached the edge of floating point: keep the current (finite) coefficients
            }
            double[] db = weightedSolve(design, n, q, qv, r);
            for (int i = 0; i < n; i++) {
                dx[i] = qv[i] * (dot(design, i * q, db, q) - r[i]);
                ds[i] = -dx[i];
                dz[i] = -z[i] * (1 + dx[i] / x[i]);
                dw[i] = -w[i] * (1 + ds[i] / s[i]);
            }
            double fp = Math.min(1, DAMPING * Math.min(bound(x, dx), bound(s, ds)));
            double fd = Math.min(1, DAMPING * Math.min(bound(w, dw), bound(z, dz)));
            if (Math.min(fp, fd) < 1) {
                double mu = 0;
                double g = 0;
                for (int i = 0; i < n; i++) {
                    mu += z[i] * x[i] + w[i] * s[i];
                    g += (z[i] + fd * dz[i]) * (x[i] + fp * dx[i]) + (w[i] + fd * dw[i]) * (s[i] + fp * ds[i]);
                }
                mu = mu * Math.pow(g / mu, 3) / (2 * n);
                for (int i = 0; i < n; i++) {
                    dxdz[i] = dx[i] * dz[i];
                    dsdw[i] = ds[i] * dw[i];
                    xi[i] = mu * (1 / x[i] - 1 / s[i]);
                    rhs[i] = r[i] + dxdz[i] - dsdw[i] - xi[i];
                }
                db = weightedSolve(design, n, q, qv, rhs);
                for (int i = 0; i < n; i++) {
                    dx[i] = qv[i] * (dot(design, i * q, db, q) + xi[i] - r[i] - dxdz[i] + dsdw[i]);
                    ds[i] = -dx[i];
                    dz[i] = mu / x[i] - z[i] - z[i] / x[i] * dx[i] - dxdz[i];
                    dw[i] = mu / s[i] - w[i] - w[i] / s[i] * ds[i] - dsdw[i];
                }
                fp = Math.min(1, DAMPING * Math.min(bound(x, dx), bound(s, ds)));
                fd = Math.min(1, DAMPING * Math.min(bound(w, dw), bound(z, dz)));
            }
            double gap = 0;
            for (int i = 0; i < n; i++) {
                x[i] += fp * dx[i];
                s[i] += fp * ds[i];
                w[i] += fd * dw[i];
                z[i] += fd * dz[i];
                gap += -yv[i] * x[i] + w[i];
            }
            for (int j = 0; j < q; j++) {
                b[j] += fd * db[j];
                gap -= b[j] * rhsB[j];
            }
            if (!Double.isFinite(gap)) {
                System.arraycopy(bPrev, 0, b, 0, q);
                break;
            }
            if (gap < 1e-8 * scale) {
                break;
            }
            // rounding floor: a small gap stopped shrinking (by 0.1%) for three iterations
            stalled = gap < 0.999 * bestGap || gap > 1e-5 * scale ? 0 : stalled + 1;
            bestGap = Math.min(bestGap, gap);
            if (stalled >= 3) {
                break;
            }
        }
        double[] beta = new double[q];
        for (int j = 0; j < q; j++) {
            beta[j] = -b[j];
        }
        return beta;
    }

    /** The largest step t ≤ 1e20 with {@code v + t·dv ≥ 0}. */
    private static double bound(double[] v, double[] dv) {
        double t = 1e20;
        for (int i = 0; i < v.length; i++) {
            if (dv[i] < 0) {
                t = Math.min(t, -v[i] / dv[i]);
            }
        }
        return t;
    }

    /** Solves {@code (Zᵀ diag(wt) Z) β = Zᵀ (wt ∘ v)}: weighted least squares of v on the design. */
    private static double[] weightedSolve(double[] design, int n, int q, double[] wt, double[] v) {
        double[] a = new double[q * q];
        double[] rhs = new double[q];
        for (int i = 0; i < n; i++) {
            int o = i * q;
            double wi = wt[i];
            for (int j = 0; j < q; j++) {
                double zj = design[o + j] * wi;
                rhs[j] += zj * v[i];
                int row = j * q;
                for (int k = 0; k <= j; k++) {
                    a[row + k] += zj * design[o + k];
                }
            }
        }
        for (int j = 0; j < q; j++) {
            for (int k = 0; k < j; k++) {
                a[k * q + j] = a[j * q + k];
            }
        }
        return Cholesky.factor(a, q, JitterLadder.normalEquations()).solve(rhs);
    }

    private static double dot(double[] design, int offset, double[] beta, int q) {
        double s = 0;
        for (int j = 0; j < q; j++) {
            s += design[offset + j] * beta[j];
        }
        return s;
    }

    private static LinearModel toRaw(double[] beta, Standardizer std) {
        double[] mean = std.mean();
        double[] scale = std.scale();
        int p = mean.length;
        double[] coef = new double[p];
        double intercept = beta[p];
        for (int j = 0; j < p; j++) {
            coef[j] = beta[j] / scale[j];
            intercept -= coef[j] * mean[j];
        }
        return new LinearModel(intercept, coef);
    }
}
