package dev.quiver.uq.aggregation;

import dev.quiver.uq.data.Matrix;

/**
 * A fitted global aggregator: fixed convex weights (not depending on x), one probability vector per softmax
 * group ({@link Granularity#groups}) over the sources ({@link Granularity#sources}).
 *
 * @see <a href="https://arxiv.org/abs/2103.00083">Fakoor et al. (2023), Flexible Model Aggregation for
 *     Quantile Regression, arXiv:2103.00083</a>
 */
public final class GlobalAggregate implements QuantileAggregate {
    private final Granularity granularity;
    private final double[][] weights;
    private final int models;
    private final int levels;

    private GlobalAggregate(Granularity granularity, double[][] weights, int models, int levels) {
        this.granularity = granularity;
        this.weights = weights;
        this.models = models;
        this.levels = levels;
    }

    /**
     * An aggregator with given weights {@code [group][source]} (copied): each row non-negative and summing
     * to 1 (within 1e-9).
     *
     * @param models M
     * @param levels m
     */
    public static GlobalAggregate of(Granularity granularity, double[][] weights, int models, int levels) {
        int groups = granularity.groups(levels);
        int sources = granularity.sources(models, levels);
        if (weights.length != groups) {
            throw new IllegalArgumentException(granularity + " needs " + groups + " weight vectors, got " + weights.length);
        }
        double[][] copy = new double[groups][];
        for (int g = 0; g < groups; g++) {
            if (weights[g].length != sources) {
                throw new IllegalArgumentException("weight vector " + g + " has " + weights[g].length + " entries, expected "
                        + sources);
            }
            double sum = 0;
            for (double w : weights[g]) {
                if (!(w >= 0)) {
                    throw new IllegalArgumentException("weights must be >= 0, got " + w);
                }
                sum += w;
            }
            if (Math.abs(sum - 1) > 1e-9) {
                throw new IllegalArgumentException("weight vector " + g + " sums to " + sum + ", not 1");
            }
            copy[g] = weights[g].clone();
        }
        return new GlobalAggregate(granularity, copy, models, levels);
    }

    @Override
    public double[][] aggregate(Matrix x, QuantileStack base) {
        check(base);
        double[][] out = new double[base.rows()][levels];
        for (int i = 0; i < base.rows(); i++) {
            double[][] b = base.rowView(i);
            for (int k = 0; k < levels; k++) {
                double[] w = weights[granularity == Granularity.COARSE ? 0 : k];
                double s = 0;
                for (int src = 0; src < w.length; src++) {
                    if (w[src] != 0) {
                        s += w[src] * granularity.source(b, k, src);
                    }
                }
                out[i][k] = s;
            }
        }
        return out;
    }

    @Override
    public double[][] weights(Matrix x, int row) {
        double[][] out = new double[levels][];
        for (int k = 0; k < levels; k++) {
            out[k] = weights[granularity == Granularity.COARSE ? 0 : k].clone();
        }
        return out;
    }

    /** The weight vectors {@code [group][source]} (a copy). */
    public double[][] weights() {
        double[][] out = new double[weights.length][];
        for (int g = 0; g < weights.length; g++) {
            out[g] = weights[g].clone();
        }
        return out;
    }

    /**
     * The total weight each base model receives, averaged over output levels (for FINE summed over its input
     * levels): a summary of which models the aggregate relies on.
     */
    public double[] modelShares() {
        double[] share = new double[models];
        for (int k = 0; k < levels; k++) {
            double[] w = weights[granularity == Granularity.COARSE ? 0 : k];
            for (int src = 0; src < w.length; src++) {
                int j = granularity == Granularity.FINE ? src / levels : src;
                share[j] += w[src] / levels;
            }
        }
        return share;
    }

    @Override
    public Granularity granularity() {
        return granularity;
    }

    private void check(QuantileStack base) {
        if (base.models() != models || base.levels() != levels) {
            throw new IllegalArgumentException("aggregator fitted for " + models + " models x " + levels
                    + " levels, got " + base.models() + " x " + base.levels());
        }
    }
}
