package dev.quiver.ope.bandit;

import dev.quiver.ope.bandit.data.LoggedBanditData;
import dev.quiver.ope.bandit.policy.ActionDistribution;

/**
 * Inverse probability weighting (IPW, also IPS): {@code V = (1/n) sum_i w_hat(w_i) r_i} with {@code w_i =
 * pi_e(a_i | x_i) / pi_b(a_i | x_i)}. Unbiased with {@link WeightShrinkage#none()} and correct
 * propensities; {@link WeightShrinkage#clipping} (OBP's {@code ipw} with {@code lambda_}) and {@link
 * WeightShrinkage#subGaussian} (OBP's {@code sg-ipw}) trade bias for variance.
 *
 * @see <a href="https://doi.org/10.1080/01621459.1952.10483446">Horvitz and Thompson (1952), A
 *     Generalization of Sampling Without Replacement from a Finite Universe, JASA 47(260)</a>
 * @see <a href="https://arxiv.org/abs/2008.07146">Saito et al. (2021), Open Bandit Dataset and Pipeline,
 *     arXiv:2008.07146</a>
 */
public final class InverseProbabilityWeighting implements OffPolicyEstimator {
    private final String name;
    private final WeightShrinkage shrinkage;

    /** The estimator called {@code name} with weights shrunk by {@code shrinkage}. */
    public InverseProbabilityWeighting(String name, WeightShrinkage shrinkage) {
        this.name = name;
        this.shrinkage = shrinkage;
    }

    /** Plain IPW ({@code ipw}). */
    public InverseProbabilityWeighting() {
        this("ipw", WeightShrinkage.none());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean usesRewardModel() {
        return false;
    }

    @Override
    public RowTerms terms(LoggedBanditData data, ActionDistribution pi, double[][] qHat) {
        Inputs in = Inputs.of(data, pi, qHat, false);
        double[] c = new double[in.n];
        for (int i = 0; i < in.n; i++) {
            c[i] = shrinkage.apply(in.w[i]) * in.r[i];
        }
        return new RowTerms(new double[in.n], c, null, shrinkage.describe());
    }
}
