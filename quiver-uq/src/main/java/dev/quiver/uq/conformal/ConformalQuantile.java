package dev.quiver.uq.conformal;

import dev.quiver.uq.linalg.OrderStatistics;

/**
 * The finite-sample quantiles of conformal prediction. For n calibration scores and miscoverage α, the
 * threshold is the {@code k}-th smallest score with {@code k = ⌈(n + 1)(1 − α)⌉}, i.e. the empirical
 * quantile at level {@code ⌈(n + 1)(1 − α)⌉ / n}; when {@code k > n} (too few scores for level 1 − α) it
 * is {@code +∞} (the interval or set is everything). With exchangeable data a new score is at most this
 * threshold with probability at least 1 − α, and at most {@code 1 − α + 1/(n + 1)} when scores have no ties.
 *
 * <p>The lower counterpart used by jackknife+ and CV+ is the {@code ⌊α(n + 1)⌋}-th smallest value
 * ({@code −∞} when that is 0). Ranks are computed with a relative tolerance of 1e-12 so that products
 * that are integers in exact arithmetic (e.g. {@code (9 + 1)·0.9}) are not pushed up or down by rounding.
 *
 * @see <a href="https://arxiv.org/abs/1604.04173">Lei, G'Sell, Rinaldo, Tibshirani and Wasserman (2018),
 *     Distribution-Free Predictive Inference for Regression, arXiv:1604.04173</a>
 * @see <a href="https://arxiv.org/abs/2107.07511">Angelopoulos and Bates (2021), A Gentle Introduction to
 *     Conformal Prediction and Distribution-Free Uncertainty Quantification, arXiv:2107.07511</a>
 */
public final class ConformalQuantile {
    private ConformalQuantile() {
    }

    /** {@code ⌈(n + 1)(1 − α)⌉}, the 1-based rank of the upper threshold (may exceed n). */
    public static int upperRank(int n, double alpha) {
        checkAlpha(alpha);
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        double v = (n + 1) * (1 - alpha);
        return (int) Math.ceil(v - 1e-12 * Math.max(1, v));
    }

    /** {@code ⌊α(n + 1)⌋}, the 1-based rank of the lower threshold (may be 0). */
    public static int lowerRank(int n, double alpha) {
        checkAlpha(alpha);
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        double v = alpha * (n + 1);
        return (int) Math.floor(v + 1e-12 * Math.max(1, v));
    }

    /**
     * The upper conformal quantile of {@code values}: the {@link #upperRank}-th smallest, or {@code +∞}
     * if that rank exceeds {@code values.length}. {@code values} is not modified.
     */
    public static double upper(double[] values, double alpha) {
        int k = upperRank(values.length, alpha);
        return k > values.length ? Double.POSITIVE_INFINITY : OrderStatistics.kthSmallest(values, k);
    }

    /** As {@link #upper} but may reorder {@code values} (no copy). */
    public static double upperInPlace(double[] values, double alpha) {
        int k = upperRank(values.length, alpha);
        return k > values.length ? Double.POSITIVE_INFINITY : OrderStatistics.kthSmallestInPlace(values, k);
    }

    /**
     * The lower conformal quantile of {@code values}: the {@link #lowerRank}-th smallest, or {@code −∞}
     * if that rank is 0. {@code values} is not modified.
     */
    public static double lower(double[] values, double alpha) {
        int k = lowerRank(values.length, alpha);
        return k < 1 ? Double.NEGATIVE_INFINITY : OrderStatistics.kthSmallest(values, k);
    }

    /** As {@link #lower} but may reorder {@code values} (no copy). */
    public static double lowerInPlace(double[] values, double alpha) {
        int k = lowerRank(values.length, alpha);
        return k < 1 ? Double.NEGATIVE_INFINITY : OrderStatistics.kthSmallestInPlace(values, k);
    }

    /** Checks that α is in (0, 1). */
    public static void checkAlpha(double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("miscoverage alpha must be in (0, 1), got " + alpha);
        }
    }
}
