package dev.quiver.uq.model.mlp;

import dev.quiver.core.seed.Seeds;
import dev.quiver.uq.data.Matrix;
import dev.quiver.uq.data.Standardizer;
import dev.quiver.uq.model.RegressionModel;
import dev.quiver.uq.model.Regressor;

/**
 * A small ReLU MLP for the conditional mean, trained with Adam on the mean squared error (quiver-nn on
 * DJL), features and target standardised on the training data. The fitted model is evaluated in plain
 * Java and holds no native memory. Randomness: {@code seeds.child("init")} and {@code seeds.child("batches")}.
 *
 * @param config the network and training settings
 * @see <a href="https://arxiv.org/abs/1412.6980">Kingma and Ba (2014), Adam, arXiv:1412.6980</a>
 */
public record MlpRegressor(MlpConfig config) implements Regressor {
    /** With {@link MlpConfig#defaults()}. */
    public static MlpRegressor defaults() {
        return new MlpRegressor(MlpConfig.defaults());
    }

    @Override
    public RegressionModel fit(Matrix x, double[] y, Seeds seeds) {
        Standardizer std = Standardizer.fit(x);
        TargetScale ts = TargetScale.fit(y);
        DenseReluNet net = MlpTrainer.train(config, std.transform(x), ts.standardised(y), 1, seeds,
                (out, target) -> out.sub(target).square().mean());
        return rows -> {
            double[][] o = net.forward(std.transform(rows));
            double[] pred = new double[o.length];
            for (int i = 0; i < o.length; i++) {
                pred[i] = ts.original(o[i][0]);
            }
            return pred;
        };
    }
}
