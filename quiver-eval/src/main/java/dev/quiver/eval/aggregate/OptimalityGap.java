package dev.quiver.eval.aggregate;

import java.util.Arrays;
import java.util.Locale;

/**
 * The optimality gap: how far, on average over all runs of all tasks pooled, the scores fall short of
 * a target {@code gamma} (rliable's {@code aggregate_optimality_gap}); key {@code "og"} for {@code
 * gamma = 1}, {@code "og@gamma"} otherwise. Lower is better.
 *
 * <p>{@code OG = (1/N) * sum over all N runs of max(gamma - x, 0)}, which is rliable's {@code gamma -
 * mean(min(x, gamma))}. Scores above {@code gamma} count as exactly {@code gamma}: beating the target
 * by a lot earns nothing. Like the IQM it pools runs, so with a ragged matrix a task with more runs
 * weighs more (for equal run counts this is the same as averaging per-task gaps).
 *
 * @see <a href="https://arxiv.org/abs/2108.13264">Agarwal et al. (2021), arXiv:2108.13264, section 4</a>
 */
public final class OptimalityGap implements Metric {
    /** The result key for the default threshold {@code gamma = 1}. */
    public static final String NAME = "og";
    /** The default threshold: 1, a human-normalised score equal to the human reference. */
    public static final double DEFAULT_GAMMA = 1.0;
    static final OptimalityGap DEFAULT = new OptimalityGap(DEFAULT_GAMMA);

    private final double gamma;

    private OptimalityGap(double gamma) {
        this.gamma = gamma;
    }

    /** The optimality gap with threshold {@code gamma} (finite). */
    public static OptimalityGap of(double gamma) {
        if (!Double.isFinite(gamma)) {
            throw new IllegalArgumentException("the optimality-gap threshold gamma must be finite, got " + gamma);
        }
        return gamma == DEFAULT_GAMMA ? DEFAULT : new OptimalityGap(gamma);
    }

    /** The threshold. */
    public double gamma() {
        return gamma;
    }

    @Override
    public String name() {
        return gamma == DEFAULT_GAMMA ? NAME : NAME + "@" + String.format(Locale.ROOT, "%s", gamma);
    }

    @Override
    public double apply(double[][] scores) {
        ScoreMatrices.validate(scores);
        return ofSorted(ScoreMatrices.pooledSorted(scores));
    }

    /** The optimality gap with {@code gamma = 1} of a valid score matrix. */
    public static double of(double[][] scores) {
        return DEFAULT.apply(scores);
    }

    /** The gap of the pooled values, sorted ascending. */
    public double ofSorted(double[] sorted) {
        int end = belowEnd(sorted);
        double[] gaps = gaps(sorted, end);
        return Sums.weighted(gaps, null, 0, end) / sorted.length;
    }

    /** The number of leading sorted values strictly below {@code gamma}: the only ones with a gap. */
    public int belowEnd(double[] sorted) {
        int i = Arrays.binarySearch(sorted, gamma);
        if (i < 0) {
            return -i - 1;
        }
        while (i > 0 && sorted[i - 1] >= gamma) {
            i--;
        }
        return i;
    }

    /** {@code gamma - sorted[k]} for the first {@code end} positions. */
    public double[] gaps(double[] sorted, int end) {
        double[] g = new double[end];
        for (int k = 0; k < end; k++) {
            g[k] = gamma - sorted[k];
        }
        return g;
    }

    /**
     * The gap of a multiset given as counts over sorted positions: {@code (1/total) * sum over k <
     * gaps.length of counts[k] * gaps[k]}, with {@code gaps} from {@link #gaps(double[], int)}; the
     * same additions as {@link #ofSorted(double[])} when all counts are 1.
     */
    public static double fromCounts(double[] gaps, int[] counts, int total) {
        return Sums.weighted(gaps, counts, 0, gaps.length) / total;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OptimalityGap && Double.compare(((OptimalityGap) o).gamma, gamma) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(gamma);
    }

    @Override
    public String toString() {
        return name();
    }
}
