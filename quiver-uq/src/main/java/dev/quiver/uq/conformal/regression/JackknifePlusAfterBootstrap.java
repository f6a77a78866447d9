package dev.quiver.uq.conformal.regression;

import dev.quiver.core.seed.Seeds;
import dev.quiver.uq.conformal.ConformalQuantile;
import dev.quiver.uq.conformal.PredictionIntervals;
import dev.quiver.uq.data.Matrix;
import dev.quiver.uq.model.RegressionModel;
import dev.quiver.uq.model.Regressor;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Jackknife+-after-bootstrap (Kim, Xu and Barber 2020, Algorithm 1): fit B models on bootstrap samples of
 * size m = n (drawn with replacement, {@code seeds.child("bootstrap", b)}; models from
 * {@code seeds.child("model", b)}); the leave-one-out prediction of row i aggregates (mean or median) the
 * models whose sample does not contain i, {@code μ̂_{φ,−i}}, with residual {@code R_i = |y_i − μ̂_{φ,−i}(x_i)|};
 * the interval at x is {@code [q̂⁻_α{μ̂_{φ,−i}(x) − R_i}, q̂⁺_α{μ̂_{φ,−i}(x) + R_i}]} (quantiles as in
 * {@link CvPlus}). No extra model fits beyond the B bootstrap models.
 *
 * <p>The guarantee (coverage at least 1 − 2α, Theorem 1) needs the number of models to be random,
 * {@code B ~ Binomial(B̃, (1 − 1/(n + 1))^m)}; that is the default ({@code randomRounds}, drawn from
 * {@code seeds.child("rounds")}), with B̃ = {@code bootstrapRounds}. The paper leaves {@code μ̂_{φ,−i}}
 * free to be any fixed function when row i is in every sample (probability about 0.632^B per row); here
 * it is the constant 0, which only makes that row's residual large.
 *
 * @param regressor the regression algorithm
 * @param alpha the miscoverage α
 * @param bootstrapRounds B̃ (or B itself when {@code randomRounds} is false)
 * @param randomRounds whether B is drawn from the binomial law of Theorem 1
 * @param aggregation how out-of-bag models are combined
 * @see <a href="https://arxiv.org/abs/2002.09025">Kim, Xu and Barber (2020), Predictive inference is free with
 *     the jackknife+-after-bootstrap, arXiv:2002.09025</a>
 */
public record JackknifePlusAfterBootstrap(Regressor regressor, double alpha, int bootstrapRounds,
        boolean randomRounds, Aggregation aggregation) implements ConformalRegressor {
    /** How the out-of-bag models' predictions are combined. */
    public enum Aggregation {
        /** The mean (bagging). */
        MEAN,
        /** The median. */
        MEDIAN
    }

    /** Validates the settings. */
    public JackknifePlusAfterBootstrap {
        ConformalQuantile.checkAlpha(alpha);
        if (bootstrapRounds < 1) {
            throw new IllegalArgumentException("need at least one bootstrap round, got " + bootstrapRounds);
        }
    }

    /** B ~ Binomial(B̃, (1 − 1/(n + 1))^n) with B̃ = {@code rounds}, mean aggregation. */
    public static JackknifePlusAfterBootstrap of(Regressor regressor, double alpha, int rounds) {
        return new JackknifePlusAfterBootstrap(regressor, alpha, rounds, true, Aggregation.MEAN);
    }

    @Override
    public String name() {
        return "jackknife+ab";
    }

    @Override
    public IntervalPredictor fit(Matrix x, double[] y, Seeds seeds) {
        int n = x.rows();
        int b = randomRounds ? binomial(bootstrapRounds, Math.pow(1 - 1.0 / (n + 1), n), seeds.child("rounds").rng())
                : bootstrapRounds;
        boolean[][] inBag = new boolean[b][n];
        RegressionModel[] models = new RegressionModel[b];
        for (int k = 0; k < b; k++) {
            UniformRandomProvider rng = seeds.child("bootstrap", k).rng();
            int[] sample = new int[n];
            for (int t = 0; t < n; t++) {
                sample[t] = rng.nextInt(n);
                inBag[k][sample[t]] = true;
            }
            models[k] = regressor.fit(x.selectRows(sample), SplitConformalRegressor.select(y, sample),
                    seeds.child("model", k));
        }
        int[][] outOfBag = new int[n][];
        for (int i = 0; i < n; i++) {
            int c = 0;
            for (int k = 0; k < b; k++) {
                if (!inBag[k][i]) {
                    c++;
                }
            }
            outOfBag[i] = new int[c];
            c = 0;
            for (int k = 0; k < b; k++) {
                if (!inBag[k][i]) {
                    outOfBag[i][c++] = k;
                }
            }
        }
        double[][] trainPred = predictAll(models, x);
        double[] residual = new double[n];
        double[] scratch = new double[b];
        for (int i = 0; i < n; i++) {
            residual[i] = Math.abs(y[i] - aggregate(trainPred, outOfBag[i], i, scratch));
        }
        return xt -> {
            int m = xt.rows();
            double[] lo = new double[m];
            double[] hi = new double[m];
            int block = Math.max(1, Math.min(m, 4_000_000 / Math.max(b, 1)));
            double[] low = new double[n];
            double[] high = new double[n];
            for (int start = 0; start < m; start += block) {
                int len = Math.min(block, m - start);
                int[] rows = new int[len];
                for (int j = 0; j < len; j++) {
                    rows[j] = start + j;
                }
                double[][] pred = predictAll(models, xt.selectRows(rows));
                for (int j = 0; j < len; j++) {
                    for (int i = 0; i < n; i++) {
                        double mu = aggregate(pred, outOfBag[i], j, scratch);
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

    private static double[][] predictAll(RegressionModel[] models, Matrix x) {
        double[][] p = new double[models.length][];
        for (int k = 0; k < models.length; k++) {
            p[k] = models[k].predict(x);
        }
        return p;
    }

    /** The aggregate of {@code pred[k][j]} over {@code k ∈ members} (0 if there are none). */
    private double aggregate(double[][] pred, int[] members, int j, double[] scratch) {
        if (members.length == 0) {
            return 0;
        }
        if (aggregation == Aggregation.MEAN) {
            double s = 0;
            for (int k : members) {
                s += pred[k][j];
            }
            return s / members.length;
        }
        for (int t = 0; t < members.length; t++) {
            scratch[t] = pred[members[t]][j];
        }
        java.util.Arrays.sort(scratch, 0, members.length);
        int h = members.length / 2;
        return members.length % 2 == 1 ? scratch[h] : 0.5 * (scratch[h - 1] + scratch[h]);
    }

    /** A Binomial(trials, p) draw as a sum of Bernoulli trials. */
    static int binomial(int trials, double p, UniformRandomProvider rng) {
        int c = 0;
        for (int t = 0; t < trials; t++) {
            if (rng.nextDouble() < p) {
                c++;
            }
        }
        return c;
    }
}
