package dev.quiver.uq.conformal.regression;

import dev.quiver.uq.conformal.PredictionIntervals;
import dev.quiver.uq.data.Matrix;

/** A fitted and calibrated conformal regression method: prediction intervals for new rows. */
@FunctionalInterface
public interface IntervalPredictor {
    /** One interval per row of {@code x}. */
    PredictionIntervals predict(Matrix x);
}
