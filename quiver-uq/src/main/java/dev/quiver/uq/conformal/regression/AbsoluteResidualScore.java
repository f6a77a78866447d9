package dev.quiver.uq.conformal.regression;

import dev.quiver.core.seed.Seeds;
import dev.quiver.uq.conformal.PredictionIntervals;
import dev.quiver.uq.data.Matrix;
import dev.quiver.uq.model.RegressionModel;
import dev.quiver.uq.model.Regressor;

/**
 * The absolute residual {@code s(x, y) = |y − μ̂(x)|} of a fitted regression function; inverts to
 * {@code [μ̂(x) − t, μ̂(x) + t]}. Model seeds: {@code seeds.child("model")}.
 *
 * @param regressor the mean model
 * @see <a href="https://arxiv.org/abs/1604.04173">Lei, G'Sell, Rinaldo, Tibshirani and Wasserman (2018),
 *     Distribution-Free Predictive Inference for Regression, arXiv:1604.04173</a>
 */
public record AbsoluteResidualScore(Regressor regressor) implements RegressionScore {
    @Override
    public FittedRegressionScore fit(Matrix x, double[] y, Seeds seeds) {
        RegressionModel mu = regressor.fit(x, y, seeds.child("model"));
        return new FittedRegressionScore() {
            @Override
            public double[] scores(Matrix xc, double[] yc) {
                double[] m = mu.predict(xc);
                double[] s = new double[m.length];
                for (int i = 0; i < m.length; i++) {
                    s[i] = Math.abs(yc[i] - m[i]);
                }
                return s;
            }

            @Override
            public PredictionIntervals intervals(Matrix xt, double[] t, double alpha) {
                double[] m = mu.predict(xt);
                double[] lo = new double[m.length];
                double[] hi = new double[m.length];
                for (int i = 0; i < m.length; i++) {
                    lo[i] = m[i] - t[i];
                    hi[i] = m[i] + t[i];
                }
                return new PredictionIntervals(lo, hi, alpha);
            }
        };
    }
}
