package dev.quiver.uq.abstention;

/**
 * The per-input reward that a conformal abstention policy maximises, the paper's cost with a negative sign:
 * for a prediction (a set C of labels, a single label being |C| = 1)
 * {@code r = −missCost·1{y ∉ C} − sizeCost·max(0, |C| − 1)}, and for an abstention {@code r = −abstentionCost}.
 * Tayebati et al. minimise {@code error + λ₁·set size + λ₂·abstention rate}; we charge the size from the
 * second label on (a single label is free) so that a correct single label scores 0, the best outcome, and
 * expose the weight of a miss so coverage can be traded against size. The defaults are our choice (the
 * paper's code uses λ₁ = λ₂ = 0.5 on its raw set size): a miss costs 1, each extra label 0.1, an abstention
 * 0.35, so abstaining beats any set of five or more labels and any set whose miss probability exceeds
 * {@code 0.35 − 0.1(|C| − 1)}.
 *
 * @param missCost the cost of a prediction that misses the label (> 0)
 * @param sizeCost the cost of each label beyond the first (≥ 0)
 * @param abstentionCost the cost of abstaining (≥ 0)
 * @see <a href="https://arxiv.org/abs/2502.06884">Tayebati et al. (2025), Learning Conformal Abstention
 *     Policies, arXiv:2502.06884 (the cost: error + λ₁ set size + λ₂ abstention)</a>
 */
public record AbstentionUtility(double missCost, double sizeCost, double abstentionCost) {
    /** Validates the costs. */
    public AbstentionUtility {
        if (!(missCost > 0) || !(sizeCost >= 0) || !(abstentionCost >= 0) || !Double.isFinite(missCost)
                || !Double.isFinite(sizeCost) || !Double.isFinite(abstentionCost)) {
            throw new IllegalArgumentException("need finite costs: miss > 0, size >= 0, abstention >= 0; got " + missCost
                    + ", " + sizeCost + ", " + abstentionCost);
        }
    }

    /** Miss 1, extra label 0.1, abstention 0.35. */
    public static AbstentionUtility defaults() {
        return new AbstentionUtility(1.0, 0.1, 0.35);
    }

    /** A copy with another size cost. */
    public AbstentionUtility withSizeCost(double c) {
        return new AbstentionUtility(missCost, c, abstentionCost);
    }

    /** A copy with another abstention cost. */
    public AbstentionUtility withAbstentionCost(double c) {
        return new AbstentionUtility(missCost, sizeCost, c);
    }

    /** A copy with another miss cost. */
    public AbstentionUtility withMissCost(double c) {
        return new AbstentionUtility(c, sizeCost, abstentionCost);
    }

    /** The reward of predicting a set of {@code size} labels that does ({@code covered}) or does not hold y. */
    public double prediction(int size, boolean covered) {
        if (size < 0) {
            throw new IllegalArgumentException("set size must be >= 0, got " + size);
        }
        return -(covered ? 0 : missCost) - sizeCost * Math.max(0, size - 1);
    }

    /** The reward of abstaining. */
    public double abstention() {
        return -abstentionCost;
    }

    /** The smallest reward any output can get with K labels (for bandits that rescale rewards). */
    public double lowest(int numClasses) {
        return Math.min(-abstentionCost, -missCost - sizeCost * Math.max(0, numClasses - 1));
    }
}
