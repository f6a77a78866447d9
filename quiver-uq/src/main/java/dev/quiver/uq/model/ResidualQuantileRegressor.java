package dev.quiver.uq.model;

import dev.quiver.core.seed.Seeds;
import dev.quiver.uq.data.Matrix;
import dev.quiver.uq.linalg.OrderStatistics;
import java.util.List;

/**
 * Quantiles from a mean model and the quantiles of its residuals: {@code q̂_τ(x) = μ̂(x) + r_(τ)}, with
 * {@code r_(τ)} the empirical τ-quantile of out-of-fold residuals {@code y_i − μ̂_{−k(i)}(x_i)} (K-fold
 * cross-fitting, so an over-fitting mean model does not yield too-narrow quantiles) and {@code μ̂} refitted
 * on all rows. A homoscedastic base model for quantile aggregation: its spread does not depend on x.
 * The empirical quantile is the {@code ⌈τ n⌉}-th smallest residual (at least the first). Folds from
 * {@code seeds.child("folds")}, fold fits from {@code seeds.child("fold", k)}, the final fit from
 * {@code seeds.child("full")}.
 *
 * @param mean the mean regressor
 * @param folds the number of cross-fitting folds K ≥ 2
 * @see <a href="https://arxiv.org/abs/2103.00083">Fakoor et al. (2023), Flexible Model Aggregation for
 *     Quantile Regression, arXiv:2103.00083 (a mean model with residual quantiles among the base models)</a>
 */
public record ResidualQuantileRegressor(Regressor mean, int folds) implements QuantileRegressor {
    /** Validates the settings. */
    public ResidualQuantileRegressor {
        java.util.Objects.requireNonNull(mean, "mean");
        if (folds < 2) {
            throw new IllegalArgumentException("need at least 2 folds, got " + folds);
        }
    }

    @Override
    public QuantileModel fit(Matrix x, double[] y, double[] levels, Seeds seeds) {
        double[] taus = QuantileRegressor.checkLevels(levels);
        int n = x.rows();
        if (y.length != n || n < folds) {
            throw new IllegalArgumentException("need as many targets as rows and at least " + folds + " rows, got " + n
                    + " rows, " + y.length + " targets");
        }
        int[][] f = Folds.random(n, folds, seeds.child("folds").rng());
        List<RegressionModel> partial = mean.fitLeavingOut(x, y, f, seeds);
        double[] residual = new double[n];
        for (int k = 0; k < f.length; k++) {
            double[] p = partial.get(k).predict(x.selectRows(f[k]));
            for (int r = 0; r < f[k].length; r++) {
                residual[f[k][r]] = y[f[k][r]] - p[r];
            }
        }
        double[] offsets = new double[taus.length];
        for (int k = 0; k < taus.length; k++) {
            int rank = Math.max(1, (int) Math.ceil(taus[k] * n - 1e-9));
            offsets[k] = OrderStatistics.kthSmallest(residual, rank);
        }
        RegressionModel full = mean.fit(x, y, seeds.child("full"));
        return new QuantileModel() {
            @Override
            public double[] levels() {
                return taus.clone();
            }

            @Override
            public double[][] predict(Matrix rows) {
                double[] mu = full.predict(rows);
                double[][] out = new double[mu.length][taus.length];
                for (int i = 0; i < mu.length; i++) {
                    for (int k = 0; k < taus.length; k++) {
                        out[i][k] = mu[i] + offsets[k];
                    }
                }
                return out;
            }
        };
    }
}
