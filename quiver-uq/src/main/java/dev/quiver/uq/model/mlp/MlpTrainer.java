package dev.quiver.uq.model.mlp;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.quiver.core.seed.Seeds;
import dev.quiver.nn.net.Mlp;
import dev.quiver.nn.net.Network;
import dev.quiver.nn.optim.Adam;
import dev.quiver.nn.train.GradientStep;
import dev.quiver.uq.data.DataSplit;
import dev.quiver.uq.data.Matrix;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Trains a ReLU MLP on quiver-nn (DJL): network from {@code seeds.child("init")}, mini-batches in the
 * order of a permutation per epoch drawn from {@code seeds.child("batches")}, one Adam step per batch
 * through {@link GradientStep} (each step's arrays live in a sub-manager closed with the step). The
 * network and optimizer are closed before returning the weights as a {@link DenseReluNet}.
 */
public final class MlpTrainer {
    private MlpTrainer() {
    }

    /**
     * Trains on standardised inputs {@code z} and targets {@code t} ({@code n x outputs}, row-major).
     *
     * @param loss the batch loss given the network output and the target batch (both {@code b x outputs})
     */
    static DenseReluNet train(MlpConfig config, Matrix z, float[] t, int outputs, Seeds seeds,
            BiFunction<NDArray, NDArray, NDArray> loss) {
        return train(config, z, t, outputs, outputs, seeds, loss);
    }

    /**
     * Trains on inputs {@code z} with per-row side data {@code t} ({@code n x targetWidth}, row-major) that the
     * loss reads, e.g. targets together with other models' predictions (as a quantile aggregator needs).
     *
     * @param targetWidth the number of side values per row
     * @param outputs the number of network outputs
     * @param loss the batch loss given the network output ({@code b x outputs}) and the side data
     *     ({@code b x targetWidth})
     */
    public static DenseReluNet train(MlpConfig config, Matrix z, float[] t, int targetWidth, int outputs, Seeds seeds,
            BiFunction<NDArray, NDArray, NDArray> loss) {
        int n = z.rows();
        int p = z.cols();
        float[] zf = z.toFloats();
        Mlp spec = Mlp.of(p, outputs, config.hidden());
        UniformRandomProvider rng = seeds.child("batches").rng();
        try (Network net = Network.create(spec, seeds.child("init"));
                Adam adam = new Adam(new Adam.Config(config.learningRate(), 0.9, 0.999, 1e-8, config.weightDecay(),
                        false), net)) {
            GradientStep step = new GradientStep(adam, net.manager(), 0);
            for (int epoch = 0; epoch < config.epochs(); epoch++) {
                int[] order = DataSplit.permutation(n, rng);
                for (int start = 0; start < n; start += config.batchSize()) {
                    int b = Math.min(config.batchSize(), n - start);
                    float[] xb = new float[b * p];
                    float[] yb = new float[b * targetWidth];
                    for (int k = 0; k < b; k++) {
                        int i = order[start + k];
                        System.arraycopy(zf, i * p, xb, k * p, p);
                        System.arraycopy(t, i * targetWidth, yb, k * targetWidth, targetWidth);
                    }
                    step.step((NDManager sub) -> {
                        NDArray x = sub.create(xb, new Shape(b, p));
                        NDArray y = sub.create(yb, new Shape(b, targetWidth));
                        return loss.apply(net.forward(x, true), y);
                    });
                }
            }
            return extract(net, spec);
        }
    }

    private static DenseReluNet extract(Network net, Mlp spec) {
        List<NDArray> params = net.parameterList();
        int layers = params.size() / 2;
        double[][] w = new double[layers][];
        double[][] b = new double[layers][];
        int[] in = new int[layers];
        int[] out = new int[layers];
        for (int l = 0; l < layers; l++) {
            NDArray wa = params.get(2 * l);
            NDArray ba = params.get(2 * l + 1);
            out[l] = (int) wa.getShape().get(0);
            in[l] = (int) wa.getShape().get(1);
            w[l] = toDoubles(wa.toFloatArray());
            b[l] = toDoubles(ba.toFloatArray());
        }
        if (in[0] != spec.inputSize() || out[layers - 1] != spec.outputSize()) {
            throw new IllegalStateException("unexpected parameter layout of " + spec);
        }
        return new DenseReluNet(w, b, in, out);
    }

    private static double[] toDoubles(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }
}
