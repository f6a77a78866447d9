package dev.quiver.bandits.sparse;

/**
 * Least squares on a G-optimal design: query each design arm, fit
 * {@code theta^ = V(pi)^-1 sum_k pi_k v_k rbar_k} ({@code rbar_k} the mean of arm {@code k}'s answers), the
 * design-weighted least squares of Lattimore, Szepesvari and Weisz (2020), whose predictions are off by at
 * most {@code epsilon sqrt(g)} (plus noise) on every arm when rewards are linear up to {@code epsilon}.
 *
 * <p>Queries per design arm: 1 without noise; with noise sd {@code sigma},
 * {@code max(1, ceil(pi_k * 2 g sigma^2 ln(2 K / delta) / accuracy^2))} so that every prediction is within
 * {@code accuracy} of its noiseless value with probability {@code 1 - delta} (Lattimore and Szepesvari,
 * "Bandit Algorithms", section 21.2).
 *
 * @see <a href="https://arxiv.org/abs/1911.07676">Lattimore, Szepesvari, Weisz (2020), arXiv:1911.07676</a>
 */
public final class DesignLeastSquares {
    private DesignLeastSquares() {
    }

    /**
     * The fitted parameter on coordinates {@code coords} of the arms.
     *
     * @param arms the instance (queried)
     * @param coords the coordinates the model uses (all of them, or a support)
     * @param design a design on the arms' projections onto {@code coords}
     * @param vectors those projections ({@code K x coords.length})
     * @param accuracy the target accuracy of predictions under noise
     * @param delta the failure probability under noise
     */
    public static double[] fit(MisspecifiedArms arms, int[] coords, GOptimalDesign design, double[][] vectors,
            double accuracy, double delta) {
        int m = coords.length;
        double sigma = arms.noiseSd();
        double scale = sigma == 0 ? 0
                : 2 * design.gMax() * sigma * sigma * Math.log(2.0 * arms.size() / delta) / (accuracy * accuracy);
        double[] rhs = new double[m];
        int[] support = design.support();
        double[] w = design.weights();
        for (int i = 0; i < support.length; i++) {
            int k = support[i];
            long n = Math.max(1, (long) Math.ceil(w[i] * scale));
            double sum = 0;
            for (long q = 0; q < n; q++) {
                sum += arms.query(k);
            }
            double rbar = sum / n;
            for (int j = 0; j < m; j++) {
                rhs[j] += w[i] * vectors[k][j] * rbar;
            }
        }
        return GOptimalDesign.factor(design.information(vectors), m).solve(rhs);
    }

    /** Each arm's features restricted to {@code coords}. */
    public static double[][] project(MisspecifiedArms arms, int[] coords) {
        double[][] v = new double[arms.size()][coords.length];
        for (int k = 0; k < arms.size(); k++) {
            for (int j = 0; j < coords.length; j++) {
                v[k][j] = arms.feature(k, coords[j]);
            }
        }
        return v;
    }

    /** The arm maximising {@code <v_k, theta>} (first on ties). */
    public static int argmax(double[][] vectors, double[] theta) {
        int best = 0;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < vectors.length; k++) {
            double s = 0;
            for (int j = 0; j < theta.length; j++) {
                s += vectors[k][j] * theta[j];
            }
            if (s > bestValue) {
                bestValue = s;
                best = k;
            }
        }
        return best;
    }
}
