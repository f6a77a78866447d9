package dev.quiver.uq.aggregation;

/** The numerically stable softmax {@code exp(θ_s − max θ) / Σ_r exp(θ_r − max θ)}. */
final class Softmax {
    private Softmax() {
    }

    /** Writes softmax(theta) into out. */
    static void into(double[] theta, double[] out) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : theta) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int s = 0; s < theta.length; s++) {
            out[s] = Math.exp(theta[s] - max);
            sum += out[s];
        }
        for (int s = 0; s < theta.length; s++) {
            out[s] /= sum;
        }
    }
}
