package dev.quiver.uq.calibration;

/**
 * A post-hoc calibration method for one binary score: fits a map from a classifier's score (a logit or a
 * probability) to the probability of the positive class, on labelled calibration data the classifier did not
 * see. {@link OneVersusRest} turns it into a calibrator of class-probability vectors.
 */
@FunctionalInterface
public interface ScoreCalibrator {
    /**
     * Fits the map.
     *
     * @param scores the classifier's scores on the calibration units (finite)
     * @param labels 1 for a positive unit, 0 for a negative one
     */
    ScoreCalibration fit(double[] scores, int[] labels);

    /** Checks that scores are finite, labels are 0/1 and the lengths agree (at least one unit). */
    static void check(double[] scores, int[] labels) {
        if (scores.length != labels.length) {
            throw new IllegalArgumentException(scores.length + " scores but " + labels.length + " labels");
        }
        if (scores.length == 0) {
            throw new IllegalArgumentException("no calibration units");
        }
        for (int i = 0; i < scores.length; i++) {
            if (!Double.isFinite(scores[i])) {
                throw new IllegalArgumentException("score " + i + " is not finite: " + scores[i]);
            }
            if (labels[i] != 0 && labels[i] != 1) {
                throw new IllegalArgumentException("label " + i + " must be 0 or 1, got " + labels[i]);
            }
        }
    }
}
