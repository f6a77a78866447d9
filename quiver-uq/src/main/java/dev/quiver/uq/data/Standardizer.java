package dev.quiver.uq.data;

/**
 * Per-column standardisation {@code (x - mean) / sd} with the mean and the population standard
 * deviation (divisor n, as scikit-learn's StandardScaler) of the data it was fitted on; a constant
 * column keeps scale 1 (it becomes all zeros). Fit it on the training part only and apply the same
 * transform to calibration and test rows: the built-in models do so on whatever data they are fitted on.
 */
public final class Standardizer {
    private final double[] mean;
    private final double[] scale;

    private Standardizer(double[] mean, double[] scale) {
        this.mean = mean;
        this.scale = scale;
    }

    /** Fits the column means and standard deviations of {@code x} (at least one row). */
    public static Standardizer fit(Matrix x) {
        int n = x.rows();
        int p = x.cols();
        if (n == 0) {
            throw new IllegalArgumentException("cannot standardise with no rows");
        }
        double[] mean = new double[p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                mean[j] += x.get(i, j);
            }
        }
        for (int j = 0; j < p; j++) {
            mean[j] /= n;
        }
        double[] var = new double[p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                double d = x.get(i, j) - mean[j];
                var[j] += d * d;
            }
        }
        double[] scale = new double[p];
        for (int j = 0; j < p; j++) {
            double sd = Math.sqrt(var[j] / n);
            scale[j] = sd > 0 && Double.isFinite(sd) ? sd : 1.0;
        }
        return new Standardizer(mean, scale);
    }

    /** {@code (x - mean) / scale}, column by column. */
    public Matrix transform(Matrix x) {
        int p = mean.length;
        if (x.cols() != p) {
            throw new IllegalArgumentException("fitted on " + p + " columns, got " + x.cols());
        }
        double[] d = new double[x.rows() * p];
        for (int i = 0; i < x.rows(); i++) {
            for (int j = 0; j < p; j++) {
                d[i * p + j] = (x.get(i, j) - mean[j]) / scale[j];
            }
        }
        return Matrix.wrap(x.rows(), p, d);
    }

    /** The fitted column means (a copy). */
    public double[] mean() {
        return mean.clone();
    }

    /** The fitted column scales (standard deviations, 1 for constant columns; a copy). */
    public double[] scale() {
        return scale.clone();
    }
}
