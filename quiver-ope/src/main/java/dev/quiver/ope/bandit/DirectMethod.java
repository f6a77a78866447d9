package dev.quiver.ope.bandit;

import dev.quiver.ope.bandit.data.LoggedBanditData;
import dev.quiver.ope.bandit.policy.ActionDistribution;

/**
 * The direct method (DM): {@code V = (1/n) sum_i sum_a pi_e(a | x_i) q_hat(x_i, a)}, the reward model's
 * prediction averaged over the logged contexts. Low variance; biased as far as the model is wrong. OBP
 * name {@code dm}.
 *
 * @see <a href="https://arxiv.org/abs/1103.4601">Dudik, Langford and Li (2011), Doubly Robust Policy
 *     Evaluation and Learning, arXiv:1103.4601</a>
 * @see <a href="https://arxiv.org/abs/2008.07146">Saito et al. (2021), Open Bandit Dataset and Pipeline,
 *     arXiv:2008.07146</a>
 */
public final class DirectMethod implements OffPolicyEstimator {
    @Override
    public String name() {
        return "dm";
    }

    @Override
    public boolean usesRewardModel() {
        return true;
    }

    @Override
    public RowTerms terms(LoggedBanditData data, ActionDistribution pi, double[][] qHat) {
        Inputs in = Inputs.of(data, pi, qHat, true);
        return new RowTerms(in.qPolicy, new double[in.n], null, "");
    }
}
