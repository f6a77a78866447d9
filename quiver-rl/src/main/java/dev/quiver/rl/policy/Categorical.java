package dev.quiver.rl.policy;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * The categorical distribution of a discrete policy given its logits: {@code softmax}, the most likely
 * action and sampling by inversion, with primitive arrays and no allocation.
 */
public final class Categorical {
    private Categorical() {
    }

    /** Writes {@code softmax(logits[from .. from + n))} into {@code out} (max-shifted: no overflow) and returns it. */
    public static double[] softmax(float[] logits, int from, int n, double[] out) {
        double max = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < n; a++) {
            max = Math.max(max, logits[from + a]);
        }
        double sum = 0;
        for (int a = 0; a < n; a++) {
            out[a] = Math.exp(logits[from + a] - max);
            sum += out[a];
        }
        for (int a = 0; a < n; a++) {
            out[a] /= sum;
        }
        return out;
    }

    /** The index of the largest of {@code values[from .. from + n)}, relative to {@code from} (first among ties). */
    public static int argmax(float[] values, int from, int n) {
        int best = 0;
        for (int a = 1; a < n; a++) {
            if (values[from + a] > values[from + best]) {
                best = a;
            }
        }
        return best;
    }

    /** An action drawn from {@code probs} with one {@code nextDouble} of {@code rng} (inversion of the CDF). */
    public static int sample(double[] probs, UniformRandomProvider rng) {
        double u = rng.nextDouble();
        double c = 0;
        for (int a = 0; a < probs.length - 1; a++) {
            c += probs[a];
            if (u < c) {
                return a;
            }
        }
        return probs.length - 1;
    }
}
