package dev.quiver.uq.aggregation;

/**
 * Isotonic regression of a sequence on its index by the pool-adjacent-violators algorithm: the
 * non-decreasing vector closest to {@code v} in (unweighted) least squares, in O(m). Each maximal block of
 * violators is replaced by its mean.
 *
 * @see <a href="https://doi.org/10.1214/aoms/1177728423">Ayer, Brunk, Ewing, Reid and Silverman (1955), An
 *     empirical distribution function for sampling with incomplete information, Ann. Math. Statist. 26(4)</a>
 */
public final class PoolAdjacentViolators {
    private PoolAdjacentViolators() {
    }

    /** The isotonic fit of {@code v} (a new array). */
    public static double[] fit(double[] v) {
        int m = v.length;
        double[] sum = new double[m];
        int[] count = new int[m];
        int blocks = 0;
        for (double x : v) {
            sum[blocks] = x;
            count[blocks] = 1;
            blocks++;
            while (blocks > 1 && sum[blocks - 2] * count[blocks - 1] > sum[blocks - 1] * count[blocks - 2]) {
                sum[blocks - 2] += sum[blocks - 1];
                count[blocks - 2] += count[blocks - 1];
                blocks--;
            }
        }
        double[] out = new double[m];
        int i = 0;
        for (int b = 0; b < blocks; b++) {
            double mean = sum[b] / count[b];
            for (int c = 0; c < count[b]; c++) {
                out[i++] = mean;
            }
        }
        return out;
    }
}
