package dev.quiver.uq.conformal;

import dev.quiver.core.estimate.Estimate;

/**
 * Prediction intervals {@code [lower_i, upper_i]}, one per test row, at nominal coverage {@code 1 − α}.
 * Ends may be infinite (too few calibration points) and an interval may be empty ({@code lower > upper},
 * as CQR can give when the fitted quantiles cross): it then covers nothing and has width 0.
 */
public final class PredictionIntervals {
    private final double[] lower;
    private final double[] upper;
    private final double alpha;

    /** Intervals from their ends (copied) at miscoverage {@code alpha}. */
    public PredictionIntervals(double[] lower, double[] upper, double alpha) {
        if (lower.length != upper.length) {
            throw new IllegalArgumentException(lower.length + " lower ends but " + upper.length + " upper ends");
        }
        ConformalQuantile.checkAlpha(alpha);
        for (int i = 0; i < lower.length; i++) {
            if (Double.isNaN(lower[i]) || Double.isNaN(upper[i])) {
                throw new IllegalArgumentException("interval " + i + " has a NaN end");
            }
        }
        this.lower = lower.clone();
        this.upper = upper.clone();
        this.alpha = alpha;
    }

    /** The number of intervals. */
    public int size() {
        return lower.length;
    }

    /** The nominal miscoverage α. */
    public double alpha() {
        return alpha;
    }

    /** The lower end of interval {@code i}. */
    public double lower(int i) {
        return lower[i];
    }

    /** The upper end of interval {@code i}. */
    public double upper(int i) {
        return upper[i];
    }

    /** The lower ends (a copy). */
    public double[] lowers() {
        return lower.clone();
    }

    /** The upper ends (a copy). */
    public double[] uppers() {
        return upper.clone();
    }

    /** {@code max(0, upper − lower)} (infinite for an unbounded interval). */
    public double width(int i) {
        return Math.max(0, upper[i] - lower[i]);
    }

    /** Whether interval {@code i} contains {@code y}. */
    public boolean covers(int i, double y) {
        return lower[i] <= y && y <= upper[i];
    }

    /**
     * Interval {@code i} as an {@link Estimate} with the given point prediction (clamped into the interval
     * when it lies outside; an empty interval is reported as the point itself).
     */
    public Estimate estimate(int i, double point, String method) {
        if (lower[i] > upper[i]) {
            return new Estimate(point, point, point, 1 - alpha, method + " (empty interval)");
        }
        double p = Math.min(Math.max(point, lower[i]), upper[i]);
        return new Estimate(p, lower[i], upper[i], 1 - alpha, method);
    }
}
