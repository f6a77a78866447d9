package dev.quiver.nn.net;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * How a layer's weight matrix is initialised, from a seeded Commons RNG stream (not DJL's engine RNG),
 * so that the same seed gives bit-identical parameters on every machine. Biases are zero except under
 * {@link #TORCH_DEFAULT}. Weights have PyTorch's layout: {@code (out, in)} for linear layers and
 * {@code (out, in, kh, kw)} for convolutions, so fan-in is the product of all dimensions but the first.
 *
 * @see <a href="https://proceedings.mlr.press/v9/glorot10a.html">Glorot and Bengio (2010), Xavier init</a>
 * @see <a href="https://arxiv.org/abs/1502.01852">He et al. (2015), arXiv:1502.01852</a>
 * @see <a href="https://arxiv.org/abs/1312.6120">Saxe et al. (2013), orthogonal init, arXiv:1312.6120</a>
 */
public enum WeightInit {
    /** U(-b, b) with b = gain * sqrt(6 / (fan_in + fan_out)); biases zero. */
    XAVIER_UNIFORM,
    /** U(-b, b) with b = gain * sqrt(6 / fan_in) (Kaiming uniform for ReLU at gain 1); biases zero. */
    HE_UNIFORM,
    /** A (semi-)orthogonal matrix times gain, from the QR of a Gaussian matrix; biases zero. */
    ORTHOGONAL,
    /** PyTorch's nn.Linear default: weights and biases U(-1/sqrt(fan_in), 1/sqrt(fan_in)) times gain. */
    TORCH_DEFAULT;

    /** The values of a weight of {@code shape}, row-major. */
    public float[] weights(long[] shape, double gain, UniformRandomProvider rng) {
        int out = (int) shape[0];
        int fanIn = 1;
        for (int i = 1; i < shape.length; i++) {
            fanIn *= (int) shape[i];
        }
        int receptive = fanIn / Math.max(1, shape.length > 1 ? (int) shape[1] : 1);
        int fanOut = out * receptive;
        float[] w = new float[out * fanIn];
        switch (this) {
            case XAVIER_UNIFORM -> uniform(w, gain * Math.sqrt(6.0 / (fanIn + fanOut)), rng);
            case HE_UNIFORM -> uniform(w, gain * Math.sqrt(6.0 / fanIn), rng);
            case TORCH_DEFAULT -> uniform(w, gain / Math.sqrt(fanIn), rng);
            case ORTHOGONAL -> orthogonal(w, out, fanIn, gain, rng);
            default -> throw new AssertionError(this);
        }
        return w;
    }

    /** The values of a bias of length {@code n} for a layer with the given fan-in. */
    public float[] biases(int n, int fanIn, double gain, UniformRandomProvider rng) {
        float[] b = new float[n];
        if (this == TORCH_DEFAULT) {
            uniform(b, gain / Math.sqrt(fanIn), rng);
        }
        return b;
    }

    private static void uniform(float[] a, double bound, UniformRandomProvider rng) {
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) ((2.0 * rng.nextDouble() - 1.0) * bound);
        }
    }

    /** Gram-Schmidt on the columns of a tall Gaussian matrix (as torch.nn.init.orthogonal_ does with QR). */
    private static void orthogonal(float[] w, int rows, int cols, double gain, UniformRandomProvider rng) {
        boolean transpose = rows < cols;
        int n = Math.max(rows, cols);
        int m = Math.min(rows, cols);
        ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
        double[][] q = new double[m][n]; // m column vectors of length n
        for (int j = 0; j < m; j++) {
            for (int i = 0; i < n; i++) {
                q[j][i] = normal.sample();
            }
        }
        for (int j = 0; j < m; j++) {
            for (int pass = 0; pass < 2; pass++) { // re-orthogonalise once for accuracy
                for (int k = 0; k < j; k++) {
                    double dot = 0;
                    for (int i = 0; i < n; i++) {
                        dot += q[j][i] * q[k][i];
                    }
                    for (int i = 0; i < n; i++) {
                        q[j][i] -= dot * q[k][i];
                    }
                }
            }
            double norm = 0;
            for (int i = 0; i < n; i++) {
                norm += q[j][i] * q[j][i];
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < n; i++) {
                q[j][i] /= norm;
            }
        }
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double v = transpose ? q[r][c] : q[c][r];
                w[r * cols + c] = (float) (gain * v);
            }
        }
    }
}
