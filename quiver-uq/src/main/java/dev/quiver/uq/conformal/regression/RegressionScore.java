package dev.quiver.uq.conformal.regression;

import dev.quiver.core.seed.Seeds;
import dev.quiver.uq.data.Matrix;

/**
 * A nonconformity score for split conformal regression, fitted on the proper-training part: the absolute
 * residual, the normalised residual, CQR's score, or your own. Implement it to get split conformal and
 * Mondrian conformal intervals for a new score.
 */
@FunctionalInterface
public interface RegressionScore {
    /** Fits the score's models on the proper-training rows. */
    FittedRegressionScore fit(Matrix x, double[] y, Seeds seeds);
}
