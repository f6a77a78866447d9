package dev.quiver.uq.model;

import dev.quiver.uq.data.Matrix;

/** A fitted conditional-quantile function: for each row, one predicted quantile per level. */
public interface QuantileModel {
    /** The quantile levels, ascending, each in (0, 1) (a copy). */
    double[] levels();

    /** {@code [row][level]}: the predicted quantiles of the rows of {@code x}, in {@link #levels()} order. */
    double[][] predict(Matrix x);
}
