package dev.quiver.uq.conformal.regression;

import dev.quiver.core.seed.Seeds;
import dev.quiver.uq.conformal.ConformalQuantile;
import dev.quiver.uq.conformal.PredictionIntervals;
import dev.quiver.uq.data.DataSplit;
import dev.quiver.uq.data.Matrix;
import dev.quiver.uq.model.QuantileModel;
import dev.quiver.uq.model.QuantileRegressor;

/**
 * CQR with an asymmetric score: the lower and upper ends are calibrated separately, each at miscoverage
 * α/2, with {@code E_lo = q̂_lo(x) − y} and {@code E_hi = y − q̂_hi(x)} on the calibration rows and the
 * interval {@code [q̂_lo(x) − Q_lo, q̂_hi(x) + Q_hi]}, where {@code Q} is the {@code ⌈(n + 1)(1 − α/2)⌉}-th
 * smallest of the respective scores. Coverage is at least 1 − α (union bound); the interval can adapt to
 * skewed errors at the price of being a little wider. The split into parts is as in
 * {@link SplitConformalRegressor}; crossing quantiles are rearranged as in {@link CqrScore}.
 *
 * @param regressor the quantile model
 * @param alpha the miscoverage α
 * @param calibrationFraction the calibration share, in (0, 1)
 * @param lowLevel the lower quantile level fitted (CQR: α/2)
 * @param highLevel the upper quantile level fitted (CQR: 1 − α/2)
 * @see <a href="https://arxiv.org/abs/1905.03222">Romano, Patterson and Candès (2019), Conformalized
 *     Quantile Regression, arXiv:1905.03222, Theorem 2</a>
 */
public record AsymmetricCqr(QuantileRegressor regressor, double alpha, double calibrationFraction, double lowLevel,
        double highLevel) implements ConformalRegressor {
    /** Validates the settings. */
    public AsymmetricCqr {
        ConformalQuantile.checkAlpha(alpha);
        if (!(calibrationFraction > 0 && calibrationFraction < 1)) {
            throw new IllegalArgumentException("calibration fraction must be in (0, 1), got " + calibrationFraction);
        }
        QuantileRegressor.checkLevels(new double[] {lowLevel, highLevel});
    }

    /** Levels α/2 and 1 − α/2, half the rows calibrate. */
    public static AsymmetricCqr of(QuantileRegressor regressor, double alpha) {
        return new AsymmetricCqr(regressor, alpha, 0.5, alpha / 2, 1 - alpha / 2);
    }

    @Override
    public String name() {
        return "cqr-asym";
    }

    @Override
    public IntervalPredictor fit(Matrix x, double[] y, Seeds seeds) {
        DataSplit split = DataSplit.random(x.rows(), 0, calibrationFraction, seeds.child("split").rng());
        int[] tr = split.train();
        int[] cal = split.calibration();
        return fit(x.selectRows(tr), SplitConformalRegressor.select(y, tr), x.selectRows(cal),
                SplitConformalRegressor.select(y, cal), seeds);
    }

    /** Fits on the given proper-training part and calibrates on the given calibration part. */
    public IntervalPredictor fit(Matrix xTrain, double[] yTrain, Matrix xCal, double[] yCal, Seeds seeds) {
        QuantileModel q = regressor.fit(xTrain, yTrain, new double[] {lowLevel, highLevel},
                seeds.child("fit").child("model"));
        double[][] b = CqrScore.bands(q, xCal);
        double[] eLo = new double[yCal.length];
        double[] eHi = new double[yCal.length];
        for (int i = 0; i < yCal.length; i++) {
            eLo[i] = b[0][i] - yCal[i];
            eHi[i] = yCal[i] - b[1][i];
        }
        double qLo = ConformalQuantile.upper(eLo, alpha / 2);
        double qHi = ConformalQuantile.upper(eHi, alpha / 2);
        return x -> {
            double[][] bt = CqrScore.bands(q, x);
            double[] lo = new double[x.rows()];
            double[] hi = new double[x.rows()];
            for (int i = 0; i < lo.length; i++) {
                lo[i] = bt[0][i] - qLo;
                hi[i] = bt[1][i] + qHi;
            }
            return new PredictionIntervals(lo, hi, alpha);
        };
    }
}
