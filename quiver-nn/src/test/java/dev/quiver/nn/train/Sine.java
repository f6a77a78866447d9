package dev.quiver.nn.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.quiver.core.seed.Seeds;
import dev.quiver.nn.net.Network;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/** Test data: y = sin(x) + N(0, sigma²) on [-3, 3], batch {@code step} drawn from its own seed stream. */
final class Sine {
    static final double SIGMA = 0.1;

    private Sine() {
    }

    static LossFunction mseBatch(Network net, long seed, long step, int batch) {
        return sub -> {
            UniformRandomProvider rng = Seeds.of(seed).child("batch", step).rng();
            ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
            float[] x = new float[batch];
            float[] y = new float[batch];
            for (int i = 0; i < batch; i++) {
                x[i] = (float) (6 * rng.nextDouble() - 3);
                y[i] = (float) (Math.sin(x[i]) + SIGMA * g.sample());
            }
            NDArray xs = sub.create(x, new Shape(batch, 1));
            NDArray ys = sub.create(y, new Shape(batch, 1));
            NDArray diff = net.forward(xs, true).sub(ys);
            return diff.square().mean();
        };
    }

    /** Mean squared error against the noiseless sin on a grid. */
    static double gridMse(Network net, NDManager parent) {
        try (NDManager sub = parent.newSubManager()) {
            int n = 601;
            float[] x = new float[n];
            for (int i = 0; i < n; i++) {
                x[i] = -3f + 6f * i / (n - 1);
            }
            float[] p = net.forward(sub.create(x, new Shape(n, 1))).toFloatArray();
            double s = 0;
            for (int i = 0; i < n; i++) {
                double d = p[i] - Math.sin(x[i]);
                s += d * d;
            }
            return s / n;
        }
    }
}
