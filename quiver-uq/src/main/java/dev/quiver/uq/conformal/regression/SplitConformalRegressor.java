package dev.quiver.uq.conformal.regression;

import dev.quiver.core.seed.Seeds;
import dev.quiver.uq.conformal.CalibrationScores;
import dev.quiver.uq.conformal.ConformalQuantile;
import dev.quiver.uq.data.DataSplit;
import dev.quiver.uq.data.Matrix;
import dev.quiver.uq.model.QuantileRegressor;
import dev.quiver.uq.model.Regressor;

/**
 * Split (inductive) conformal regression with any {@link RegressionScore}: fit the score's models on the
 * proper-training part, compute the scores of the n calibration rows, and predict
 * {@code {y : s(x, y) ≤ q̂}} with {@code q̂} the {@code ⌈(n + 1)(1 − α)⌉}-th smallest calibration score
 * ({@code +∞} when that exceeds n). With exchangeable data the coverage is at least {@code 1 − α}, and at
 * most {@code 1 − α + 1/(n + 1)} for tie-free scores. The factories give the absolute-residual method,
 * the normalised-residual method and symmetric CQR.
 *
 * <p>{@link #fit} splits the rows it is given: a seeded random {@code calibrationFraction} of them (drawn
 * from {@code seeds.child("split")}) calibrates, the rest trains ({@code seeds.child("fit")}).
 *
 * @param name the method's short name
 * @param score the nonconformity score
 * @param alpha the miscoverage α
 * @param calibrationFraction the share of rows used for calibration, in (0, 1); 0.5 in the CQR experiments
 * @see <a href="https://arxiv.org/abs/1604.04173">Lei, G'Sell, Rinaldo, Tibshirani and Wasserman (2018),
 *     Distribution-Free Predictive Inference for Regression, arXiv:1604.04173</a>
 * @see <a href="https://arxiv.org/abs/1905.03222">Romano, Patterson and Candès (2019), Conformalized
 *     Quantile Regression, arXiv:1905.03222</a>
 */
public record SplitConformalRegressor(String name, RegressionScore score, double alpha, double calibrationFraction)
        implements ConformalRegressor {
    /** Validates the settings. */
    public SplitConformalRegressor {
        ConformalQuantile.checkAlpha(alpha);
        if (!(calibrationFraction > 0 && calibrationFraction < 1)) {
            throw new IllegalArgumentException("calibration fraction must be in (0, 1), got " + calibrationFraction);
        }
    }

    /** Split conformal with the absolute residual of {@code regressor}; half the rows calibrate. */
    public static SplitConformalRegressor absolute(Regressor regressor, double alpha) {
        return new SplitConformalRegressor("split", new AbsoluteResidualScore(regressor), alpha, 0.5);
    }

    /** Split conformal with the normalised residual {@code |y − μ̂|/σ̂}; half the rows calibrate. */
    public static SplitConformalRegressor normalized(Regressor mean, Regressor spread, double alpha) {
        return new SplitConformalRegressor("normalized", new NormalizedResidualScore(mean, spread), alpha, 0.5);
    }

    /** Symmetric CQR with quantile levels α/2 and 1 − α/2; half the rows calibrate. */
    public static SplitConformalRegressor cqr(QuantileRegressor regressor, double alpha) {
        return new SplitConformalRegressor("cqr", CqrScore.of(regressor, alpha), alpha, 0.5);
    }

    /** A copy with another calibration share. */
    public SplitConformalRegressor withCalibrationFraction(double fraction) {
        return new SplitConformalRegressor(name, score, alpha, fraction);
    }

    @Override
    public IntervalPredictor fit(Matrix x, double[] y, Seeds seeds) {
        DataSplit split = DataSplit.random(x.rows(), 0, calibrationFraction, seeds.child("split").rng());
        int[] tr = split.train();
        int[] cal = split.calibration();
        return fit(x.selectRows(tr), select(y, tr), x.selectRows(cal), select(y, cal), seeds);
    }

    /** Fits on the given proper-training part and calibrates on the given calibration part. */
    public IntervalPredictor fit(Matrix xTrain, double[] yTrain, Matrix xCal, double[] yCal, Seeds seeds) {
        return calibrate(score.fit(xTrain, yTrain, seeds.child("fit")), xCal, yCal);
    }

    /** Calibrates an already fitted score: the threshold from the scores of {@code xCal, yCal}. */
    public IntervalPredictor calibrate(FittedRegressionScore fitted, Matrix xCal, double[] yCal) {
        CalibrationScores scores = CalibrationScores.of(fitted.scores(xCal, yCal));
        double q = scores.quantile(alpha);
        return x -> {
            double[] t = new double[x.rows()];
            java.util.Arrays.fill(t, q);
            return fitted.intervals(x, t, alpha);
        };
    }

    static double[] select(double[] y, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = y[rows[i]];
        }
        return out;
    }
}
