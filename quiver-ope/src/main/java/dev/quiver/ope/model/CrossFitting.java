package dev.quiver.ope.model;

import dev.quiver.core.seed.Seeds;
import dev.quiver.ope.bandit.data.LoggedBanditData;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Cross-fitting of a reward model: the rows are split at random into {@code folds} parts of (nearly)
 * equal size, and the predictions on each part come from a model fitted on the other parts, so a row's
 * own reward never enters its prediction (what makes the doubly robust estimate unbiased whatever the
 * model). With one fold the model is fitted and evaluated on all rows, as OBP's {@code
 * RegressionModel.fit_predict(n_folds=1)}.
 *
 * @see <a href="https://arxiv.org/abs/1608.00060">Chernozhukov et al. (2018), Double/debiased machine
 *     learning for treatment and structural parameters, arXiv:1608.00060</a>
 * @see <a href="https://arxiv.org/abs/2008.07146">Saito, Aihara, Matsutani and Narita (2021), Open Bandit
 *     Dataset and Pipeline, arXiv:2008.07146</a>
 */
public final class CrossFitting {
    private CrossFitting() {
    }

    /**
     * {@code q_hat[i][a]} for every row and action.
     *
     * @param folds the number of folds, at least 1 and at most the number of rows
     * @param seed the seed of the random split (unused with one fold)
     */
    public static double[][] fitPredict(RewardModel model, LoggedBanditData data, int folds, long seed) {
        int n = data.size();
        if (folds < 1 || folds > n) {
            throw new IllegalArgumentException("folds must be in [1, " + n + "], got " + folds);
        }
        double[][] out = new double[n][];
        if (folds == 1) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            try (FittedRewardModel fitted = model.fit(data, all)) {
                double[][] p = fitted.predict(data, all);
                System.arraycopy(p, 0, out, 0, n);
            }
            return out;
        }
        int[] fold = assignFolds(n, folds, Seeds.of(seed).child("cross-fitting").rng());
        for (int f = 0; f < folds; f++) {
            int inFold = 0;
            for (int i = 0; i < n; i++) {
                if (fold[i] == f) {
                    inFold++;
                }
            }
            int[] test = new int[inFold];
            int[] train = new int[n - inFold];
            int t = 0;
            int r = 0;
            for (int i = 0; i < n; i++) {
                if (fold[i] == f) {
                    test[t++] = i;
                } else {
                    train[r++] = i;
                }
            }
            try (FittedRewardModel fitted = model.fit(data, train)) {
                double[][] p = fitted.predict(data, test);
                for (int j = 0; j < test.length; j++) {
                    out[test[j]] = p[j];
                }
            }
        }
        return out;
    }

    /** A random fold {@code 0..folds-1} for every row, sizes differing by at most one. */
    static int[] assignFolds(int n, int folds, UniformRandomProvider rng) {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = perm[i];
            perm[i] = perm[j];
            perm[j] = tmp;
        }
        int[] fold = new int[n];
        for (int j = 0; j < n; j++) {
            fold[perm[j]] = j % folds;
        }
        return fold;
    }
}
