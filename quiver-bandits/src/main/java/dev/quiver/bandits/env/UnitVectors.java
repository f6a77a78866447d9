package dev.quiver.bandits.env;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/** Random unit vectors: uniform on the sphere, and s-sparse ones (uniform support, Gaussian direction). */
public final class UnitVectors {
    private UnitVectors() {
    }

    /** A vector drawn uniformly from the unit sphere in {@code R^d} (normalised standard Gaussian). */
    public static double[] sphere(int d, ZigguratSampler.NormalizedGaussian gaussian) {
        double[] v = new double[d];
        double norm2 = 0;
        do {
            norm2 = 0;
            for (int j = 0; j < d; j++) {
                v[j] = gaussian.sample();
                norm2 += v[j] * v[j];
            }
        } while (norm2 == 0);
        double inv = 1 / Math.sqrt(norm2);
        for (int j = 0; j < d; j++) {
            v[j] *= inv;
        }
        return v;
    }

    /**
     * An {@code s}-sparse unit vector in {@code R^d}: a support of size {@code s} drawn uniformly (partial
     * Fisher-Yates shuffle), a uniformly random direction on it.
     */
    public static double[] sparse(int d, int s, UniformRandomProvider rng, ZigguratSampler.NormalizedGaussian gaussian) {
        if (s < 1 || s > d) {
            throw new IllegalArgumentException("sparsity must be in [1, " + d + "], got " + s);
        }
        int[] idx = new int[d];
        for (int j = 0; j < d; j++) {
            idx[j] = j;
        }
        for (int j = 0; j < s; j++) {
            int k = j + rng.nextInt(d - j);
            int t = idx[j];
            idx[j] = idx[k];
            idx[k] = t;
        }
        double[] dir = sphere(s, gaussian);
        double[] v = new double[d];
        for (int j = 0; j < s; j++) {
            v[idx[j]] = dir[j];
        }
        return v;
    }

    /** {@code <a, b>}. */
    public static double dot(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * b[j];
        }
        return s;
    }
}
