package dev.quiver.uq.calibration;

/** A fitted calibration of class-probability vectors. */
@FunctionalInterface
public interface ProbabilityCalibration {
    /** {@code [unit][class]}: the calibrated probabilities of each row of {@code probabilities} (rows sum to 1). */
    double[][] apply(double[][] probabilities);
}
