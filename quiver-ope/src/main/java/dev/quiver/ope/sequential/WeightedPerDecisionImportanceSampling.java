package dev.quiver.ope.sequential;

import dev.quiver.core.estimate.Estimate;

/**
 * Weighted (self-normalised) per-decision importance sampling, WPDIS: {@code V = sum_t gamma^t sum_i
 * (w_t^i / sum_j w_t^j) r_t^i}, PDIS with the cumulative weights of each step normalised to sum to one over the
 * episodes. Biased but consistent, and much less variable than PDIS because no reward is ever weighted by more
 * than one. Episodes shorter than the longest keep their final weight in the later normalising sums (padding
 * with an absorbing state where both policies agree); see {@code PerDecisionTerms}.
 *
 * @see "Precup, D., Sutton, R. S. and Singh, S. (2000). Eligibility Traces for Off-Policy Policy Evaluation.
 *     ICML (weighted per-decision IS)"
 * @see <a href="https://arxiv.org/abs/1604.00923">Thomas, P. S. and Brunskill, E. (2016). Data-Efficient
 *     Off-Policy Policy Evaluation for Reinforcement Learning. ICML. arXiv:1604.00923</a> (the weighted weights
 *     of section 3)
 */
public final class WeightedPerDecisionImportanceSampling implements SequentialEstimator {
    /** The name used on the command line and in JSON. */
    public static final String NAME = "wis";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Estimate estimate(OffPolicyData data, SequentialOpeConfig config) {
        PerDecisionTerms terms = PerDecisionTerms.of(data, config.gamma(), null);
        return EpisodeBootstrap.estimate(terms.episodes(), terms::weightedValue, config, "WPDIS");
    }
}
