package dev.quiver.uq.model;

import dev.quiver.uq.data.Matrix;

/** A fitted regression function: one predicted value (e.g. a conditional mean) per row. */
@FunctionalInterface
public interface RegressionModel {
    /** The predictions for the rows of {@code x}. */
    double[] predict(Matrix x);
}
