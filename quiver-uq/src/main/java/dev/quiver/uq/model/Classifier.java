package dev.quiver.uq.model;

import dev.quiver.core.seed.Seeds;
import dev.quiver.uq.data.Matrix;

/** A classification algorithm: fits a {@link ClassifierModel}. Implement it to plug in your own classifier. */
@FunctionalInterface
public interface Classifier {
    /**
     * Fits a model.
     *
     * @param x the features
     * @param labels class indices in {@code 0..numClasses-1}
     * @param numClasses K, at least 2 (classes absent from {@code labels} are allowed)
     * @param seeds the randomness of the fit
     */
    ClassifierModel fit(Matrix x, int[] labels, int numClasses, Seeds seeds);
}
