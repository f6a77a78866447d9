package dev.quiver.eval.holdout;

/**
 * A holdout set that answers statistical queries: given a query's mean on the training set and on the
 * holdout set, it returns the estimate the analyst gets to see. {@link StandardHoldout} returns the holdout
 * mean as is (and so can be overfitted by an adaptive analyst); {@link ReusableHoldout} (Thresholdout)
 * mostly returns the training mean and reveals noisy holdout values only when the two disagree.
 *
 * <p>Implementations are stateful (noise, budget) and not thread-safe: queries form one sequence.
 *
 * @see <a href="https://doi.org/10.1126/science.aaa9375">Dwork, C., Feldman, V., Hardt, M., Pitassi, T.,
 *     Reingold, O. and Roth, A. (2015). The reusable holdout: Preserving validity in adaptive data
 *     analysis. Science 349(6248), 636-638</a>
 */
public interface Holdout {
    /**
     * The answer to a query whose mean is {@code trainValue} on the training set and {@code holdoutValue} on
     * the holdout set (e.g. a classifier's accuracy, or a feature's correlation with the label).
     *
     * @throws IllegalArgumentException if a value is not finite
     */
    double answer(double trainValue, double holdoutValue);

    /** The answer to {@code query}: {@code answer(query.onTraining(), query.onHoldout())}. */
    default double answer(Query query) {
        return answer(query.onTraining(), query.onHoldout());
    }

    /**
     * The answer to the query whose values on each training point are {@code phiOnTraining} and on each
     * holdout point {@code phiOnHoldout}: the means of the two arrays go to {@link #answer(double, double)}.
     */
    default double answer(double[] phiOnTraining, double[] phiOnHoldout) {
        return answer(Query.of(phiOnTraining, phiOnHoldout));
    }

    /** The number of queries answered so far. */
    int queries();
}
