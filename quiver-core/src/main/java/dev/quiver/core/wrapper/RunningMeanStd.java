package dev.quiver.core.wrapper;

/**
 * Running per-element mean and variance with Chan et al.'s parallel update, initialised with a tiny
 * pseudo-count {@code 1e-4} as Gymnasium's {@code RunningMeanStd}.
 */
public final class RunningMeanStd {
    private final double[] mean;
    private final double[] var;
    private double count = 1e-4;

    /** Tracks vectors of {@code size} elements. */
    public RunningMeanStd(int size) {
        mean = new double[size];
        var = new double[size];
        java.util.Arrays.fill(var, 1.0);
    }

    /** Adds one observation. */
    public void update(float[] x) {
        double total = count + 1;
        for (int i = 0; i < mean.length; i++) {
            double delta = x[i] - mean[i];
            double newMean = mean[i] + delta / total;
            double m2 = var[i] * count + delta * delta * count / total;
            mean[i] = newMean;
            var[i] = m2 / total;
        }
        count = total;
    }

    /** The running mean of element {@code i}. */
    public double mean(int i) {
        return mean[i];
    }

    /** The running (population) variance of element {@code i}. */
    public double variance(int i) {
        return var[i];
    }

    /** The effective count (starts at 1e-4). */
    public double count() {
        return count;
    }
}
