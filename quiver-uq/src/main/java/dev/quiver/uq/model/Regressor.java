package dev.quiver.uq.model;

import dev.quiver.core.seed.Seeds;
import dev.quiver.uq.data.Matrix;
import java.util.ArrayList;
import java.util.List;

/**
 * A regression algorithm: fits a {@link RegressionModel} to features and targets. Implement it to plug
 * your own model into every conformal method; a fit must depend only on its data and seeds
 * (deterministic), and should treat rows symmetrically (jackknife+ and CV+ rely on it).
 */
@FunctionalInterface
public interface Regressor {
    /**
     * Fits a model.
     *
     * @param x the features, one row per example
     * @param y the targets
     * @param seeds the randomness of the fit (initialisation, subsampling)
     */
    RegressionModel fit(Matrix x, double[] y, Seeds seeds);

    /**
     * One model per fold, each fitted on every row not in that fold (as CV+ and jackknife+ need). The
     * default refits on each complement with seeds {@code seeds.child("fold", k)}; models with cheaper
     * exact down-dates (linear regression) override it.
     *
     * @param folds disjoint row-index sets
     */
    default List<RegressionModel> fitLeavingOut(Matrix x, double[] y, int[][] folds, Seeds seeds) {
        List<RegressionModel> models = new ArrayList<>(folds.length);
        for (int k = 0; k < folds.length; k++) {
            int[] rows = Folds.complement(x.rows(), folds[k]);
            double[] yk = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                yk[i] = y[rows[i]];
            }
            models.add(fit(x.selectRows(rows), yk, seeds.child("fold", k)));
        }
        return models;
    }
}
