package dev.quiver.uq.conformal.regression;

import dev.quiver.core.seed.Seeds;
import dev.quiver.uq.conformal.PredictionIntervals;
import dev.quiver.uq.data.Matrix;
import dev.quiver.uq.model.Folds;
import dev.quiver.uq.model.RegressionModel;
import dev.quiver.uq.model.Regressor;
import java.util.List;

/**
 * The normalised (locally weighted) residual {@code s(x, y) = |y − μ̂(x)| / σ̂(x)}; inverts to
 * {@code [μ̂(x) − t σ̂(x), μ̂(x) + t σ̂(x)]}. Both models are fitted on the proper-training rows: μ̂ on y,
 * then the spread model on {@code log(|r_i| + β)} with {@code σ̂(x) = exp(prediction)}, the log-residual
 * normaliser of the nonconformist library used by the CQR experiments (positive by construction).
 *
 * <p>The residuals {@code r_i} are in-sample ({@code residualFolds = 0}, as Lei et al.), or out-of-fold
 * ({@code residualFolds = K ≥ 2}: K extra mean fits, each without one random fold, give every row a
 * residual from a model that did not see it). Flexible mean models (boosted trees, networks) nearly
 * interpolate their training rows, so their in-sample residuals say little about the spread: use
 * out-of-fold residuals for them. Either way the guarantee holds (everything is fitted on proper-training
 * rows only). Constant chosen here: β = 1% of the mean absolute residual (keeps the log finite at zero
 * residuals). Seeds: {@code seeds.child("model")}, {@code seeds.child("spread")}, and for out-of-fold
 * residuals {@code seeds.child("residual-folds")} and {@code seeds.child("residual-models")}.
 *
 * @param mean the mean model
 * @param spread the spread model (fitted to log absolute residuals)
 * @param residualFolds 0 for in-sample residuals, or K ≥ 2 for K-fold out-of-fold residuals
 * @see <a href="https://arxiv.org/abs/1604.04173">Lei, G'Sell, Rinaldo, Tibshirani and Wasserman (2018),
 *     Distribution-Free Predictive Inference for Regression, arXiv:1604.04173, Section 5.2</a>
 * @see <a href="https://doi.org/10.1613/jair.3198">Papadopoulos, Vovk and Gammerman (2011), Regression
 *     conformal prediction with nearest neighbours, JAIR 40</a>
 */
public record NormalizedResidualScore(Regressor mean, Regressor spread, int residualFolds)
        implements RegressionScore {
    /** Validates the fold count. */
    public NormalizedResidualScore {
        if (residualFolds != 0 && residualFolds < 2) {
            throw new IllegalArgumentException("residualFolds must be 0 (in-sample) or >= 2, got " + residualFolds);
        }
    }

    /** In-sample residuals (Lei et al.). */
    public NormalizedResidualScore(Regressor mean, Regressor spread) {
        this(mean, spread, 0);
    }

    @Override
    public FittedRegressionScore fit(Matrix x, double[] y, Seeds seeds) {
        RegressionModel mu = mean.fit(x, y, seeds.child("model"));
        double[] m = residualFolds == 0 ? mu.predict(x) : outOfFold(x, y, seeds);
        double meanAbs = 0;
        for (int i = 0; i < m.length; i++) {
            meanAbs += Math.abs(y[i] - m[i]);
        }
        meanAbs /= Math.max(1, m.length);
        double beta = Math.max(0.01 * meanAbs, 1e-12);
        double[] logRes = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            logRes[i] = Math.log(Math.abs(y[i] - m[i]) + beta);
        }
        RegressionModel logSigma = spread.fit(x, logRes, seeds.child("spread"));
        return new FittedRegressionScore() {
            @Override
            public double[] scores(Matrix xc, double[] yc) {
                double[] mc = mu.predict(xc);
                double[] sc = sigma(logSigma.predict(xc));
                double[] s = new double[mc.length];
                for (int i = 0; i < mc.length; i++) {
                    s[i] = Math.abs(yc[i] - mc[i]) / sc[i];
                }
                return s;
            }

            @Override
            public PredictionIntervals intervals(Matrix xt, double[] t, double alpha) {
                double[] mt = mu.predict(xt);
                double[] st = sigma(logSigma.predict(xt));
                double[] lo = new double[mt.length];
                double[] hi = new double[mt.length];
                for (int i = 0; i < mt.length; i++) {
                    double half = Double.isInfinite(t[i]) ? Double.POSITIVE_INFINITY : t[i] * st[i];
                    lo[i] = mt[i] - half;
                    hi[i] = mt[i] + half;
                }
                return new PredictionIntervals(lo, hi, alpha);
            }
        };
    }

    /** Out-of-fold predictions of the mean model at every row. */
    private double[] outOfFold(Matrix x, double[] y, Seeds seeds) {
        int[][] folds = Folds.random(x.rows(), Math.min(residualFolds, x.rows()), seeds.child("residual-folds").rng());
        List<RegressionModel> models = mean.fitLeavingOut(x, y, folds, seeds.child("residual-models"));
        double[] m = new double[x.rows()];
        for (int k = 0; k < folds.length; k++) {
            double[] p = models.get(k).predict(x.selectRows(folds[k]));
            for (int t = 0; t < folds[k].length; t++) {
                m[folds[k][t]] = p[t];
            }
        }
        return m;
    }

    private static double[] sigma(double[] logSigma) {
        double[] s = new double[logSigma.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = Math.max(Math.exp(logSigma[i]), Double.MIN_NORMAL);
        }
        return s;
    }
}
