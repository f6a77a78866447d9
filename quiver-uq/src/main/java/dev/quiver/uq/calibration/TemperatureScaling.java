package dev.quiver.uq.calibration;

/**
 * Temperature scaling: one temperature T > 0 divides every logit, {@code p = softmax(z / T)}, with T chosen to
 * minimise the negative log-likelihood of the calibration units. The logits of a probabilistic classifier are
 * {@code z_k = log p_k} (p clipped below at 1e-15), so {@code softmax(z / T) ∝ p^{1/T}}; the predicted class
 * and the ranking of the units by any one class's probability never change, only the confidence. The NLL is
 * convex in β = 1/T (a sum of log-sum-exps of linear functions), so β is found by bisection on the derivative
 * over [0, 1e6] to 1e-12 relative precision; β = 0 (T = ∞, uniform probabilities) when the labels are no more
 * likely than average under the logits, β = 1e6 (a cap) when the calibration units are separated perfectly.
 *
 * @see <a href="https://arxiv.org/abs/1706.04599">Guo, Pleiss, Sun and Weinberger (2017), On Calibration of
 *     Modern Neural Networks, arXiv:1706.04599</a>
 */
public record TemperatureScaling() implements ProbabilityCalibrator {
    private static final double CLIP = 1e-15;
    private static final double MAX_INVERSE = 1e6;

    @Override
    public Fitted fit(double[][] probabilities, int[] labels) {
        ProbabilityCalibrator.check(probabilities, labels);
        return fitLogits(logits(probabilities), labels);
    }

    /** Fits T to logits directly ({@code [unit][class]}). */
    public Fitted fitLogits(double[][] logits, int[] labels) {
        if (logits.length != labels.length || logits.length == 0) {
            throw new IllegalArgumentException(logits.length + " logit rows but " + labels.length + " labels");
        }
        if (derivative(logits, labels, 0) >= 0) {
            return new Fitted(0);
        }
        double lo = 0;
        double hi = 1;
        while (derivative(logits, labels, hi) < 0) {
            lo = hi;
            hi *= 2;
            if (hi >= MAX_INVERSE) {
                return new Fitted(MAX_INVERSE);
            }
        }
        while (hi - lo > 1e-12 * hi) {
            double mid = 0.5 * (lo + hi);
            if (derivative(logits, labels, mid) < 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return new Fitted(0.5 * (lo + hi));
    }

    /** The mean negative log-likelihood of the labels under {@code softmax(β z)}. */
    public static double negativeLogLikelihood(double[][] logits, int[] labels, double inverseTemperature) {
        double f = 0;
        for (int i = 0; i < logits.length; i++) {
            double[] z = logits[i];
            double max = Double.NEGATIVE_INFINITY;
            for (double v : z) {
                max = Math.max(max, inverseTemperature * v);
            }
            double sum = 0;
            for (double v : z) {
                sum += Math.exp(inverseTemperature * v - max);
            }
            f += Math.log(sum) + max - inverseTemperature * z[labels[i]];
        }
        return f / logits.length;
    }

    /** {@code d NLL / d β}: {@code Σ_i (E_{softmax(β z_i)}[z_i] − z_{i, y_i})}, non-decreasing in β. */
    static double derivative(double[][] logits, int[] labels, double beta) {
        double d = 0;
        for (int i = 0; i < logits.length; i++) {
            double[] z = logits[i];
            double max = Double.NEGATIVE_INFINITY;
            for (double v : z) {
                max = Math.max(max, beta * v);
            }
            double sum = 0;
            double weighted = 0;
            for (double v : z) {
                double w = Math.exp(beta * v - max);
                sum += w;
                weighted += w * v;
            }
            d += weighted / sum - z[labels[i]];
        }
        return d;
    }

    /** {@code z_k = log max(p_k, 1e-15)}. */
    public static double[][] logits(double[][] probabilities) {
        double[][] z = new double[probabilities.length][];
        for (int i = 0; i < z.length; i++) {
            z[i] = new double[probabilities[i].length];
            for (int k = 0; k < z[i].length; k++) {
                z[i][k] = Math.log(Math.max(CLIP, probabilities[i][k]));
            }
        }
        return z;
    }

    /**
     * A fitted temperature.
     *
     * @param inverseTemperature β = 1/T ≥ 0 (0: uniform probabilities)
     */
    public record Fitted(double inverseTemperature) implements ProbabilityCalibration {
        /** The temperature T = 1/β (+∞ when β = 0). */
        public double temperature() {
            return 1 / inverseTemperature;
        }

        @Override
        public double[][] apply(double[][] probabilities) {
            return applyLogits(logits(probabilities));
        }

        /** {@code softmax(β z)} of each row of logits. */
        public double[][] applyLogits(double[][] logits) {
            double[][] out = new double[logits.length][];
            for (int i = 0; i < out.length; i++) {
                double[] z = logits[i];
                double max = Double.NEGATIVE_INFINITY;
                for (double v : z) {
                    max = Math.max(max, inverseTemperature * v);
                }
                double[] o = new double[z.length];
                double sum = 0;
                for (int k = 0; k < z.length; k++) {
                    o[k] = Math.exp(inverseTemperature * z[k] - max);
                    sum += o[k];
                }
                for (int k = 0; k < z.length; k++) {
                    o[k] /= sum;
                }
                out[i] = o;
            }
            return out;
        }
    }
}
