package dev.quiver.ope.model;

import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.linalg.Cholesky;
import dev.quiver.ope.bandit.data.LoggedBanditData;
import java.util.Locale;
import java.util.Objects;

/**
 * L2-penalised logistic regression of a reward in [0, 1] (a click, or a probability) on {@link
 * RewardFeatures features}: {@code min sum_i CE(r_i, sigmoid(b0 + phi_i . beta)) + (lambda / 2)
 * |beta|^2}, the intercept unpenalised, fitted by Newton's method (iteratively reweighted least squares)
 * with step halving. {@code lambda = 1} is scikit-learn's default {@code C = 1}. Rows whose rewards are
 * all equal give a constant prediction (the unpenalised intercept would diverge).
 *
 * @param lambda the L2 penalty, {@code > 0} (default 1)
 * @param features the feature map (default {@link RewardFeatures#ADDITIVE})
 * @param maxIterations the Newton iterations at most (default 100)
 * @param tolerance stop when the largest coefficient change is below this (default 1e-8)
 * @see <a href="https://doi.org/10.1007/978-0-387-84858-7">Hastie, Tibshirani and Friedman (2009), The
 *     Elements of Statistical Learning, section 4.4.1 (IRLS)</a>
 */
public record LogisticRewardModel(double lambda, RewardFeatures features, int maxIterations, double tolerance)
        implements RewardModel {

    /** Validates the settings. */
    public LogisticRewardModel {
        if (!(lambda > 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("lambda must be finite and > 0, got " + lambda);
        }
        Objects.requireNonNull(features, "features");
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be at least 1, got " + maxIterations);
        }
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("tolerance must be > 0, got " + tolerance);
        }
    }

    /** {@code lambda = 1}, additive features, 100 iterations, tolerance 1e-8. */
    public static LogisticRewardModel defaults() {
        return new LogisticRewardModel(1.0, RewardFeatures.ADDITIVE, 100, 1e-8);
    }

    /** A copy with {@code lambda}. */
    public LogisticRewardModel withLambda(double lambda) {
        return new LogisticRewardModel(lambda, features, maxIterations, tolerance);
    }

    /** A copy with {@code features}. */
    public LogisticRewardModel withFeatures(RewardFeatures features) {
        return new LogisticRewardModel(lambda, features, maxIterations, tolerance);
    }

    @Override
    public String name() {
        return String.format(Locale.ROOT, "logistic(lambda=%s, %s)", lambda, features.cliName());
    }

    @Override
    public FittedRewardModel fit(LoggedBanditData data, int[] rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("no rows to fit on");
        }
        int m = rows.length;
        double[] y = new double[m];
        double yMean = 0;
        boolean allEqual = true;
        for (int j = 0; j < m; j++) {
            y[j] = data.reward(rows[j]);
            if (!(y[j] >= 0 && y[j] <= 1)) {
                throw new QuiverUserException(data.source() + ": row " + rows[j] + " has reward " + y[j]
                        + "; the logistic reward model needs rewards in [0, 1] (use ridge or xgboost)");
            }
            allEqual &= y[j] == y[0];
            yMean += y[j];
        }
        yMean /= m;
        if (allEqual) {
            return LinearPredictor.constant(y[0]);
        }
        SparseDesign x = SparseDesign.logged(data, rows, features);
        int p = x.p;
        int q = p + 1; // the intercept is coordinate p
        double[] theta = new double[q];
        theta[p] = Math.log(yMean / (1 - yMean));
        double loss = loss(x, y, theta);
        for (int it = 0; it < maxIterations; it++) {
            double[] h = new double[q * q];
            double[] g = new double[q];
            for (int j = 0; j < m; j++) {
                double z = x.dot(j, theta) + theta[p];
                double mu = sigmoid(z);
                double w = mu * (1 - mu);
                double r = mu - y[j];
                x.addOuter(j, w, h, q);
                addInterceptTerms(x, j, w, r, h, g, q, p);
            }
            for (int c = 0; c < p; c++) {
                h[c * q + c] += lambda;
                g[c] += lambda * theta[c];
            }
            h[p * q + p] += 1e-10;
            SparseDesign.symmetrise(h, q);
            double[] step = Cholesky.factor(h, q).solve(g);
            double t = 1;
            double[] next = new double[q];
            double nextLoss = Double.POSITIVE_INFINITY;
            for (int halving = 0; halving < 40; halving++) {
                for (int c = 0; c < q; c++) {
                    next[c] = theta[c] - t * step[c];
                }
                nextLoss = loss(x, y, next);
                if (nextLoss <= loss + 1e-12 * Math.abs(loss)) {
                    break;
                }
                t /= 2;
            }
            double change = 0;
            for (int c = 0; c < q; c++) {
                change = Math.max(change, Math.abs(next[c] - theta[c]));
            }
            theta = next;
            loss = nextLoss;
            if (change < tolerance) {
                break;
            }
        }
        double[] beta = java.util.Arrays.copyOf(theta, p);
        return new LinearPredictor(features, theta[p], beta, LogisticRewardModel::sigmoid);
    }

    private double loss(SparseDesign x, double[] y, double[] theta) {
        int p = x.p;
        double s = 0;
        for (int j = 0; j < y.length; j++) {
            double z = x.dot(j, theta) + theta[p];
            s += y[j] * softplus(-z) + (1 - y[j]) * softplus(z);
        }
        for (int c = 0; c < p; c++) {
            s += 0.5 * lambda * theta[c] * theta[c];
        }
        return s;
    }

    private static void addInterceptTerms(SparseDesign x, int j, double w, double r, double[] h, double[] g, int q,
            int p) {
        int[] ix = x.index[j];
        double[] v = x.value[j];
        for (int t = 0; t < ix.length; t++) {
            h[p * q + ix[t]] += w * v[t];
            g[ix[t]] += r * v[t];
        }
        h[p * q + p] += w;
        g[p] += r;
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    private static double softplus(double z) {
        return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    }
}
