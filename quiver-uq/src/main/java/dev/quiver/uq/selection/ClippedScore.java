package dev.quiver.uq.selection;

/**
 * Jin and Candès's clipped score {@code V(x, y) = M·1{y > c} + c·1{y ≤ c} − μ̂(x)} with M = +∞: a calibration
 * unit above the threshold never counts against a test unit, and a unit below it scores {@code c − μ̂(x)},
 * exactly its test score. That equality under the null ({@code V(X_j, Y_j) = V̂_j} when {@code Y_j ≤ c}) is
 * what OptCS needs to treat a test unit as one more calibration unit, and it makes the p-values the most
 * powerful among monotone scores built on μ̂ (Jin and Candès, Section 3). M = +∞ gives the same p-values as any
 * M above the range of {@code c − μ̂}, which is the paper's requirement ("M sufficiently large").
 *
 * @param threshold the threshold c
 * @see <a href="https://arxiv.org/abs/2210.01408">Jin and Candès (2023), Selection by Prediction with Conformal
 *     p-values, JMLR 24, arXiv:2210.01408</a>
 */
public record ClippedScore(double threshold) implements SelectionScore {
    /** Validates c. */
    public ClippedScore {
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("selection threshold must be finite, got " + threshold);
        }
    }

    @Override
    public double score(double prediction, double outcome) {
        return outcome > threshold ? Double.POSITIVE_INFINITY : threshold - prediction;
    }
}
