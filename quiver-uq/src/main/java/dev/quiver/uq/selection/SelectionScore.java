package dev.quiver.uq.selection;

/**
 * A monotone conformity score for selecting units with outcome above a threshold c: {@code V(x, y)} computed
 * from a model's prediction at x, non-decreasing in y. Calibration units get {@code V_i = V(X_i, Y_i)}, test
 * units {@code V̂_j = V(X_j, c)}; a null test unit ({@code Y_j ≤ c}) then has {@code V(X_j, Y_j) ≤ V̂_j}, which
 * is what makes the conformal p-value of {@link ConformalPValues} valid. Small {@code V̂_j} (a large prediction)
 * is evidence for {@code Y_j > c}.
 *
 * @see <a href="https://arxiv.org/abs/2210.01408">Jin and Candès (2023), Selection by Prediction with Conformal
 *     p-values, JMLR 24, arXiv:2210.01408</a>
 */
public interface SelectionScore {
    /** The threshold c: the null hypothesis of a unit is {@code Y ≤ c}. */
    double threshold();

    /** {@code V(x, y)} for a unit whose model prediction at x is {@code prediction}; non-decreasing in y. */
    double score(double prediction, double outcome);

    /** The test score {@code V̂ = V(x, c)}. */
    default double testScore(double prediction) {
        return score(prediction, threshold());
    }
}
