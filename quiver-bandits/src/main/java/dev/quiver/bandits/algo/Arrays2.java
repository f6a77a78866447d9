package dev.quiver.bandits.algo;

import org.apache.commons.rng.UniformRandomProvider;

/** Small array helpers shared by the algorithms: argmax (first index on ties) and categorical sampling. */
public final class Arrays2 {
    private Arrays2() {
    }

    /** The index of the largest value; the first one on ties. */
    public static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    /** The index of the smallest value; the first one on ties. */
    public static int argmin(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] < v[best]) {
                best = i;
            }
        }
        return best;
    }

    /**
     * An index drawn with probabilities {@code p} (summing to 1 up to rounding): one {@code nextDouble}
     * compared with the running sum; rounding leftovers go to the last index with positive mass.
     */
    public static int sample(double[] p, UniformRandomProvider rng) {
        double u = rng.nextDouble();
        double c = 0;
        int last = 0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] > 0) {
                c += p[i];
                last = i;
                if (u < c) {
                    return i;
                }
            }
        }
        return last;
    }
}
