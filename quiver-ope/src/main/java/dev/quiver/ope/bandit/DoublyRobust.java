package dev.quiver.ope.bandit;

import dev.quiver.ope.bandit.data.LoggedBanditData;
import dev.quiver.ope.bandit.policy.ActionDistribution;

/**
 * The doubly robust estimator (DR) and its weight-shrinking variants: {@code V = (1/n) sum_i [q_hat(x_i,
 * pi_e) + w_hat(w_i) (r_i - q_hat(x_i, a_i))]}. With {@link WeightShrinkage#none()} it is unbiased when
 * either the propensities or the reward model are right (OBP's {@code dr}); {@link
 * WeightShrinkage#switching} gives Switch-DR ({@code switch-dr}, Wang et al. 2017), {@link
 * WeightShrinkage#optimistic} DR with optimistic shrinkage ({@code dr-os}, Su et al. 2020), {@link
 * WeightShrinkage#subGaussian} sub-Gaussian DR ({@code sg-dr}, Metelli et al. 2021) and {@link
 * WeightShrinkage#clipping} DR with clipped weights.
 *
 * @see <a href="https://arxiv.org/abs/1103.4601">Dudik, Langford and Li (2011), Doubly Robust Policy
 *     Evaluation and Learning, arXiv:1103.4601</a>
 * @see <a href="https://arxiv.org/abs/1612.01205">Wang, Agarwal and Dudik (2017), Optimal and Adaptive
 *     Off-policy Evaluation in Contextual Bandits, arXiv:1612.01205</a>
 * @see <a href="https://arxiv.org/abs/1907.09623">Su, Dimakopoulou, Krishnamurthy and Dudik (2020), Doubly
 *     Robust Off-Policy Evaluation with Shrinkage, arXiv:1907.09623</a>
 */
public final class DoublyRobust implements OffPolicyEstimator {
    private final String name;
    private final WeightShrinkage shrinkage;

    /** The estimator called {@code name} with weights shrunk by {@code shrinkage}. */
    public DoublyRobust(String name, WeightShrinkage shrinkage) {
        this.name = name;
        this.shrinkage = shrinkage;
    }

    /** Plain DR ({@code dr}). */
    public DoublyRobust() {
        this("dr", WeightShrinkage.none());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean usesRewardModel() {
        return true;
    }

    @Override
    public RowTerms terms(LoggedBanditData data, ActionDistribution pi, double[][] qHat) {
        Inputs in = Inputs.of(data, pi, qHat, true);
        double[] c = new double[in.n];
        for (int i = 0; i < in.n; i++) {
            double residual = in.r[i] - in.qFactual[i];
            double wHat = shrinkage.apply(in.w[i]);
            c[i] = wHat == 0 ? 0 : wHat * residual;
        }
        return new RowTerms(in.qPolicy, c, null, shrinkage.describe());
    }
}
