package dev.quiver.uq.model;

import dev.quiver.uq.data.Matrix;

/** A fitted probabilistic classifier: estimated class probabilities per row. */
public interface ClassifierModel {
    /** The number of classes K. */
    int numClasses();

    /** {@code [row][class]}: estimated probabilities, each row non-negative and summing to 1. */
    double[][] predictProba(Matrix x);
}
