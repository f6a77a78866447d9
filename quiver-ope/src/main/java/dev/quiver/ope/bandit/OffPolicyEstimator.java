package dev.quiver.ope.bandit;

import dev.quiver.core.estimate.Estimate;
import dev.quiver.ope.bandit.data.LoggedBanditData;
import dev.quiver.ope.bandit.policy.ActionDistribution;

/**
 * An off-policy estimator of a bandit policy's value {@code V(pi_e) = E_x[sum_a pi_e(a|x) q(x, a)]} from
 * logs of another policy: the logged data, the evaluation policy's action probabilities on the logged
 * rows, and (for the model-based estimators) a reward model's predictions {@code q_hat[i][a]}. {@link
 * Estimators} builds them by name, with Open Bandit Pipeline's names.
 *
 * @see <a href="https://arxiv.org/abs/2008.07146">Saito, Aihara, Matsutani and Narita (2021), Open Bandit
 *     Dataset and Pipeline, arXiv:2008.07146</a>
 */
public interface OffPolicyEstimator {
    /** The estimator's name, e.g. {@code "dr"} or {@code "switch-dr"}. */
    String name();

    /** Whether {@link #terms} reads {@code qHat} (else it may be null). */
    boolean usesRewardModel();

    /**
     * The per-row terms of the estimate.
     *
     * @param qHat {@code q_hat[i][a]} for every row and action at the row's position, or null when {@link
     *     #usesRewardModel()} is false
     * @throws IllegalArgumentException if the shapes disagree
     */
    RowTerms terms(LoggedBanditData data, ActionDistribution pi, double[][] qHat);

    /** The point estimate. */
    default double value(LoggedBanditData data, ActionDistribution pi, double[][] qHat) {
        return terms(data, pi, qHat).value();
    }

    /** The point estimate with its bootstrap interval. */
    default Estimate estimate(LoggedBanditData data, ActionDistribution pi, double[][] qHat,
            BootstrapSettings settings) {
        return terms(data, pi, qHat).bootstrap(settings);
    }
}
