package dev.quiver.uq.abstention;

/**
 * A learned conformal abstention policy run at a conformally calibrated miss cost μ̂
 * ({@link LearnedAbstentionPolicy#calibrate}): each output covers the label (an abstention counting as covered)
 * with probability at least {@code 1 − α} over exchangeable calibration and test rows.
 *
 * @see <a href="https://arxiv.org/abs/2502.06884">Tayebati et al. (2025), Learning Conformal Abstention
 *     Policies, arXiv:2502.06884</a>
 */
public final class CalibratedAbstentionPolicy {
    private final LearnedAbstentionPolicy policy;
    private final double missCost;
    private final double alpha;

    CalibratedAbstentionPolicy(LearnedAbstentionPolicy policy, double missCost, double alpha) {
        this.policy = policy;
        this.missCost = missCost;
        this.alpha = alpha;
    }

    /** The calibrated miss cost μ̂ ({@code +∞} possible: then every row abstains). */
    public double missCost() {
        return missCost;
    }

    /** The target miscoverage α. */
    public double alpha() {
        return alpha;
    }

    /** The learned policy. */
    public LearnedAbstentionPolicy policy() {
        return policy;
    }

    /** The arm chosen for each row at μ̂. */
    public int[] act(double[][] probs, double[][] features) {
        return policy.act(probs, features, missCost);
    }

    /** The outputs for new rows at μ̂. */
    public AbstentionPredictions predict(double[][] probs, double[][] features) {
        return LearnedAbstentionPolicy.outputs(policy.arms(), act(probs, features), probs);
    }
}
