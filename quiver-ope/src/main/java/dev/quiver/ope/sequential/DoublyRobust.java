package dev.quiver.ope.sequential;

import dev.quiver.core.estimate.Estimate;
import java.util.Objects;

/**
 * The per-decision doubly robust estimator: importance sampling with an action-value model {@code Q} as a
 * control variate. Per episode, unrolling Jiang and Li's recursion {@code V_DR = V(s_t) + rho_t (r_t + gamma
 * V_DR' - Q(s_t, a_t))} with {@code V(s) = sum_a pi_e(a|s) Q(s, a)}:
 * {@code sum_t gamma^t [w_t (r_t - Q(s_t, a_t)) + w_{t-1} V(s_t)]}, {@code w_t} the cumulative importance ratio
 * and {@code w_{-1} = 1}; the estimate is the mean over episodes. Unbiased whatever {@code Q} (with correct
 * propensities); the better {@code Q}, the smaller its variance; with the exact {@code Q} of the evaluation
 * policy only the randomness of the transitions and rewards is left. With {@link #weighted} the cumulative
 * weights of each step are normalised over episodes (Thomas and Brunskill's weighted doubly robust, WDR), as
 * {@link WeightedPerDecisionImportanceSampling} does.
 *
 * <p>{@code Q} is held fixed across bootstrap resamples: when it was fitted on the same episodes (e.g. by
 * {@link FittedQEvaluation}), the interval does not include its fitting error.
 *
 * @see <a href="https://arxiv.org/abs/1511.03722">Jiang, N. and Li, L. (2016). Doubly Robust Off-policy Value
 *     Evaluation for Reinforcement Learning. ICML. arXiv:1511.03722</a>
 * @see <a href="https://arxiv.org/abs/1604.00923">Thomas, P. S. and Brunskill, E. (2016). Data-Efficient
 *     Off-Policy Policy Evaluation for Reinforcement Learning. ICML. arXiv:1604.00923</a>
 */
public final class DoublyRobust implements SequentialEstimator {
    /** The name of the ordinary form on the command line and in JSON. */
    public static final String NAME = "dr";
    /** The name of the weighted form. */
    public static final String WEIGHTED_NAME = "wdr";
    private final ActionValueFunction q;
    private final boolean weighted;

    private DoublyRobust(ActionValueFunction q, boolean weighted) {
        this.q = Objects.requireNonNull(q, "q");
        this.weighted = weighted;
    }

    /** The ordinary per-decision doubly robust estimator with model {@code q}. */
    public static DoublyRobust of(ActionValueFunction q) {
        return new DoublyRobust(q, false);
    }

    /** The weighted (self-normalised) doubly robust estimator with model {@code q}. */
    public static DoublyRobust weighted(ActionValueFunction q) {
        return new DoublyRobust(q, true);
    }

    @Override
    public String name() {
        return weighted ? WEIGHTED_NAME : NAME;
    }

    @Override
    public Estimate estimate(OffPolicyData data, SequentialOpeConfig config) {
        PerDecisionTerms terms = terms(data, config.gamma());
        if (weighted) {
            return EpisodeBootstrap.estimate(terms.episodes(), terms::weightedValue, config, "WDR");
        }
        double[] v = terms.episodeValues();
        return EpisodeBootstrap.estimate(v.length, c -> EpisodeBootstrap.mean(v, c), config, "DR");
    }

    /** Each episode's ordinary doubly robust term; their mean is the {@link #of} estimate. */
    public double[] episodeValues(OffPolicyData data, double gamma) {
        return terms(data, gamma).episodeValues();
    }

    private PerDecisionTerms terms(OffPolicyData data, double gamma) {
        if (q.numActions() != data.numActions()) {
            throw new IllegalArgumentException("the action-value model has " + q.numActions()
                    + " actions, the data " + data.numActions());
        }
        return PerDecisionTerms.of(data, gamma, q.stepValues(data.dataset()));
    }
}
