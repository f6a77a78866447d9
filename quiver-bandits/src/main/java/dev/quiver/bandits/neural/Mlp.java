package dev.quiver.bandits.neural;

import java.util.Arrays;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * A fully connected network with ReLU hidden layers and one linear output, {@code f(theta; x)}, on a flat
 * parameter vector {@code theta} (per layer: the weights row-major, {@code out x in}, then the biases).
 * Plain Java with scratch buffers: forward and backward passes allocate nothing.
 *
 * <p>Initialisation: hidden weights {@code N(0, 2 / fan_in)} (He et al. 2015), output weights
 * {@code N(0, 1 / fan_in)}, biases 0.
 */
public final class Mlp {
    private final int[] sizes;
    private final int[] offsets;
    private final int parameters;
    private final double[][] activations;
    private final double[][] deltas;

    /**
     * A network {@code input -> hidden[0] -> ... -> 1}.
     *
     * @throws IllegalArgumentException if a size is below 1
     */
    public Mlp(int input, int... hidden) {
        sizes = new int[hidden.length + 2];
        sizes[0] = input;
        System.arraycopy(hidden, 0, sizes, 1, hidden.length);
        sizes[sizes.length - 1] = 1;
        for (int s : sizes) {
            if (s < 1) {
                throw new IllegalArgumentException("layer sizes must be at least 1, got " + Arrays.toString(sizes));
            }
        }
        offsets = new int[sizes.length - 1];
        int p = 0;
        for (int l = 0; l < sizes.length - 1; l++) {
            offsets[l] = p;
            p += sizes[l + 1] * sizes[l] + sizes[l + 1];
        }
        parameters = p;
        activations = new double[sizes.length][];
        deltas = new double[sizes.length][];
        for (int l = 0; l < sizes.length; l++) {
            activations[l] = new double[sizes[l]];
            deltas[l] = new double[sizes[l]];
        }
    }

    /** The number of parameters. */
    public int parameters() {
        return parameters;
    }

    /** The input dimension. */
    public int input() {
        return sizes[0];
    }

    /** Fresh initial parameters drawn with {@code gaussian}. */
    public double[] initialise(ZigguratSampler.NormalizedGaussian gaussian) {
        double[] theta = new double[parameters];
        for (int l = 0; l < sizes.length - 1; l++) {
            int in = sizes[l];
            int out = sizes[l + 1];
            boolean last = l == sizes.length - 2;
            double sd = Math.sqrt((last ? 1.0 : 2.0) / in);
            for (int i = 0; i < out * in; i++) {
                theta[offsets[l] + i] = sd * gaussian.sample();
            }
        }
        return theta;
    }

    /** {@code f(theta; x)}; keeps the activations for a following {@link #backward}. */
    public double forward(double[] theta, double[] x) {
        System.arraycopy(x, 0, activations[0], 0, sizes[0]);
        for (int l = 0; l < sizes.length - 1; l++) {
            int in = sizes[l];
            int out = sizes[l + 1];
            int w = offsets[l];
            int b = w + out * in;
            double[] a = activations[l];
            double[] next = activations[l + 1];
            boolean last = l == sizes.length - 2;
            for (int o = 0; o < out; o++) {
                double s = theta[b + o];
                int row = w + o * in;
                for (int i = 0; i < in; i++) {
                    s += theta[row + i] * a[i];
                }
                next[o] = last || s > 0 ? s : 0;
            }
        }
        return activations[sizes.length - 1][0];
    }

    /**
     * Adds {@code scale * grad_theta f(theta; x)} to {@code grad}, for the {@code x} of the last
     * {@link #forward} call with the same {@code theta}.
     */
    public void backward(double[] theta, double scale, double[] grad) {
        int top = sizes.length - 1;
        deltas[top][0] = scale;
        for (int l = top - 1; l >= 0; l--) {
            int in = sizes[l];
            int out = sizes[l + 1];
            int w = offsets[l];
            int b = w + out * in;
            double[] a = activations[l];
            double[] d = deltas[l + 1];
            double[] below = deltas[l];
            Arrays.fill(below, 0.0);
            for (int o = 0; o < out; o++) {
                double g = d[o];
                if (g == 0) {
                    continue;
                }
                grad[b + o] += g;
                int row = w + o * in;
                for (int i = 0; i < in; i++) {
                    grad[row + i] += g * a[i];
                    below[i] += g * theta[row + i];
                }
            }
            if (l > 0) {
                // ReLU derivative of the layer below (its activation is positive exactly where it was active)
                for (int i = 0; i < in; i++) {
                    if (a[i] <= 0) {
                        below[i] = 0;
                    }
                }
            }
        }
    }
}
