package dev.quiver.uq.selection;

/**
 * The residual score {@code V(x, y) = y − μ̂(x)} (test score {@code c − μ̂(x)}): monotone and valid, but less
 * powerful than {@link ClippedScore} because calibration units far above c still count against test units
 * (Jin and Candès, Section 3). Kept for comparison.
 *
 * @param threshold the threshold c
 * @see <a href="https://arxiv.org/abs/2210.01408">Jin and Candès (2023), Selection by Prediction with Conformal
 *     p-values, JMLR 24, arXiv:2210.01408</a>
 */
public record ResidualScore(double threshold) implements SelectionScore {
    /** Validates c. */
    public ResidualScore {
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("selection threshold must be finite, got " + threshold);
        }
    }

    @Override
    public double score(double prediction, double outcome) {
        return outcome - prediction;
    }
}
