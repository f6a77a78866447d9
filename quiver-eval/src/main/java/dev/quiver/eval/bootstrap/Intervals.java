package dev.quiver.eval.bootstrap;

import java.util.function.DoubleSupplier;

/**
 * Reads confidence intervals off sorted bootstrap replicates, as arch's {@code conf_int} does for
 * rliable (see {@link IntervalMethod} for the formulas).
 *
 * <p>Two edge cases arch turns into errors are handled here: when every replicate equals the
 * estimate (a degenerate resampling distribution, e.g. one run per task) every method gives {@code
 * [theta, theta]}; when the bias-correction fraction {@code #{theta*_b < theta} / B} is 0 or 1 it is
 * clamped to {@code 1/(2B)} or {@code 1 - 1/(2B)}, which keeps {@code z0} finite (the interval then
 * sits at the edge of the replicates, as it should).
 */
public final class Intervals {
    private Intervals() {
    }

    /**
     * The interval {@code {low, high}} for estimate {@code point} from its replicates.
     *
     * @param point the estimate on the original data
     * @param sorted the replicates sorted ascending (at least one)
     * @param method how to read the interval
     * @param confidence the nominal coverage, in (0, 1)
     * @param acceleration the BCa acceleration; asked for only by {@link IntervalMethod#BCA} and only
     *     when the replicates are not degenerate
     * @return {@code {low, high}} with {@code low <= high}
     */
    public static double[] bounds(double point, double[] sorted, IntervalMethod method, double confidence,
            DoubleSupplier acceleration) {
        int reps = sorted.length;
        if (reps == 0) {
            throw new IllegalArgumentException("no replicates");
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        }
        if (sorted[0] == sorted[reps - 1] && sorted[0] == point) {
            return new double[] {point, point};
        }
        double alpha = (1 - confidence) / 2;
        double pLow = alpha;
        double pHigh = 1 - alpha;
        if (method == IntervalMethod.BC || method == IntervalMethod.BCA) {
            double z0 = biasCorrection(point, sorted);
            double a = method == IntervalMethod.BCA ? acceleration.getAsDouble() : 0;
            pLow = adjustedLevel(z0, a, StandardNormal.quantile(alpha));
            pHigh = adjustedLevel(z0, a, StandardNormal.quantile(1 - alpha));
        }
        double lo = quantile(sorted, Math.min(pLow, pHigh));
        double hi = quantile(sorted, Math.max(pLow, pHigh));
        if (method == IntervalMethod.BASIC) {
            double l = 2 * point - hi;
            double h = 2 * point - lo;
            return new double[] {Math.min(l, h), Math.max(l, h)};
        }
        return new double[] {lo, hi};
    }

    /**
     * The bias correction {@code z0 = Phi^-1(#{theta*_b < theta} / B)}, the fraction clamped into
     * {@code [1/(2B), 1 - 1/(2B)]}.
     */
    public static double biasCorrection(double point, double[] sorted) {
        int reps = sorted.length;
        int below = lowerBound(sorted, point);
        double p = below / (double) reps;
        double eps = 0.5 / reps;
        p = Math.min(Math.max(p, eps), 1 - eps);
        return StandardNormal.quantile(p);
    }

    /**
     * The BCa level {@code Phi(z0 + (z0 + z) / (1 - a (z0 + z)))}; where {@code 1 - a (z0 + z) <= 0}
     * the formula has passed its pole, and the level is the limit, 0 or 1.
     */
    public static double adjustedLevel(double z0, double a, double z) {
        double w = z0 + z;
        double denom = 1 - a * w;
        if (denom <= 0) {
            return w > 0 ? 1 : 0;
        }
        return StandardNormal.cdf(z0 + w / denom);
    }

    /** The {@code p}-quantile of sorted values, interpolating linearly (Hyndman-Fan type 7, numpy's default). */
    public static double quantile(double[] sorted, double p) {
        return PercentileBootstrap.quantile(sorted, Math.min(Math.max(p, 0), 1));
    }

    /** {@code Phi(x)}, the standard normal distribution function. */
    public static double normalCdf(double x) {
        return StandardNormal.cdf(x);
    }

    /** {@code Phi^-1(p)}, the standard normal quantile function. */
    public static double normalQuantile(double p) {
        return StandardNormal.quantile(p);
    }

    /** The number of values strictly below {@code x} in sorted values. */
    static int lowerBound(double[] sorted, double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
