package dev.quiver.uq.aggregation;

import dev.quiver.uq.conformal.CalibrationScores;

/**
 * Conformal calibration of a vector of quantiles at levels symmetric about 1/2, as Fakoor et al. apply it to
 * the aggregate: each central interval {@code [q_l, q_{m+1−l}]} (levels {@code τ_l < 1/2 < 1 − τ_l}) is
 * conformalised separately by CQR at miscoverage {@code α_l = 2τ_l} — the calibration scores
 * {@code max(q_l(x) − y, y − q_{m+1−l}(x))} give the offset {@code t_l}, the {@code ⌈(n + 1)(1 − α_l)⌉}-th
 * smallest, and the interval becomes {@code [q_l − t_l, q_{m+1−l} + t_l]} — so each has marginal coverage at
 * least {@code 1 − α_l} under exchangeability. The median (odd m) is left alone.
 *
 * <p>Separately calibrated intervals need not be nested, so the result is then made monotone by nesting from
 * the inside out: each lower end becomes the minimum of itself, the lower ends inside it and the median, each
 * upper end the maximum likewise (the cumulative min/max from the centre used by the paper's code). This only
 * widens intervals, so every interval keeps its coverage guarantee, and the quantile vector becomes
 * non-decreasing.
 *
 * @see <a href="https://arxiv.org/abs/2103.00083">Fakoor et al. (2023), Flexible Model Aggregation for
 *     Quantile Regression, arXiv:2103.00083 (Section 5, conformal calibration)</a>
 * @see <a href="https://arxiv.org/abs/1905.03222">Romano, Patterson and Candès (2019), Conformalized Quantile
 *     Regression, arXiv:1905.03222</a>
 */
public final class ConformalQuantileCalibration {
    private final double[] levels;
    private final double[] offsets;

    private ConformalQuantileCalibration(double[] levels, double[] offsets) {
        this.levels = levels;
        this.offsets = offsets;
    }

    /**
     * Calibrates on held-out rows.
     *
     * @param levels ascending levels with {@code τ_l + τ_{m+1−l} = 1} (within 1e-9)
     * @param q the predicted quantiles of the calibration rows, {@code [row][level]}
     * @param y the calibration targets
     */
    public static ConformalQuantileCalibration fit(double[] levels, double[][] q, double[] y) {
        int m = levels.length;
        for (int l = 0; l < m; l++) {
            if (Math.abs(levels[l] + levels[m - 1 - l] - 1) > 1e-9) {
                throw new IllegalArgumentException("conformal calibration needs levels symmetric about 1/2, got "
                        + java.util.Arrays.toString(levels));
            }
        }
        if (q.length != y.length || y.length == 0) {
            throw new IllegalArgumentException("need calibration rows: " + q.length + " prediction rows, " + y.length
                    + " targets");
        }
        double[] t = new double[m / 2];
        for (int l = 0; l < m / 2; l++) {
            double[] s = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                s[i] = Math.max(q[i][l] - y[i], y[i] - q[i][m - 1 - l]);
            }
            t[l] = CalibrationScores.of(s).quantile(2 * levels[l]);
        }
        return new ConformalQuantileCalibration(levels.clone(), t);
    }

    /** The offsets {@code t_l}, outermost pair first (a copy; +∞ when the calibration set is too small). */
    public double[] offsets() {
        return offsets.clone();
    }

    /** The calibrated, nested quantiles of one row. */
    public double[] apply(double[] q) {
        int m = levels.length;
        if (q.length != m) {
            throw new IllegalArgumentException(q.length + " quantiles, expected " + m);
        }
        double[] out = q.clone();
        for (int l = 0; l < m / 2; l++) {
            out[l] = q[l] - offsets[l];
            out[m - 1 - l] = q[m - 1 - l] + offsets[l];
        }
        int inner = m / 2 - 1;
        if (inner >= 0) {
            if (m % 2 == 1) {
                double med = out[m / 2];
                out[inner] = Math.min(out[inner], med);
                out[m - 1 - inner] = Math.max(out[m - 1 - inner], med);
            } else if (out[inner] > out[m - 1 - inner]) {
                double lo = out[m - 1 - inner];
                out[m - 1 - inner] = out[inner];
                out[inner] = lo;
            }
            for (int l = inner - 1; l >= 0; l--) {
                out[l] = Math.min(out[l], out[l + 1]);
                out[m - 1 - l] = Math.max(out[m - 1 - l], out[m - 2 - l]);
            }
        }
        return out;
    }

    /** The calibrated, nested quantiles of every row. */
    public double[][] apply(double[][] q) {
        double[][] out = new double[q.length][];
        for (int i = 0; i < q.length; i++) {
            out[i] = apply(q[i]);
        }
        return out;
    }
}
