package dev.quiver.uq.calibration;

/**
 * The expected calibration error {@code ECE = Σ_b (n_b / N) |freq_b − conf_b|} over the bins of a
 * {@link ReliabilityDiagram}: for a binary classifier on the positive class's probability, for a multiclass one
 * on the top-label confidence. Equal-width bins are the common convention (state the bin count: the value
 * depends on it, and it is biased upwards for small N); equal-mass bins are the adaptive variant.
 *
 * @see <a href="https://doi.org/10.1609/aaai.v29i1.9602">Naeini, Cooper and Hauskrecht (2015), Obtaining well
 *     calibrated probabilities using Bayesian binning, AAAI</a>
 * @see <a href="https://arxiv.org/abs/1904.01685">Nixon, Dusenberry, Zhang, Jerfel and Tran (2019), Measuring
 *     Calibration in Deep Learning, arXiv:1904.01685</a>
 */
public final class ExpectedCalibrationError {
    private ExpectedCalibrationError() {
    }

    /** ECE of the predictions p of the 0/1 outcomes y over {@code bins} equal-width bins. */
    public static double equalWidth(double[] p, int[] y, int bins) {
        return ReliabilityDiagram.equalWidth(p, y, bins).expectedCalibrationError();
    }

    /** ECE over {@code bins} equal-mass (adaptive) bins. */
    public static double equalMass(double[] p, int[] y, int bins) {
        return ReliabilityDiagram.equalMass(p, y, bins).expectedCalibrationError();
    }

    /** Top-label ECE of class-probability rows over {@code bins} equal-width bins of the confidence. */
    public static double topLabel(double[][] probabilities, int[] labels, int bins) {
        return ReliabilityDiagram.topLabel(probabilities, labels, bins).expectedCalibrationError();
    }
}
