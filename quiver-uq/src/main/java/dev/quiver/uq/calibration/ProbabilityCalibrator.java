package dev.quiver.uq.calibration;

/**
 * A post-hoc calibration method for a classifier's class-probability vectors: fitted on the probabilities a
 * classifier predicts for labelled calibration units, applied to its predictions on new units.
 */
@FunctionalInterface
public interface ProbabilityCalibrator {
    /**
     * Fits the calibration.
     *
     * @param probabilities {@code [unit][class]}: the classifier's predicted probabilities (rows sum to 1)
     * @param labels the true classes
     */
    ProbabilityCalibration fit(double[][] probabilities, int[] labels);

    /** Checks shapes: at least one unit, K ≥ 2 equal-length rows, labels in {@code 0..K-1}; returns K. */
    static int check(double[][] probabilities, int[] labels) {
        if (probabilities.length != labels.length) {
            throw new IllegalArgumentException(probabilities.length + " probability rows but " + labels.length
                    + " labels");
        }
        if (labels.length == 0) {
            throw new IllegalArgumentException("no calibration units");
        }
        int k = probabilities[0].length;
        if (k < 2) {
            throw new IllegalArgumentException("need at least 2 classes, got " + k);
        }
        for (int i = 0; i < labels.length; i++) {
            if (probabilities[i].length != k) {
                throw new IllegalArgumentException("row " + i + " has " + probabilities[i].length + " classes, row 0 "
                        + k);
            }
            if (labels[i] < 0 || labels[i] >= k) {
                throw new IllegalArgumentException("label " + i + " = " + labels[i] + " outside 0.." + (k - 1));
            }
            for (double p : probabilities[i]) {
                if (!(p >= 0 && p <= 1)) {
                    throw new IllegalArgumentException("row " + i + " holds " + p + ", not a probability");
                }
            }
        }
        return k;
    }
}
