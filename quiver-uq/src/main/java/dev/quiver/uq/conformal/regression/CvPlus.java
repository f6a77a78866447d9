package dev.quiver.uq.conformal.regression;

import dev.quiver.core.seed.Seeds;
import dev.quiver.uq.conformal.ConformalQuantile;
import dev.quiver.uq.conformal.PredictionIntervals;
import dev.quiver.uq.data.Matrix;
import dev.quiver.uq.model.Folds;
import dev.quiver.uq.model.RegressionModel;
import dev.quiver.uq.model.Regressor;
import java.util.List;

/**
 * CV+ and jackknife+ (Barber, Candès, Ramdas and Tibshirani 2021). The n training rows are split into K
 * folds (random, from {@code seeds.child("folds")}; jackknife+ is K = n, one row per fold); model
 * {@code μ̂_{−k}} is fitted without fold k, and row i in fold k(i) gets the out-of-fold residual
 * {@code R_i = |y_i − μ̂_{−k(i)}(x_i)|}. The interval at x is
 * {@code [q̂⁻_α{μ̂_{−k(i)}(x) − R_i}, q̂⁺_α{μ̂_{−k(i)}(x) + R_i}]}, where q̂⁺ is the
 * {@code ⌈(1 − α)(n + 1)⌉}-th smallest of the n values ({@code +∞} beyond n) and q̂⁻ the
 * {@code ⌊α(n + 1)⌋}-th smallest ({@code −∞} at 0). Guarantee: coverage at least {@code 1 − 2α} for any
 * symmetric algorithm (jackknife+), at least {@code 1 − 2α − √(2/n)} for CV+ (and
 * {@code 1 − 2α − 2(1 − 1/K)/(n/K + 1)}); in practice it is usually close to 1 − α.
 *
 * <p>Models are fitted by {@link Regressor#fitLeavingOut} (exact down-dates for linear regression, refits
 * otherwise, seeds {@code seeds.child("models")}). Predictions are made in blocks of test rows so memory
 * stays O(K·block + n).
 *
 * @param regressor the regression algorithm
 * @param alpha the miscoverage α
 * @param folds K ≥ 2, or {@link #LEAVE_ONE_OUT} for jackknife+
 * @see <a href="https://arxiv.org/abs/1905.02928">Barber, Candès, Ramdas and Tibshirani (2021), Predictive
 *     inference with the jackknife+, arXiv:1905.02928</a>
 */
public record CvPlus(Regressor regressor, double alpha, int folds) implements ConformalRegressor {
    /** The fold count meaning one fold per row (jackknife+). */
    public static final int LEAVE_ONE_OUT = 0;

    /** Validates the settings. */
    public CvPlus {
        ConformalQuantile.checkAlpha(alpha);
        if (folds != LEAVE_ONE_OUT && folds < 2) {
            throw new IllegalArgumentException("CV+ needs at least 2 folds (or LEAVE_ONE_OUT), got " + folds);
        }
    }

    /** CV+ with {@code k} random folds. */
    public static CvPlus cvPlus(Regressor regressor, double alpha, int k) {
        return new CvPlus(regressor, alpha, k);
    }

    /** Jackknife+: leave-one-out models. */
    public static CvPlus jackknifePlus(Regressor regressor, double alpha) {
        return new CvPlus(regressor, alpha, LEAVE_ONE_OUT);
    }

    @Override
    public String name() {
        return folds == LEAVE_ONE_OUT ? "jackknife+" : "cv+";
    }

    @Override
    public IntervalPredictor fit(Matrix x, double[] y, Seeds seeds) {
        int n = x.rows();
        if (n < 2) {
            throw new IllegalArgumentException("CV+ and jackknife+ need at least 2 rows, got " + n);
        }
        int[][] f = folds == LEAVE_ONE_OUT ? Folds.leaveOneOut(n) : Folds.random(n, folds, seeds.child("folds").rng());
        List<RegressionModel> models = regressor.fitLeavingOut(x, y, f, seeds.child("models"));
        int[] foldOf = new int[n];
        double[] residual = new double[n];
        for (int k = 0; k < f.length; k++) {
            double[] pred = models.get(k).predict(x.selectRows(f[k]));
            for (int t = 0; t < f[k].length; t++) {
                int i = f[k][t];
                foldOf[i] = k;
                residual[i] = Math.abs(y[i] - pred[t]);
            }
        }
        return xt -> {
            int m = xt.rows();
            double[] lo = new double[m];
            double[] hi = new double[m];
            int block = Math.max(1, Math.min(m, 4_000_000 / Math.max(models.size(), 1)));
            double[] low = new double[n];
            double[] high = new double[n];
            for (int start = 0; start < m; start += block) {
                int b = Math.min(block, m - start);
                int[] rows = new int[b];
                for (int j = 0; j < b; j++) {
                    rows[j] = start + j;
                }
                Matrix chunk = xt.selectRows(rows);
                double[][] pred = new double[models.size()][];
                for (int k = 0; k < pred.length; k++) {
                    pred[k] = models.get(k).predict(chunk);
                }
                for (int j = 0; j < b; j++) {
                    for (int i = 0; i < n; i++) {
                        double mu = pred[foldOf[i]][j];
                        low[i] = mu - residual[i];
                        high[i] = mu + residual[i];
                    }
                    lo[start + j] = ConformalQuantile.lowerInPlace(low, alpha);
                    hi[start + j] = ConformalQuantile.upperInPlace(high, alpha);
                }
            }
            return new PredictionIntervals(lo, hi, alpha);
        };
    }
}
