package dev.quiver.eval.bootstrap;

import dev.quiver.core.estimate.Estimate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * The bootstrap distribution of one estimate: the point estimate on the original data, the replicates
 * in replicate order, and intervals read off them by any {@link IntervalMethod}. The BCa acceleration
 * is computed (by a jackknife) only when first asked for, and then kept.
 */
public final class BootstrapDistribution {
    private final String name;
    private final double point;
    private final double[] replicates;
    private final String label;
    private final DoubleSupplier accelerationSource;
    private double[] sorted;
    private double acceleration = Double.NaN;

    /**
     * @param name what the estimate is, e.g. {@code "iqm"}
     * @param point the estimate on the original data
     * @param replicates the replicates in replicate order (kept, not copied)
     * @param label how the replicates were made, e.g. {@code "stratified bootstrap, 50000 reps"}; an
     *     interval's method is {@code label + ", " + method.label()}
     * @param accelerationSource computes the BCa acceleration on demand
     */
    public BootstrapDistribution(String name, double point, double[] replicates, String label,
            DoubleSupplier accelerationSource) {
        this.name = Objects.requireNonNull(name, "name");
        this.point = point;
        this.replicates = Objects.requireNonNull(replicates, "replicates");
        this.label = Objects.requireNonNull(label, "label");
        this.accelerationSource = Objects.requireNonNull(accelerationSource, "accelerationSource");
        if (replicates.length == 0) {
            throw new IllegalArgumentException("no replicates");
        }
    }

    /** What the estimate is. */
    public String name() {
        return name;
    }

    /** The estimate on the original data. */
    public double point() {
        return point;
    }

    /** The number of replicates. */
    public int reps() {
        return replicates.length;
    }

    /** A copy of the replicates, in replicate order. */
    public double[] replicates() {
        return replicates.clone();
    }

    /** The replicate with index {@code i}. */
    public double replicate(int i) {
        return replicates[i];
    }

    /** A copy of the replicates sorted ascending. */
    public double[] sortedReplicates() {
        return sorted().clone();
    }

    /** The {@code p}-quantile of the replicates (linear interpolation, numpy's default). */
    public double quantile(double p) {
        return Intervals.quantile(sorted(), p);
    }

    /** The standard deviation of the replicates (divisor {@code B - 1}): the bootstrap standard error. */
    public double standardError() {
        if (replicates.length < 2) {
            return 0;
        }
        double mean = 0;
        for (double r : replicates) {
            mean += r;
        }
        mean /= replicates.length;
        double ss = 0;
        for (double r : replicates) {
            ss += (r - mean) * (r - mean);
        }
        return Math.sqrt(ss / (replicates.length - 1));
    }

    /** The BCa acceleration (jackknife; computed on first call). */
    public synchronized double acceleration() {
        if (Double.isNaN(acceleration)) {
            acceleration = accelerationSource.getAsDouble();
        }
        return acceleration;
    }

    /** The bias correction {@code z0} used by BC and BCa. */
    public double biasCorrection() {
        return Intervals.biasCorrection(point, sorted());
    }

    /** The point estimate with the interval of {@code method} at nominal coverage {@code confidence}. */
    public Estimate interval(IntervalMethod method, double confidence) {
        double[] b = Intervals.bounds(point, sorted(), method, confidence, this::acceleration);
        return new Estimate(point, b[0], b[1], confidence, label + ", " + method.label());
    }

    /** Sorts the replicates now (so that several distributions can be sorted in parallel). */
    void prepare() {
        sorted();
    }

    private synchronized double[] sorted() {
        if (sorted == null) {
            double[] s = replicates.clone();
            Arrays.sort(s);
            sorted = s;
        }
        return sorted;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s = %.4g (%s, %d reps)", name, point, label, replicates.length);
    }
}
