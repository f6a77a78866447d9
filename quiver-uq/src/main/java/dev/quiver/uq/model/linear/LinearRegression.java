package dev.quiver.uq.model.linear;

import dev.quiver.core.seed.Seeds;
import dev.quiver.uq.data.Matrix;
import dev.quiver.uq.model.RegressionModel;
import dev.quiver.uq.model.Regressor;
import java.util.ArrayList;
import java.util.List;

/**
 * Ordinary least squares ({@code lambda = 0}) and ridge regression with an unpenalised intercept, in
 * closed form: the normal equations of the standardised features are solved by Cholesky (a tiny ridge is
 * added only if the features are collinear, see
 * {@link dev.quiver.core.linalg.JitterLadder#normalEquations}). The penalty {@code λ Σ_j (b_j s_j)²} acts
 * on the standardised coefficients ({@code s_j} the feature's standard deviation on the fitting data), as
 * scikit-learn's Ridge after StandardScaler; OLS does not depend on the scaling. Deterministic (the seeds are unused).
 *
 * <p>{@link #fitLeavingOut} down-dates the sufficient statistics instead of refitting: the same models
 * as refitting on each complement (up to rounding), at O(p²) per left-out row plus one O(p³) solve per
 * fold, which makes jackknife+ with n fits cheap.
 *
 * @param lambda the ridge penalty λ ≥ 0
 * @see <a href="https://doi.org/10.1080/00401706.1970.10488634">Hoerl and Kennard (1970), Ridge
 *     regression: biased estimation for nonorthogonal problems, Technometrics 12(1)</a>
 */
public record LinearRegression(double lambda) implements Regressor {
    /** Validates λ. */
    public LinearRegression {
        if (!(lambda >= 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("ridge penalty must be finite and >= 0, got " + lambda);
        }
    }

    /** Ordinary least squares. */
    public static LinearRegression ols() {
        return new LinearRegression(0);
    }

    /** Ridge regression with penalty {@code lambda} on the standardised coefficients. */
    public static LinearRegression ridge(double lambda) {
        return new LinearRegression(lambda);
    }

    /** A copy with another penalty. */
    public LinearRegression withLambda(double newLambda) {
        return new LinearRegression(newLambda);
    }

    @Override
    public LinearModel fit(Matrix x, double[] y, Seeds seeds) {
        return GramStatistics.of(x, y).solve(lambda);
    }

    @Override
    public List<RegressionModel> fitLeavingOut(Matrix x, double[] y, int[][] folds, Seeds seeds) {
        GramStatistics all = GramStatistics.of(x, y);
        List<RegressionModel> models = new ArrayList<>(folds.length);
        for (int[] fold : folds) {
            models.add(all.without(x, y, fold).solve(lambda));
        }
        return models;
    }
}
