package dev.quiver.uq.model.mlp;

import dev.quiver.uq.data.Matrix;

/**
 * A trained ReLU MLP evaluated in plain Java (double precision from the float32 weights), so fitted models
 * hold no native memory: {@code h ← relu(W h + b)} per hidden layer, then a linear output layer.
 */
public final class DenseReluNet {
    private final double[][] weights;
    private final double[][] biases;
    private final int[] in;
    private final int[] out;

    /** Layers in order; {@code weights[l]} is {@code out[l] x in[l]} row-major (DJL's Linear layout). */
    DenseReluNet(double[][] weights, double[][] biases, int[] in, int[] out) {
        this.weights = weights;
        this.biases = biases;
        this.in = in;
        this.out = out;
    }

    /** The number of outputs. */
    public int outputs() {
        return out[out.length - 1];
    }

    /** {@code [row][output]} for the (already standardised) rows of {@code z}. */
    public double[][] forward(Matrix z) {
        if (z.cols() != in[0]) {
            throw new IllegalArgumentException("network takes " + in[0] + " features, got " + z.cols());
        }
        double[][] result = new double[z.rows()][];
        double[] h = new double[in[0]];
        for (int i = 0; i < z.rows(); i++) {
            z.copyRow(i, h, 0);
            double[] cur = h;
            for (int l = 0; l < weights.length; l++) {
                double[] next = new double[out[l]];
                double[] w = weights[l];
                for (int o = 0; o < out[l]; o++) {
                    double s = biases[l][o];
                    int off = o * in[l];
                    for (int k = 0; k < in[l]; k++) {
                        s += w[off + k] * cur[k];
                    }
                    next[o] = l < weights.length - 1 ? Math.max(0, s) : s;
                }
                cur = next;
            }
            result[i] = cur;
        }
        return result;
    }
}
