package dev.quiver.ope.model;

import dev.quiver.core.linalg.Cholesky;
import dev.quiver.ope.bandit.data.LoggedBanditData;
import java.util.Locale;
import java.util.Objects;

/**
 * Ridge regression of the reward on {@link RewardFeatures features}, in closed form: {@code min sum_i (r_i
 * - b0 - phi_i . beta)^2 + lambda |beta|^2} with an unpenalised intercept {@code b0}, solved by centring
 * and a Cholesky factorisation of {@code Phi_c' Phi_c + lambda I}.
 *
 * @param lambda the L2 penalty, {@code > 0} (default 1, a light penalty on the sum-of-squares scale)
 * @param features the feature map (default {@link RewardFeatures#ADDITIVE})
 * @see <a href="https://doi.org/10.1080/00401706.1970.10488634">Hoerl and Kennard (1970), Ridge Regression:
 *     Biased Estimation for Nonorthogonal Problems, Technometrics 12(1)</a>
 */
public record RidgeRewardModel(double lambda, RewardFeatures features) implements RewardModel {

    /** Validates the settings. */
    public RidgeRewardModel {
        if (!(lambda > 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("lambda must be finite and > 0, got " + lambda);
        }
        Objects.requireNonNull(features, "features");
    }

    /** {@code lambda = 1}, additive features. */
    public static RidgeRewardModel defaults() {
        return new RidgeRewardModel(1.0, RewardFeatures.ADDITIVE);
    }

    /** A copy with {@code lambda}. */
    public RidgeRewardModel withLambda(double lambda) {
        return new RidgeRewardModel(lambda, features);
    }

    /** A copy with {@code features}. */
    public RidgeRewardModel withFeatures(RewardFeatures features) {
        return new RidgeRewardModel(lambda, features);
    }

    @Override
    public String name() {
        return String.format(Locale.ROOT, "ridge(lambda=%s, %s)", lambda, features.cliName());
    }

    @Override
    public FittedRewardModel fit(LoggedBanditData data, int[] rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("no rows to fit on");
        }
        SparseDesign x = SparseDesign.logged(data, rows, features);
        int p = x.p;
        int m = rows.length;
        double[] g = new double[p * p];
        double[] b = new double[p];
        double[] mean = new double[p];
        double yMean = 0;
        for (int j = 0; j < m; j++) {
            double y = data.reward(rows[j]);
            x.addOuter(j, 1, g, p);
            x.addScaled(j, y, b);
            x.addScaled(j, 1, mean);
            yMean += y;
        }
        yMean /= m;
        for (int c = 0; c < p; c++) {
            mean[c] /= m;
        }
        // centre: G - m mean mean', b - m mean yMean; then add the penalty
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                g[i * p + j] -= m * mean[i] * mean[j];
            }
            g[i * p + i] += lambda;
            b[i] -= m * mean[i] * yMean;
        }
        SparseDesign.symmetrise(g, p);
        double[] beta = Cholesky.factor(g, p).solve(b);
        double intercept = yMean;
        for (int c = 0; c < p; c++) {
            intercept -= mean[c] * beta[c];
        }
        return new LinearPredictor(features, intercept, beta, v -> v);
    }
}
