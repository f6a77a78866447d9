package dev.quiver.ope.sequential;

import dev.quiver.core.estimate.Estimate;

/**
 * Per-decision importance sampling (PDIS): {@code V = (1/n) sum_i sum_t gamma^t w_t^i r_t^i} with the
 * cumulative ratio {@code w_t = prod_{k <= t} pi_e(a_k|s_k) / pi_b(a_k|s_k)}: each reward is weighted only by
 * the decisions that preceded it. Unbiased for {@code E_{pi_e}[sum_t gamma^t r_t]} over the episodes' horizon
 * when the behaviour propensities are right and positive wherever {@code pi_e} acts; its variance grows with
 * the horizon and the mismatch of the policies.
 *
 * @see "Precup, D., Sutton, R. S. and Singh, S. (2000). Eligibility Traces for Off-Policy Policy Evaluation.
 *     ICML"
 * @see <a href="https://arxiv.org/abs/1511.03722">Jiang, N. and Li, L. (2016). Doubly Robust Off-policy Value
 *     Evaluation for Reinforcement Learning. ICML. arXiv:1511.03722</a> (step-wise IS, section 2)
 */
public final class PerDecisionImportanceSampling implements SequentialEstimator {
    /** The name used on the command line and in JSON. */
    public static final String NAME = "pdis";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Estimate estimate(OffPolicyData data, SequentialOpeConfig config) {
        double[] v = episodeValues(data, config.gamma());
        return EpisodeBootstrap.estimate(v.length, c -> EpisodeBootstrap.mean(v, c), config, "PDIS");
    }

    /** Each episode's PDIS term {@code sum_t gamma^t w_t r_t}; their mean is the estimate. */
    public static double[] episodeValues(OffPolicyData data, double gamma) {
        return PerDecisionTerms.of(data, gamma, null).episodeValues();
    }
}
