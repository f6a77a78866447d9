package dev.quiver.uq.model.mlp;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.quiver.core.seed.Seeds;
import dev.quiver.uq.data.Matrix;
import dev.quiver.uq.data.Standardizer;
import dev.quiver.uq.model.QuantileModel;
import dev.quiver.uq.model.QuantileRegressor;

/**
 * A small ReLU MLP with one output per quantile level, trained with Adam on the pinball loss averaged over
 * levels and rows, {@code ρ_τ(r) = max(τ r, (τ − 1) r)} with {@code r = y − q̂_τ(x)} (the quantile network
 * of CQR's experiments, smaller by default), features and target standardised on the training data. The
 * fitted model is evaluated in plain Java and holds no native memory.
 *
 * @param config the network and training settings
 * @see <a href="https://arxiv.org/abs/1905.03222">Romano, Patterson and Candès (2019), Conformalized
 *     Quantile Regression, arXiv:1905.03222</a>
 */
public record MlpQuantileRegressor(MlpConfig config) implements QuantileRegressor {
    /** With {@link MlpConfig#defaults()}. */
    public static MlpQuantileRegressor defaults() {
        return new MlpQuantileRegressor(MlpConfig.defaults());
    }

    @Override
    public QuantileModel fit(Matrix x, double[] y, double[] levels, Seeds seeds) {
        double[] taus = QuantileRegressor.checkLevels(levels);
        int m = taus.length;
        Standardizer std = Standardizer.fit(x);
        TargetScale ts = TargetScale.fit(y);
        float[] single = ts.standardised(y);
        float[] t = new float[y.length * m];
        for (int i = 0; i < y.length; i++) {
            for (int k = 0; k < m; k++) {
                t[i * m + k] = single[i];
            }
        }
        float[] tauF = new float[m];
        float[] tauM1 = new float[m];
        for (int k = 0; k < m; k++) {
            tauF[k] = (float) taus[k];
            tauM1[k] = (float) (taus[k] - 1);
        }
        DenseReluNet net = MlpTrainer.train(config, std.transform(x), t, m, seeds, (out, target) -> {
            NDArray r = target.sub(out);
            NDArray tau = out.getManager().create(tauF, new Shape(1, m));
            NDArray tauMinus = out.getManager().create(tauM1, new Shape(1, m));
            return r.mul(tau).maximum(r.mul(tauMinus)).mean();
        });
        return new QuantileModel() {
            @Override
            public double[] levels() {
                return taus.clone();
            }

            @Override
            public double[][] predict(Matrix rows) {
                double[][] o = net.forward(std.transform(rows));
                for (double[] row : o) {
                    for (int k = 0; k < m; k++) {
                        row[k] = ts.original(row[k]);
                    }
                }
                return o;
            }
        };
    }
}
