package dev.quiver.uq.conformal;

import java.util.Arrays;

/**
 * The nonconformity scores of a calibration set, sorted: the reusable core of split conformal methods.
 * It gives the threshold for any miscoverage level ({@link #quantile}) and conformal p-values of new
 * scores ({@link #pValue}), the building block of conformal selection, abstention and outlier tests.
 *
 * @see <a href="https://arxiv.org/abs/2107.07511">Angelopoulos and Bates (2021), A Gentle Introduction to
 *     Conformal Prediction, arXiv:2107.07511</a>
 */
public final class CalibrationScores {
    private final double[] sorted;

    private CalibrationScores(double[] sorted) {
        this.sorted = sorted;
    }

    /** The scores {@code scores} (copied; NaN is rejected). */
    public static CalibrationScores of(double[] scores) {
        double[] s = scores.clone();
        for (int i = 0; i < s.length; i++) {
            if (Double.isNaN(s[i])) {
                throw new IllegalArgumentException("calibration score " + i + " is NaN");
            }
        }
        Arrays.sort(s);
        return new CalibrationScores(s);
    }

    /** The number of scores n. */
    public int size() {
        return sorted.length;
    }

    /** The scores in ascending order (a copy). */
    public double[] sorted() {
        return sorted.clone();
    }

    /**
     * The conformal threshold at miscoverage α: the {@code ⌈(n + 1)(1 − α)⌉}-th smallest score, +∞ if
     * that exceeds n (see {@link ConformalQuantile}).
     */
    public double quantile(double alpha) {
        int k = ConformalQuantile.upperRank(sorted.length, alpha);
        return k > sorted.length ? Double.POSITIVE_INFINITY : sorted[k - 1];
    }

    /**
     * The conformal p-value of a new score: {@code (1 + #{i : s_i ≥ score}) / (n + 1)}. Under
     * exchangeability {@code P(p ≤ t) ≤ t} for every t.
     */
    public double pValue(double score) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < score) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return (1.0 + (sorted.length - lo)) / (sorted.length + 1.0);
    }
}
