package dev.quiver.uq.conformal.regression;

import dev.quiver.core.seed.Seeds;
import dev.quiver.uq.data.Matrix;

/**
 * A conformal regression method at a fixed miscoverage α: from labelled data to an
 * {@link IntervalPredictor}. Split methods divide the data into proper-training and calibration parts
 * themselves; cross-fitting methods (CV+, jackknife+, J+aB) use every row for both.
 */
public interface ConformalRegressor {
    /** The nominal miscoverage α. */
    double alpha();

    /** A short name for tables, e.g. {@code "split"}, {@code "cqr"}. */
    String name();

    /**
     * Fits and calibrates on {@code x, y}.
     *
     * @param seeds the randomness (the split into parts, folds, bootstrap samples, the models)
     */
    IntervalPredictor fit(Matrix x, double[] y, Seeds seeds);
}
