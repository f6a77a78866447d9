package dev.quiver.data.sampling;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Draws an index {@code i} with probability {@code w_i / sum(w)} in constant time: Walker's alias method
 * built with Vose's numerically stable construction. Building takes {@code O(n)}; a draw uses one
 * {@code nextInt(n)} and one {@code nextDouble()} of the generator.
 *
 * @see <a href="https://doi.org/10.1109/32.92917">M. D. Vose, A linear algorithm for generating random
 *     numbers with a given distribution, IEEE Trans. Software Eng. 17(9), 1991</a>
 */
public final class AliasTable {
    /** Probability of keeping column {@code i} (else its alias). */
    private final double[] keep;
    private final int[] alias;
    /** The probability of each outcome implied by the table (sums over both parts of every column). */
    private final double[] probability;

    /**
     * A table for the given non-negative weights (not necessarily normalised).
     *
     * @throws IllegalArgumentException if there are no weights, one is negative or not finite, or all are 0
     */
    public AliasTable(double[] weights) {
        int n = weights.length;
        if (n == 0) {
            throw new IllegalArgumentException("alias table needs at least one weight");
        }
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            double w = weights[i];
            if (!(w >= 0.0) || !Double.isFinite(w)) {
                throw new IllegalArgumentException("weight " + i + " is " + w + "; weights must be finite and >= 0");
            }
            sum += w;
        }
        if (!(sum > 0.0) || !Double.isFinite(sum)) {
            throw new IllegalArgumentException("weights sum to " + sum + "; need a finite positive sum");
        }
        keep = new double[n];
        alias = new int[n];
        double[] scaled = new double[n];
        int[] small = new int[n];
        int[] large = new int[n];
        int ns = 0;
        int nl = 0;
        for (int i = 0; i < n; i++) {
            scaled[i] = weights[i] * n / sum;
            if (scaled[i] < 1.0) {
                small[ns++] = i;
            } else {
                large[nl++] = i;
            }
        }
        while (ns > 0 && nl > 0) {
            int l = small[--ns];
            int g = large[--nl];
            keep[l] = scaled[l];
            alias[l] = g;
            scaled[g] = (scaled[g] + scaled[l]) - 1.0;
            if (scaled[g] < 1.0) {
                small[ns++] = g;
            } else {
                large[nl++] = g;
            }
        }
        // what is left is 1 up to rounding
        while (nl > 0) {
            int g = large[--nl];
            keep[g] = 1.0;
            alias[g] = g;
        }
        while (ns > 0) {
            int l = small[--ns];
            keep[l] = 1.0;
            alias[l] = l;
        }
        probability = new double[n];
        for (int i = 0; i < n; i++) {
            probability[i] += keep[i] / n;
            probability[alias[i]] += (1.0 - keep[i]) / n;
        }
    }

    /** Number of outcomes. */
    public int size() {
        return keep.length;
    }

    /** Draws an outcome. */
    public int sample(UniformRandomProvider rng) {
        int i = rng.nextInt(keep.length);
        return rng.nextDouble() < keep[i] ? i : alias[i];
    }

    /** The probability the table gives outcome {@code i} (equal to {@code w_i / sum(w)} up to rounding). */
    public double probability(int i) {
        return probability[i];
    }
}
