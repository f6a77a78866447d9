package dev.quiver.uq.aggregation;

/**
 * The pinball (check) loss {@code ψ_τ(r) = max(τ r, (τ − 1) r)} of a quantile prediction q at outcome y, with
 * {@code r = y − q}, and the weighted interval score of a vector of quantiles at levels {@code τ_1..τ_m}:
 * {@code WIS = (2/m) Σ_k ψ_{τ_k}(y − q_k)}.
 *
 * <p>For levels symmetric about 1/2 that include the median ({@code m = 2K + 1}: K central intervals at
 * miscoverage {@code α_k = 2τ_k} and the median) this is exactly the weighted interval score of Bracher et
 * al., {@code (1/(K + 1/2))(|y − m|/2 + Σ_k (α_k/2) IS_{α_k})}, because {@code ψ_{1/2}(r) = |r|/2} and
 * {@code ψ_{α/2} + ψ_{1−α/2} = (α/2) IS_α}; for other level sets it is twice the mean pinball loss, the
 * quantile score the paper minimises. Lower is better.
 *
 * @see <a href="https://arxiv.org/abs/2103.00083">Fakoor et al. (2023), Flexible Model Aggregation for
 *     Quantile Regression, arXiv:2103.00083 (Section 2: WIS as a sum of quantile losses)</a>
 * @see <a href="https://arxiv.org/abs/2005.12881">Bracher, Ray, Gneiting and Reich (2021), Evaluating
 *     epidemic forecasts in an interval format, arXiv:2005.12881</a>
 */
public final class QuantileLoss {
    private QuantileLoss() {
    }

    /** {@code ψ_τ(y − q)}. */
    public static double pinball(double tau, double y, double q) {
        double r = y - q;
        return r >= 0 ? tau * r : (tau - 1) * r;
    }

    /** The weighted interval score {@code (2/m) Σ_k ψ_{τ_k}(y − q_k)} of one row. */
    public static double wis(double[] levels, double[] q, double y) {
        if (q.length != levels.length) {
            throw new IllegalArgumentException(q.length + " quantiles but " + levels.length + " levels");
        }
        double s = 0;
        for (int k = 0; k < levels.length; k++) {
            s += pinball(levels[k], y, q[k]);
        }
        return 2 * s / levels.length;
    }

    /** The weighted interval score of each row of {@code q} ({@code [row][level]}). */
    public static double[] wisPerRow(double[] levels, double[][] q, double[] y) {
        if (q.length != y.length) {
            throw new IllegalArgumentException(q.length + " prediction rows but " + y.length + " targets");
        }
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = wis(levels, q[i], y[i]);
        }
        return out;
    }

    /** The mean weighted interval score over rows. */
    public static double meanWis(double[] levels, double[][] q, double[] y) {
        if (y.length == 0) {
            throw new IllegalArgumentException("no rows");
        }
        double s = 0;
        for (double v : wisPerRow(levels, q, y)) {
            s += v;
        }
        return s / y.length;
    }

    /** The share of rows with {@code y ≤ q[row][k]}: the empirical coverage of level k (ideally τ_k). */
    public static double levelCoverage(double[][] q, double[] y, int k) {
        int c = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i] <= q[i][k]) {
                c++;
            }
        }
        return (double) c / y.length;
    }

    /** The share of rows with {@code q[row][lo] ≤ y ≤ q[row][hi]}: the coverage of a central interval. */
    public static double intervalCoverage(double[][] q, double[] y, int lo, int hi) {
        int c = 0;
        for (int i = 0; i < y.length; i++) {
            if (q[i][lo] <= y[i] && y[i] <= q[i][hi]) {
                c++;
            }
        }
        return (double) c / y.length;
    }

    /** The mean of {@code q[row][hi] − q[row][lo]}. */
    public static double meanWidth(double[][] q, int lo, int hi) {
        double s = 0;
        for (double[] row : q) {
            s += row[hi] - row[lo];
        }
        return s / q.length;
    }
}
