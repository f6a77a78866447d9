package dev.quiver.ope.model;

import dev.quiver.ope.bandit.data.LoggedBanditData;

/**
 * A regression model of the expected reward {@code q(x, a, k)} fitted on logged bandit feedback (each
 * row's context, logged action and position against its reward), used by the direct method and the
 * doubly robust estimators. {@link CrossFitting} fits it on some rows and predicts the others, as Open
 * Bandit Pipeline's {@code RegressionModel.fit_predict(n_folds=...)}.
 *
 * @see <a href="https://arxiv.org/abs/2008.07146">Saito, Aihara, Matsutani and Narita (2021), Open Bandit
 *     Dataset and Pipeline, arXiv:2008.07146 ({@code obp.ope.RegressionModel})</a>
 */
public interface RewardModel {
    /** A short name, e.g. {@code "ridge(lambda=1)"}. */
    String name();

    /** Fits the model on rows {@code rows} of {@code data} (their logged actions and rewards). */
    FittedRewardModel fit(LoggedBanditData data, int[] rows);

    /**
     * {@code q_hat[i][a]}, the prediction for every row {@code i} and action {@code a} (at the row's
     * position), from a model fitted on all rows (no cross-fitting; see {@link CrossFitting}).
     */
    default double[][] fitPredict(LoggedBanditData data) {
        return CrossFitting.fitPredict(this, data, 1, 0L);
    }
}
