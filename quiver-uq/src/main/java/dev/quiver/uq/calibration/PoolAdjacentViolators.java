package dev.quiver.uq.calibration;

/**
 * The pool-adjacent-violators algorithm: the weighted least-squares fit of a non-decreasing sequence,
 * {@code argmin Σ w_i (f_i − y_i)²} subject to {@code f_1 ≤ … ≤ f_n}. Values are scanned left to right and
 * adjacent blocks whose means violate the order are pooled into their weighted mean; the result is constant on
 * blocks, each block's value the weighted mean of its y's. O(n).
 *
 * @see <a href="https://doi.org/10.1214/aoms/1177728423">Ayer, Brunk, Ewing, Reid and Silverman (1955), An
 *     empirical distribution function for sampling with incomplete information, Ann. Math. Statist. 26(4)</a>
 * @see <a href="https://doi.org/10.1145/775047.775151">Zadrozny and Elkan (2002), Transforming classifier scores
 *     into accurate multiclass probability estimates, KDD (isotonic calibration)</a>
 */
public final class PoolAdjacentViolators {
    private PoolAdjacentViolators() {
    }

    /** The non-decreasing fit to {@code y} with unit weights. */
    public static double[] fit(double[] y) {
        double[] w = new double[y.length];
        java.util.Arrays.fill(w, 1);
        return fit(y, w);
    }

    /**
     * The non-decreasing weighted least-squares fit to {@code y}.
     *
     * @param y the values, in order (finite)
     * @param w positive finite weights
     */
    public static double[] fit(double[] y, double[] w) {
        int n = y.length;
        if (w.length != n) {
            throw new IllegalArgumentException(n + " values but " + w.length + " weights");
        }
        double[] mean = new double[n];
        double[] weight = new double[n];
        int[] end = new int[n];
        int blocks = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(y[i]) || !(w[i] > 0) || !Double.isFinite(w[i])) {
                throw new IllegalArgumentException("value " + i + " must be finite with a positive finite weight, got "
                        + y[i] + " (weight " + w[i] + ")");
            }
            mean[blocks] = y[i];
            weight[blocks] = w[i];
            end[blocks] = i;
            blocks++;
            while (blocks > 1 && mean[blocks - 2] > mean[blocks - 1]) {
                double ww = weight[blocks - 2] + weight[blocks - 1];
                mean[blocks - 2] = (weight[blocks - 2] * mean[blocks - 2] + weight[blocks - 1] * mean[blocks - 1]) / ww;
                weight[blocks - 2] = ww;
                end[blocks - 2] = end[blocks - 1];
                blocks--;
            }
        }
        double[] f = new double[n];
        int start = 0;
        for (int b = 0; b < blocks; b++) {
            for (int i = start; i <= end[b]; i++) {
                f[i] = mean[b];
            }
            start = end[b] + 1;
        }
        return f;
    }
}
