package dev.quiver.uq.aggregation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dev.quiver.core.seed.Seeds;
import dev.quiver.uq.data.Matrix;
import dev.quiver.uq.data.Standardizer;
import dev.quiver.uq.model.QuantileRegressor;
import dev.quiver.uq.model.mlp.DenseReluNet;
import dev.quiver.uq.model.mlp.MlpConfig;
import dev.quiver.uq.model.mlp.MlpTrainer;
import java.util.Objects;

/**
 * The local ("deep quantile aggregation") aggregator of Fakoor et al.: the weights are the softmax, over
 * sources, of the outputs of a small MLP of x, so the mixture of base models varies across the feature space.
 * Coarse: M outputs (one weight per model); medium: M·m (per model and level); fine: M·m·m. Trained on
 * held-out rows by Adam on mini-batches of the same objective as {@link GlobalAggregator} (mean weighted
 * interval score plus λ times the mean {@link CrossingPenalty}), with the target and the base predictions
 * standardised by the fitting rows' mean and standard deviation, the features by their own (the weights are
 * invariant to the target's scale, since the aggregate of affinely transformed predictions is the same affine
 * transform of the aggregate).
 *
 * <p>Our choices, where the paper tunes by cross-validation: ReLU hidden layers (the paper's code uses ELU),
 * the settings of {@link #network()} (default two layers of 32, 100 epochs, batches of 64, Adam at 1e-3), no
 * early stopping, and no back-propagation through a sorting layer (monotonisation is applied after fitting).
 * Training runs on quiver-nn (DJL, float32); the fitted aggregator evaluates the network in plain Java.
 * Seeds: {@code seeds.child("network")}.
 *
 * @param granularity coarse, medium or fine weights
 * @param crossingWeight the penalty weight λ ≥ 0
 * @param margin the penalty margin δ ≥ 0 (standardised units)
 * @param network the weight network and its training settings
 * @see <a href="https://arxiv.org/abs/2103.00083">Fakoor et al. (2023), Flexible Model Aggregation for
 *     Quantile Regression, arXiv:2103.00083</a>
 */
public record LocalAggregator(Granularity granularity, double crossingWeight, double margin, MlpConfig network)
        implements QuantileAggregator {
    /** Validates the settings. */
    public LocalAggregator {
        Objects.requireNonNull(granularity, "granularity");
        Objects.requireNonNull(network, "network");
        if (!(crossingWeight >= 0) || !Double.isFinite(crossingWeight)) {
            throw new IllegalArgumentException("crossing weight must be finite and >= 0, got " + crossingWeight);
        }
        new CrossingPenalty(margin);
    }

    /** Medium granularity, λ = 1, δ = 0, a 32-32 ReLU network trained for 100 epochs. */
    public static LocalAggregator defaults() {
        return new LocalAggregator(Granularity.MEDIUM, 1.0, 0.0,
                MlpConfig.defaults().withHidden(32, 32).withEpochs(100).withBatchSize(64).withLearningRate(1e-3));
    }

    /** A copy with another granularity. */
    public LocalAggregator withGranularity(Granularity g) {
        return new LocalAggregator(g, crossingWeight, margin, network);
    }

    /** A copy with another penalty weight λ. */
    public LocalAggregator withCrossingWeight(double lambda) {
        return new LocalAggregator(granularity, lambda, margin, network);
    }

    /** A copy with other network settings. */
    public LocalAggregator withNetwork(MlpConfig config) {
        return new LocalAggregator(granularity, crossingWeight, margin, config);
    }

    /** The number of network outputs for M models and m levels. */
    public int outputs(int models, int levels) {
        return granularity.groups(levels) * granularity.sources(models, levels);
    }

    /**
     * Fits the weight network.
     *
     * @param x the fitting rows' features
     * @param base the base predictions on the same rows
     * @param y their targets
     * @param levels the quantile levels of {@code base}
     */
    @Override
    public LocalAggregate fit(Matrix x, QuantileStack base, double[] y, double[] levels, Seeds seeds) {
        double[] taus = QuantileRegressor.checkLevels(levels);
        int n = base.rows();
        int models = base.models();
        int m = base.levels();
        if (x.rows() != n || y.length != n || taus.length != m) {
            throw new IllegalArgumentException("need matching rows: " + x.rows() + " feature rows, " + n
                    + " prediction rows, " + y.length + " targets; " + m + " columns, " + taus.length + " levels");
        }
        double[] scale = Scaling.of(y);
        QuantileStack z = base.standardised(scale[0], scale[1]);
        int width = 1 + models * m;
        float[] side = new float[n * width];
        for (int i = 0; i < n; i++) {
            side[i * width] = (float) ((y[i] - scale[0]) / scale[1]);
            double[][] b = z.rowView(i);
            for (int j = 0; j < models; j++) {
                for (int k = 0; k < m; k++) {
                    side[i * width + 1 + j * m + k] = (float) b[j][k];
                }
            }
        }
        Standardizer std = Standardizer.fit(x);
        int outputs = outputs(models, m);
        float[] tau = new float[m];
        float[] tauMinusOne = new float[m];
        float[] marginMask = new float[m * m];
        float[] pairMask = new float[m * m];
        for (int k = 0; k < m; k++) {
            tau[k] = (float) taus[k];
            tauMinusOne[k] = (float) (taus[k] - 1);
            for (int l = 0; l < k; l++) {
                // entry [l][k] for l < k: q_l − q_k + δ (τ_k − τ_l)
                marginMask[l * m + k] = (float) (margin * (taus[k] - taus[l]));
                pairMask[l * m + k] = 1f;
            }
        }
        double pairs = CrossingPenalty.pairs(m);
        DenseReluNet net = MlpTrainer.train(network, std.transform(x), side, width, outputs, seeds.child("network"),
                (out, s) -> {
                    NDManager mgr = out.getManager();
                    long b = out.getShape().get(0);
                    NDArray yb = s.get(new NDIndex(":, 0:1"));
                    NDArray pred = s.get(new NDIndex(":, 1:"));
                    NDArray q = combine(out, pred, b, models, m);
                    NDArray r = yb.sub(q);
                    NDArray t = mgr.create(tau, new Shape(1, m));
                    NDArray t1 = mgr.create(tauMinusOne, new Shape(1, m));
                    NDArray loss = r.mul(t).maximum(r.mul(t1)).mean().mul(2f);
                    if (crossingWeight > 0 && m > 1) {
                        NDArray diff = q.expandDims(2).sub(q.expandDims(1));
                        NDArray marg = mgr.create(marginMask, new Shape(1, m, m));
                        NDArray mask = mgr.create(pairMask, new Shape(1, m, m));
                        NDArray pen = diff.add(marg).maximum(0f).mul(mask).sum().div((float) (b * pairs));
                        loss = loss.add(pen.mul((float) crossingWeight));
                    }
                    return loss;
                });
        return new LocalAggregate(granularity, net, std, models, m);
    }

    /** The aggregate {@code (b, m)} of the side predictions {@code (b, M·m)} under the network's logits. */
    private NDArray combine(NDArray logits, NDArray pred, long b, int models, int m) {
        return switch (granularity) {
            case COARSE -> pred.reshape(b, models, m).mul(logits.softmax(1).reshape(b, models, 1)).sum(new int[] {1});
            case MEDIUM -> pred.reshape(b, models, m).mul(logits.reshape(b, models, m).softmax(1)).sum(new int[] {1});
            case FINE -> pred.reshape(b, (long) models * m, 1).mul(logits.reshape(b, (long) models * m, m).softmax(1))
                    .sum(new int[] {1});
        };
    }
}
