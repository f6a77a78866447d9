package dev.quiver.ope.bandit;

import dev.quiver.ope.bandit.data.LoggedBanditData;
import dev.quiver.ope.bandit.policy.ActionDistribution;

/**
 * Self-normalised doubly robust (SNDR): {@code V = (1/n) sum_i q_hat(x_i, pi_e) + sum_i w_i (r_i - q_hat(x_i,
 * a_i)) / sum_i w_i}, DR with the correction term self-normalised as in SNIPW. OBP name {@code sndr}.
 *
 * @see <a href="https://arxiv.org/abs/1103.4601">Dudik, Langford and Li (2011), Doubly Robust Policy
 *     Evaluation and Learning, arXiv:1103.4601</a>
 * @see <a href="https://papers.nips.cc/paper/5748-the-self-normalized-estimator-for-counterfactual-learning">
 *     Swaminathan and Joachims (2015), The Self-Normalized Estimator for Counterfactual Learning, NeurIPS
 *     2015</a>
 */
public final class SelfNormalizedDr implements OffPolicyEstimator {
    @Override
    public String name() {
        return "sndr";
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
            c[i] = in.w[i] * (in.r[i] - in.qFactual[i]);
        }
        return new RowTerms(in.qPolicy, c, in.w.clone(), "");
    }
}
