package dev.quiver.uq.calibration;

/** A fitted calibration map: the probability of the positive class for a classifier's score. */
@FunctionalInterface
public interface ScoreCalibration {
    /** The calibrated probability for {@code score}, in [0, 1]. */
    double probability(double score);

    /** {@link #probability} of each score. */
    default double[] probabilities(double[] scores) {
        double[] p = new double[scores.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = probability(scores[i]);
        }
        return p;
    }
}
