package dev.quiver.uq.calibration;

/**
 * The log loss (negative log-likelihood, cross-entropy) {@code −mean log p_{i, y_i}}, with the probability of
 * the true class clipped below at 1e-15 so that one confident mistake gives a large finite value (scikit-learn's
 * former {@code eps}). Lower is better; temperature scaling minimises it on the calibration units.
 *
 * @see <a href="https://arxiv.org/abs/1706.04599">Guo, Pleiss, Sun and Weinberger (2017), On Calibration of
 *     Modern Neural Networks, arXiv:1706.04599</a>
 */
public final class LogLoss {
    private static final double CLIP = 1e-15;

    private LogLoss() {
    }

    /** {@code −mean [y log p + (1 − y) log(1 − p)]} for 0/1 outcomes. */
    public static double binary(double[] p, int[] y) {
        if (p.length != y.length || p.length == 0) {
            throw new IllegalArgumentException(p.length + " predictions but " + y.length + " outcomes (need >= 1)");
        }
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            s -= Math.log(Math.max(CLIP, y[i] == 1 ? p[i] : 1 - p[i]));
        }
        return s / p.length;
    }

    /** {@code −mean log p_{i, y_i}}. */
    public static double multiclass(double[][] probabilities, int[] labels) {
        if (probabilities.length != labels.length || labels.length == 0) {
            throw new IllegalArgumentException(probabilities.length + " rows but " + labels.length + " labels");
        }
        double s = 0;
        for (int i = 0; i < labels.length; i++) {
            s -= Math.log(Math.max(CLIP, probabilities[i][labels[i]]));
        }
        return s / labels.length;
    }
}
