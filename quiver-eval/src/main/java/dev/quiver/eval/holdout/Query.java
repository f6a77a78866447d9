package dev.quiver.eval.holdout;

/**
 * A statistical query {@code phi}, evaluated on both data sets: its mean over the training set and over the
 * holdout set ({@code E_St[phi]} and {@code E_Sh[phi]} in Dwork et al.'s notation).
 *
 * @see <a href="https://doi.org/10.1126/science.aaa9375">Dwork et al. (2015). The reusable holdout:
 *     Preserving validity in adaptive data analysis. Science 349(6248)</a>
 */
public interface Query {
    /** The query's mean over the training set. */
    double onTraining();

    /** The query's mean over the holdout set. */
    double onHoldout();

    /** The query with these two means. */
    static Query ofMeans(double onTraining, double onHoldout) {
        return new Query() {
            @Override
            public double onTraining() {
                return onTraining;
            }

            @Override
            public double onHoldout() {
                return onHoldout;
            }
        };
    }

    /**
     * The query whose value on each training point is {@code phiOnTraining[i]} and on each holdout point
     * {@code phiOnHoldout[j]} (the means are taken now).
     *
     * @throws IllegalArgumentException if an array is empty
     */
    static Query of(double[] phiOnTraining, double[] phiOnHoldout) {
        return ofMeans(mean(phiOnTraining, "training"), mean(phiOnHoldout, "holdout"));
    }

    private static double mean(double[] xs, String which) {
        if (xs.length == 0) {
            throw new IllegalArgumentException("the query has no values on the " + which + " set");
        }
        double s = 0;
        for (double x : xs) {
            s += x;
        }
        return s / xs.length;
    }
}
