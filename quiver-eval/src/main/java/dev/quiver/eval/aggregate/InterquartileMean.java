package dev.quiver.eval.aggregate;

import java.util.Arrays;

/**
 * The interquartile mean (IQM) over all runs of all tasks pooled (rliable's {@code aggregate_iqm}); key
 * {@code "iqm"}.
 *
 * <p>It is {@code scipy.stats.trim_mean(x, 0.25)} of the {@code N} pooled values: sort them, drop
 * {@code g = floor(N / 4)} values at each end and average the {@code N - 2g} values left. When
 * {@code N} is not a multiple of 4 this keeps a little more than half of the values (for {@code N =
 * 10}: drop 2 at each end, keep 6); it does not interpolate.
 *
 * <p>Robust to outlier runs and tasks like the median, yet it uses half of all runs, so its
 * confidence intervals are much narrower than the median's.
 *
 * @see <a href="https://arxiv.org/abs/2108.13264">Agarwal et al. (2021), arXiv:2108.13264, section 4</a>
 */
public final class InterquartileMean implements Metric {
    /** The result key. */
    public static final String NAME = "iqm";
    static final InterquartileMean INSTANCE = new InterquartileMean();

    private InterquartileMean() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double apply(double[][] scores) {
        return of(scores);
    }

    /** The IQM of all runs of a valid score matrix {@code [task][run]} pooled. */
    public static double of(double[][] scores) {
        ScoreMatrices.validate(scores);
        return ofSorted(ScoreMatrices.pooledSorted(scores));
    }

    /** The 25% trimmed mean of {@code values} (any order; the array is not changed). */
    public static double of(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return ofSorted(s);
    }

    /**
     * The trimmed mean of {@code values} as {@code scipy.stats.trim_mean(values, proportion)}: drop
     * {@code floor(proportion * n)} values at each end of the sorted values and average the rest.
     *
     * @param values the sample (any order; not changed), at least one value
     * @param proportion the fraction cut at each end, in [0, 0.5)
     * @throws IllegalArgumentException if nothing would be left or an argument is out of range
     */
    public static double trimmedMean(double[] values, double proportion) {
        if (!(proportion >= 0 && proportion < 0.5)) {
            throw new IllegalArgumentException("proportion must be in [0, 0.5), got " + proportion);
        }
        int n = values.length;
        int cut = (int) (proportion * n);
        if (n == 0 || cut >= n - cut) {
            throw new IllegalArgumentException("trimming " + cut + " values at each end of " + n + " leaves none");
        }
        double[] s = values.clone();
        Arrays.sort(s);
        double sum = 0;
        for (int i = cut; i < n - cut; i++) {
            sum += s[i];
        }
        return sum / (n - 2 * cut);
    }

    /**
     * The IQM of values already sorted ascending. The kept values are summed in sorted order with eight
     * interleaved partial sums (the same additions as {@link #fromCounts(double[], int[], int)} with all
     * counts 1), so it can differ from a single running sum in the last bits.
     */
    public static double ofSorted(double[] sorted) {
        int n = sorted.length;
        if (n == 0) {
            throw new IllegalArgumentException("the IQM of no values is undefined");
        }
        int g = n >>> 2;
        int keep = n - 2 * g;
        if (keep == 1) {
            return sorted[g];
        }
        int hi = n - g - 1;
        double sum = sorted[g] + Sums.weighted(sorted, null, g + 1, hi);
        return (sum + sorted[hi]) / keep;
    }

    /**
     * The IQM of a multiset given as counts over sorted distinct positions: position {@code k} holds
     * value {@code sorted[k]} repeated {@code counts[k]} times, {@code total} copies in all. This is
     * what a bootstrap replicate is when it is resampled as counts: it runs in time linear in the
     * number of positions, without sorting, and sums the kept copies in sorted order (with all counts
     * 1 it performs exactly the additions of {@link #ofSorted(double[])}).
     *
     * @param sorted the values, ascending
     * @param counts the number of copies of each position (non-negative), same length
     * @param total the sum of {@code counts}, at least 1
     */
    public static double fromCounts(double[] sorted, int[] counts, int total) {
        int g = total >>> 2;
        int keep = total - 2 * g;
        int n = sorted.length;
        // kLo: the position holding copy number g (0-based) of the sorted expansion
        int kLo = 0;
        int before = 0; // copies at positions < kLo
        while (before + counts[kLo] <= g) {
            before += counts[kLo];
            kLo++;
        }
        int inLo = Math.min(before + counts[kLo], total - g) - g;
        if (inLo == keep) {
            return sorted[kLo]; // every kept copy is this one value
        }
        // kHi: the position holding copy number total - g - 1
        int kHi = n - 1;
        int after = 0; // copies at positions > kHi
        while (after + counts[kHi] <= g) {
            after += counts[kHi];
            kHi--;
        }
        int inHi = (total - g) - Math.max(total - after - counts[kHi], g);
        double sum = sorted[kLo] * inLo + Sums.weighted(sorted, counts, kLo + 1, kHi);
        return (sum + sorted[kHi] * inHi) / keep;
    }

    @Override
    public String toString() {
        return NAME;
    }
}
