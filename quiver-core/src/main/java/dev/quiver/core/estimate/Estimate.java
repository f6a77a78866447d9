package dev.quiver.core.estimate;

import java.util.Objects;

/**
 * A number we can trust: a point estimate with an interval and the method that produced both. One
 * shape used by statistics, off-policy evaluation and conformal prediction alike.
 *
 * @param point the point estimate
 * @param low the lower end of the interval
 * @param high the upper end of the interval
 * @param confidence the nominal coverage of the interval, in (0, 1)
 * @param method how the interval was made, e.g. {@code "percentile bootstrap, 10000 reps"}
 */
public record Estimate(double point, double low, double high, double confidence, String method) {

    /** Validates the interval. */
    public Estimate {
        Objects.requireNonNull(method, "method");
        if (!(low <= high) && !(Double.isNaN(low) && Double.isNaN(high))) {
            throw new IllegalArgumentException("Estimate needs low <= high, got [" + low + ", " + high + "]");
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        }
    }

    /** Whether {@code x} lies in {@code [low, high]}. */
    public boolean covers(double x) {
        return x >= low && x <= high;
    }

    /** {@code high - low}. */
    public double width() {
        return high - low;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%.4g [%.4g, %.4g] (%.0f%% %s)", point, low, high,
                confidence * 100, method);
    }
}
