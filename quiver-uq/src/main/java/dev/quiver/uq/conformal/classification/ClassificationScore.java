package dev.quiver.uq.conformal.classification;

/**
 * A nonconformity score of a candidate label given estimated class probabilities (larger = less
 * conforming). The prediction set at threshold t is {@code {y : s(π(x), y, u) ≤ t}}; randomised scores use
 * the uniform draw u (one per row, shared by all candidate labels of that row).
 */
public interface ClassificationScore {
    /**
     * The score of {@code label}.
     *
     * @param probs the estimated class probabilities of one row
     * @param label the candidate label
     * @param u a uniform draw in [0, 1) (ignored by non-randomised scores)
     */
    double score(double[] probs, int label, double u);

    /** Whether the score uses u. */
    boolean randomized();

    /** A short name, e.g. {@code "lac"}. */
    String name();
}
