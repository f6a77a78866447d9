package dev.quiver.uq.conformal.classification;

/**
 * Adaptive prediction sets (APS): the probability mass of the labels ranked above y plus y's own,
 * {@code s(x, y, u) = Σ_{j ranked before y} π̂_j + u·π̂_y} (randomised) or
 * {@code Σ_{j ranked before y} π̂_j + π̂_y} (non-randomised), labels ranked by decreasing probability (ties
 * by index). Thresholding it includes labels in rank order until the mass reaches q̂. The randomised score
 * has exact coverage {@code 1 − α} up to {@code 1/(n + 1)}; its sets may be empty.
 *
 * @param randomized whether to use the uniform draw u
 * @see <a href="https://arxiv.org/abs/2006.02544">Romano, Sesia and Candès (2020), Classification with Valid
 *     and Adaptive Coverage, arXiv:2006.02544</a>
 */
public record ApsScore(boolean randomized) implements ClassificationScore {
    @Override
    public double score(double[] probs, int label, double u) {
        return RapsScore.massBefore(probs, label) + (randomized ? u : 1.0) * probs[label];
    }

    @Override
    public String name() {
        return "aps";
    }
}
