package dev.quiver.uq.aggregation;

/**
 * The quantile-crossing penalty of the paper's aggregators: for one row of quantiles {@code q_1..q_m} at
 * ascending levels, the mean over all pairs {@code l < k} of {@code (q_l − q_k + δ (τ_k − τ_l))_+}. With
 * margin {@code δ = 0} it is zero exactly when the quantiles are non-decreasing; a margin {@code δ > 0} also
 * asks neighbouring quantiles to stay {@code δ (τ_k − τ_l)} apart (the paper's margin, in the units of the
 * standardised target when used inside the aggregators). Averaging over the {@code m(m − 1)/2} pairs, rather
 * than summing, is the normalisation of the paper's public code; the weight of the penalty is set by the
 * aggregators.
 *
 * @param margin the margin δ ≥ 0
 * @see <a href="https://arxiv.org/abs/2103.00083">Fakoor et al. (2023), Flexible Model Aggregation for
 *     Quantile Regression, arXiv:2103.00083 (Section 4, crossing penalty)</a>
 */
public record CrossingPenalty(double margin) {
    /** Validates δ. */
    public CrossingPenalty {
        if (!(margin >= 0) || !Double.isFinite(margin)) {
            throw new IllegalArgumentException("crossing margin must be finite and >= 0, got " + margin);
        }
    }

    /** No margin: the penalty measures crossings only. */
    public static CrossingPenalty noMargin() {
        return new CrossingPenalty(0);
    }

    /** The penalty of one row. */
    public double value(double[] levels, double[] q) {
        int m = q.length;
        if (m < 2) {
            return 0;
        }
        double s = 0;
        for (int l = 0; l < m; l++) {
            for (int k = l + 1; k < m; k++) {
                double v = q[l] - q[k] + margin * (levels[k] - levels[l]);
                if (v > 0) {
                    s += v;
                }
            }
        }
        return s / pairs(m);
    }

    /**
     * Adds {@code scale} times the (sub)gradient of {@link #value} with respect to {@code q} to {@code grad}
     * (a pair at exactly zero contributes nothing).
     */
    public void addGradient(double[] levels, double[] q, double scale, double[] grad) {
        int m = q.length;
        if (m < 2) {
            return;
        }
        double c = scale / pairs(m);
        for (int l = 0; l < m; l++) {
            for (int k = l + 1; k < m; k++) {
                if (q[l] - q[k] + margin * (levels[k] - levels[l]) > 0) {
                    grad[l] += c;
                    grad[k] -= c;
                }
            }
        }
    }

    /** The mean penalty over rows. */
    public double mean(double[] levels, double[][] q) {
        double s = 0;
        for (double[] row : q) {
            s += value(levels, row);
        }
        return q.length == 0 ? 0 : s / q.length;
    }

    static double pairs(int m) {
        return m * (m - 1) / 2.0;
    }
}
