package dev.quiver.uq.metrics;

import dev.quiver.uq.conformal.PredictionIntervals;
import java.util.Map;
import java.util.TreeMap;

/**
 * Quality of prediction intervals on labelled test rows: coverage, mean width, coverage by group, and the
 * proper scoring rules for interval forecasts — the interval score
 * {@code IS_α(l, u; y) = (u − l) + (2/α)(l − y)·1{y < l} + (2/α)(y − u)·1{y > u}} and the weighted interval
 * score of K central intervals and a median,
 * {@code WIS = (1/(K + 1/2))·(|y − m|/2 + Σ_k (α_k/2)·IS_{α_k})}.
 *
 * @see <a href="https://doi.org/10.1198/016214506000001437">Gneiting and Raftery (2007), Strictly Proper
 *     Scoring Rules, Prediction, and Estimation, JASA 102(477), Section 6.2</a>
 * @see <a href="https://arxiv.org/abs/2005.12881">Bracher, Ray, Gneiting and Reich (2021), Evaluating
 *     epidemic forecasts in an interval format, arXiv:2005.12881</a>
 */
public final class IntervalMetrics {
    private IntervalMetrics() {
    }

    /** The share of rows whose interval contains y. */
    public static double coverage(PredictionIntervals intervals, double[] y) {
        check(intervals, y);
        int c = 0;
        for (int i = 0; i < y.length; i++) {
            if (intervals.covers(i, y[i])) {
                c++;
            }
        }
        return (double) c / y.length;
    }

    /** The mean of {@code max(0, upper − lower)} (infinite if some interval is unbounded). */
    public static double meanWidth(PredictionIntervals intervals) {
        if (intervals.size() == 0) {
            throw new IllegalArgumentException("no intervals");
        }
        double s = 0;
        for (int i = 0; i < intervals.size(); i++) {
            s += intervals.width(i);
        }
        return s / intervals.size();
    }

    /** Coverage per group ({@code groups[i]} the group of row i), keyed by group in ascending order. */
    public static Map<Integer, GroupCoverage> groupCoverage(PredictionIntervals intervals, double[] y, int[] groups) {
        check(intervals, y);
        if (groups.length != y.length) {
            throw new IllegalArgumentException(y.length + " targets but " + groups.length + " groups");
        }
        Map<Integer, int[]> counts = new TreeMap<>();
        for (int i = 0; i < y.length; i++) {
            int[] c = counts.computeIfAbsent(groups[i], g -> new int[2]);
            c[0]++;
            if (intervals.covers(i, y[i])) {
                c[1]++;
            }
        }
        Map<Integer, GroupCoverage> out = new TreeMap<>();
        counts.forEach((g, c) -> out.put(g, new GroupCoverage(c[0], c[1])));
        return out;
    }

    /**
     * The interval score of one central {@code (1 − α)} interval {@code [l, u]} at outcome y. An empty
     * interval ({@code l > u}) is scored as the point {@code (l + u)/2}.
     */
    public static double intervalScore(double lower, double upper, double y, double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        }
        if (lower > upper) {
            double mid = 0.5 * (lower + upper);
            lower = mid;
            upper = mid;
        }
        double s = upper - lower;
        if (y < lower) {
            s += 2 / alpha * (lower - y);
        }
        if (y > upper) {
            s += 2 / alpha * (y - upper);
        }
        return s;
    }

    /** The mean interval score of the intervals at their own α. */
    public static double meanIntervalScore(PredictionIntervals intervals, double[] y) {
        check(intervals, y);
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s += intervalScore(intervals.lower(i), intervals.upper(i), y[i], intervals.alpha());
        }
        return s / y.length;
    }

    /**
     * The weighted interval score of one forecast: a median {@code m} and central intervals
     * {@code [lowers[k], uppers[k]]} at miscoverage {@code alphas[k]}.
     */
    public static double weightedIntervalScore(double median, double[] lowers, double[] uppers, double[] alphas,
            double y) {
        int k = alphas.length;
        if (lowers.length != k || uppers.length != k) {
            throw new IllegalArgumentException("need one lower and one upper end per alpha");
        }
        double s = 0.5 * Math.abs(y - median);
        for (int j = 0; j < k; j++) {
            s += alphas[j] / 2 * intervalScore(lowers[j], uppers[j], y, alphas[j]);
        }
        return s / (k + 0.5);
    }

    private static void check(PredictionIntervals intervals, double[] y) {
        if (intervals.size() != y.length) {
            throw new IllegalArgumentException(intervals.size() + " intervals but " + y.length + " targets");
        }
        if (y.length == 0) {
            throw new IllegalArgumentException("no test rows");
        }
    }
}
