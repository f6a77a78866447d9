package dev.quiver.uq.conformal.classification;

import dev.quiver.uq.conformal.PredictionSets;
import dev.quiver.uq.data.Matrix;

/** A fitted and calibrated conformal classifier: prediction sets for new rows. */
@FunctionalInterface
public interface SetPredictor {
    /** One set per row of {@code x}. */
    PredictionSets predict(Matrix x);
}
