package dev.quiver.uq.aggregation;

import dev.quiver.uq.data.Matrix;
import dev.quiver.uq.data.Standardizer;
import dev.quiver.uq.model.mlp.DenseReluNet;

/**
 * A fitted local aggregator: weights from a ReLU network of the standardised features, softmax over sources
 * (network outputs laid out as {@code [source][level]} for medium, {@code [source]} for coarse,
 * {@code [model·level][outputLevel]} for fine), evaluated in plain Java.
 *
 * @see <a href="https://arxiv.org/abs/2103.00083">Fakoor et al. (2023), Flexible Model Aggregation for
 *     Quantile Regression, arXiv:2103.00083</a>
 */
public final class LocalAggregate implements QuantileAggregate {
    private final Granularity granularity;
    private final DenseReluNet net;
    private final Standardizer standardizer;
    private final int models;
    private final int levels;

    LocalAggregate(Granularity granularity, DenseReluNet net, Standardizer standardizer, int models, int levels) {
        this.granularity = granularity;
        this.net = net;
        this.standardizer = standardizer;
        this.models = models;
        this.levels = levels;
    }

    @Override
    public double[][] aggregate(Matrix x, QuantileStack base) {
        if (x.rows() != base.rows() || base.models() != models || base.levels() != levels) {
            throw new IllegalArgumentException("aggregator fitted for " + models + " models x " + levels + " levels; got "
                    + base.models() + " x " + base.levels() + " for " + base.rows() + " rows and " + x.rows()
                    + " feature rows");
        }
        double[][] logits = net.forward(standardizer.transform(x));
        double[][] out = new double[base.rows()][levels];
        for (int i = 0; i < base.rows(); i++) {
            double[][] w = weightsFromLogits(logits[i]);
            double[][] b = base.rowView(i);
            for (int k = 0; k < levels; k++) {
                double s = 0;
                for (int src = 0; src < w[k].length; src++) {
                    s += w[k][src] * granularity.source(b, k, src);
                }
                out[i][k] = s;
            }
        }
        return out;
    }

    @Override
    public double[][] weights(Matrix x, int row) {
        int[] one = {row};
        return weightsFromLogits(net.forward(standardizer.transform(x.selectRows(one)))[0]);
    }

    /** {@code [outputLevel][source]} from one row of logits. */
    private double[][] weightsFromLogits(double[] z) {
        int sources = granularity.sources(models, levels);
        double[][] w = new double[levels][sources];
        double[] theta = new double[sources];
        switch (granularity) {
            case COARSE -> {
                Softmax.into(z, theta);
                for (int k = 0; k < levels; k++) {
                    w[k] = theta.clone();
                }
            }
            case MEDIUM, FINE -> {
                // logits laid out [source][outputLevel] (reshape (sources, levels), softmax over sources)
                for (int k = 0; k < levels; k++) {
                    double[] t = new double[sources];
                    for (int src = 0; src < sources; src++) {
                        t[src] = z[src * levels + k];
                    }
                    Softmax.into(t, w[k]);
                }
            }
        }
        return w;
    }

    @Override
    public Granularity granularity() {
        return granularity;
    }
}
