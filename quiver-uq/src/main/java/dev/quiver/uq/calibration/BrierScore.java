package dev.quiver.uq.calibration;

/**
 * The Brier score, the mean squared error of probabilistic predictions (lower is better; a proper score that
 * rewards both calibration and discrimination). Binary: {@code mean (p_i − y_i)²} on the positive class
 * (scikit-learn's {@code brier_score_loss}); multiclass: Brier's original {@code mean Σ_k (p_ik − 1{y_i = k})²},
 * which for two classes is twice the binary value.
 *
 * @see <a href="https://doi.org/10.1175/1520-0493(1950)078%3C0001:VOFEIT%3E2.0.CO;2">Brier (1950), Verification
 *     of forecasts expressed in terms of probability, Monthly Weather Review 78(1)</a>
 */
public final class BrierScore {
    private BrierScore() {
    }

    /** {@code mean (p_i − y_i)²} for 0/1 outcomes. */
    public static double binary(double[] p, int[] y) {
        if (p.length != y.length || p.length == 0) {
            throw new IllegalArgumentException(p.length + " predictions but " + y.length + " outcomes (need >= 1)");
        }
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            double d = p[i] - y[i];
            s += d * d;
        }
        return s / p.length;
    }

    /** {@code mean Σ_k (p_ik − 1{y_i = k})²}. */
    public static double multiclass(double[][] probabilities, int[] labels) {
        if (probabilities.length != labels.length || labels.length == 0) {
            throw new IllegalArgumentException(probabilities.length + " rows but " + labels.length + " labels");
        }
        double s = 0;
        for (int i = 0; i < labels.length; i++) {
            for (int k = 0; k < probabilities[i].length; k++) {
                double d = probabilities[i][k] - (labels[i] == k ? 1 : 0);
                s += d * d;
            }
        }
        return s / labels.length;
    }
}
