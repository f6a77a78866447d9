package dev.quiver.uq.conformal.regression;

import dev.quiver.core.seed.Seeds;
import dev.quiver.uq.conformal.PredictionIntervals;
import dev.quiver.uq.data.Matrix;
import dev.quiver.uq.model.QuantileModel;
import dev.quiver.uq.model.QuantileRegressor;

/**
 * CQR's score {@code s(x, y) = max(q̂_lo(x) − y, y − q̂_hi(x))} of fitted lower and upper conditional
 * quantiles; inverts to {@code [q̂_lo(x) − t, q̂_hi(x) + t]}. If the two fitted quantiles cross at some x
 * they are swapped there (rearrangement, which keeps the guarantee since it is part of the fitted model).
 * Model seeds: {@code seeds.child("model")}.
 *
 * @param regressor the quantile model
 * @param lowLevel the lower quantile level (CQR: α/2)
 * @param highLevel the upper quantile level (CQR: 1 − α/2)
 * @see <a href="https://arxiv.org/abs/1905.03222">Romano, Patterson and Candès (2019), Conformalized
 *     Quantile Regression, arXiv:1905.03222</a>
 * @see <a href="https://arxiv.org/abs/0704.3649">Chernozhukov, Fernández-Val and Galichon (2010), Quantile
 *     and probability curves without crossing, arXiv:0704.3649</a>
 */
public record CqrScore(QuantileRegressor regressor, double lowLevel, double highLevel) implements RegressionScore {
    /** Validates the levels. */
    public CqrScore {
        QuantileRegressor.checkLevels(new double[] {lowLevel, highLevel});
    }

    /** The levels α/2 and 1 − α/2 of the CQR paper. */
    public static CqrScore of(QuantileRegressor regressor, double alpha) {
        return new CqrScore(regressor, alpha / 2, 1 - alpha / 2);
    }

    @Override
    public FittedRegressionScore fit(Matrix x, double[] y, Seeds seeds) {
        QuantileModel q = regressor.fit(x, y, new double[] {lowLevel, highLevel}, seeds.child("model"));
        return new FittedRegressionScore() {
            @Override
            public double[] scores(Matrix xc, double[] yc) {
                double[][] b = bands(q, xc);
                double[] s = new double[yc.length];
                for (int i = 0; i < s.length; i++) {
                    s[i] = Math.max(b[0][i] - yc[i], yc[i] - b[1][i]);
                }
                return s;
            }

            @Override
            public PredictionIntervals intervals(Matrix xt, double[] t, double alpha) {
                double[][] b = bands(q, xt);
                double[] lo = new double[b[0].length];
                double[] hi = new double[b[0].length];
                for (int i = 0; i < lo.length; i++) {
                    lo[i] = b[0][i] - t[i];
                    hi[i] = b[1][i] + t[i];
                }
                return new PredictionIntervals(lo, hi, alpha);
            }
        };
    }

    /** {@code {lower[], upper[]}}: the fitted quantiles, swapped where they cross. */
    static double[][] bands(QuantileModel q, Matrix x) {
        double[][] p = q.predict(x);
        double[] lo = new double[p.length];
        double[] hi = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            lo[i] = Math.min(p[i][0], p[i][1]);
            hi[i] = Math.max(p[i][0], p[i][1]);
        }
        return new double[][] {lo, hi};
    }
}
