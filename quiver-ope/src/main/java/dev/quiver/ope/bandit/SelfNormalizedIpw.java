package dev.quiver.ope.bandit;

import dev.quiver.ope.bandit.data.LoggedBanditData;
import dev.quiver.ope.bandit.policy.ActionDistribution;

/**
 * Self-normalised IPW (SNIPW): {@code V = sum_i w_i r_i / sum_i w_i}. Biased (consistent) but bounded by
 * the rewards' range and far less variable than IPW when weights are large. OBP name {@code snipw}.
 *
 * @see <a href="https://papers.nips.cc/paper/5748-the-self-normalized-estimator-for-counterfactual-learning">
 *     Swaminathan and Joachims (2015), The Self-Normalized Estimator for Counterfactual Learning, NeurIPS
 *     2015</a>
 */
public final class SelfNormalizedIpw implements OffPolicyEstimator {
    @Override
    public String name() {
        return "snipw";
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
            c[i] = in.w[i] * in.r[i];
        }
        return new RowTerms(new double[in.n], c, in.w.clone(), "");
    }
}
