package dev.quiver.uq.selection;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Conformal selection with one model (Jin and Candès's procedure): score the calibration units
 * {@code V_i = V(X_i, Y_i)} and the test units {@code V̂_j = V(X_j, c)} with a monotone {@link SelectionScore}
 * built on the model's predictions, compute the randomised conformal p-values of {@link ConformalPValues}, and
 * select with {@link BenjaminiHochberg} at level q. The FDR of the selected set, {@code E[#{j ∈ S : Y_j ≤ c} /
 * max(|S|, 1)]}, is at most q in finite samples when calibration and test units are exchangeable and the model
 * was fitted on other data.
 *
 * @param score the monotone score (with the threshold c); {@link ClippedScore} is the paper's choice
 * @param q the FDR level, in (0, 1)
 * @see <a href="https://arxiv.org/abs/2210.01408">Jin and Candès (2023), Selection by Prediction with Conformal
 *     p-values, JMLR 24, arXiv:2210.01408</a>
 */
public record ConformalSelection(SelectionScore score, double q) {
    /** Validates q. */
    public ConformalSelection {
        BenjaminiHochberg.checkLevel(q);
        java.util.Objects.requireNonNull(score, "score");
    }

    /** With the clipped score at threshold c. */
    public static ConformalSelection clipped(double threshold, double q) {
        return new ConformalSelection(new ClippedScore(threshold), q);
    }

    /**
     * Selects among the test units.
     *
     * @param calibrationPredictions the model's predictions on the calibration units
     * @param calibrationOutcomes the calibration units' outcomes Y
     * @param testPredictions the model's predictions on the test units
     * @param rng draws the tie-breakers {@code U_j}, one per test unit in index order
     */
    public Selection select(double[] calibrationPredictions, double[] calibrationOutcomes, double[] testPredictions,
            UniformRandomProvider rng) {
        double[] v = calibrationScores(score, calibrationPredictions, calibrationOutcomes);
        double[] p = ConformalPValues.randomized(v, testScores(score, testPredictions), rng);
        return new Selection(BenjaminiHochberg.select(p, q), p);
    }

    /** {@code V_i = V(X_i, Y_i)}. */
    static double[] calibrationScores(SelectionScore score, double[] predictions, double[] outcomes) {
        if (predictions.length != outcomes.length) {
            throw new IllegalArgumentException(predictions.length + " calibration predictions but " + outcomes.length
                    + " outcomes");
        }
        if (predictions.length == 0) {
            throw new IllegalArgumentException("no calibration units");
        }
        double[] v = new double[predictions.length];
        for (int i = 0; i < v.length; i++) {
            if (Double.isNaN(predictions[i]) || Double.isNaN(outcomes[i])) {
                throw new IllegalArgumentException("calibration unit " + i + " has a NaN prediction or outcome");
            }
            v[i] = score.score(predictions[i], outcomes[i]);
        }
        return v;
    }

    /** {@code V̂_j = V(X_j, c)}. */
    static double[] testScores(SelectionScore score, double[] predictions) {
        if (predictions.length == 0) {
            throw new IllegalArgumentException("no test units");
        }
        double[] v = new double[predictions.length];
        for (int j = 0; j < v.length; j++) {
            if (Double.isNaN(predictions[j])) {
                throw new IllegalArgumentException("test unit " + j + " has a NaN prediction");
            }
            v[j] = score.testScore(predictions[j]);
        }
        return v;
    }
}
