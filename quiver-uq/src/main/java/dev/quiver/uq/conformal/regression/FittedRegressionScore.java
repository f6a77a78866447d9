package dev.quiver.uq.conformal.regression;

import dev.quiver.uq.conformal.PredictionIntervals;
import dev.quiver.uq.data.Matrix;

/**
 * A fitted nonconformity score {@code s(x, y)} and its inversion: the set {@code {y : s(x, y) ≤ t}} must be
 * the interval returned by {@link #intervals} for threshold t (for every score here it is).
 */
public interface FittedRegressionScore {
    /** The scores of labelled rows (calibration data). */
    double[] scores(Matrix x, double[] y);

    /**
     * The intervals {@code {y : s(x_i, y) ≤ t_i}}.
     *
     * @param thresholds one threshold per row (the same value for plain split conformal; per group for Mondrian)
     * @param alpha the nominal miscoverage, recorded in the result
     */
    PredictionIntervals intervals(Matrix x, double[] thresholds, double alpha);
}
