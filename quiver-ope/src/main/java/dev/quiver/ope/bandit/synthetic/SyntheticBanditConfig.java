package dev.quiver.ope.bandit.synthetic;

/**
 * The settings of a {@link SyntheticBanditDataset}; defaults follow Open Bandit Pipeline's {@code
 * SyntheticBanditDataset} (10 actions, 5 context dimensions, one-hot action contexts, logistic rewards,
 * softmax behaviour policy with {@code beta = 1}).
 *
 * @param numActions the number of actions {@code K}, at least 2
 * @param contextDim the context dimension {@code d}, at least 1 (contexts are {@code N(0, I_d)})
 * @param actionContextDim the dimension of the action contexts; 0 for one-hot ({@code e_a} = the
 *     {@code a}-th unit vector of length {@code K}), else {@code N(0, I)} vectors drawn once
 * @param rewardFunction the expected reward {@code q(x, a)}
 * @param rewardStd the standard deviation of the Gaussian reward noise (continuous kinds only)
 * @param beta the inverse temperature of the softmax behaviour policy {@code pi_b(a|x) ~ exp(beta q(x,a))}
 *     (0: uniform logging; negative: logging prefers bad actions)
 * @see <a href="https://arxiv.org/abs/2008.07146">Saito, Aihara, Matsutani and Narita (2021), Open Bandit
 *     Dataset and Pipeline, arXiv:2008.07146</a>
 */
public record SyntheticBanditConfig(int numActions, int contextDim, int actionContextDim,
        RewardFunction rewardFunction, double rewardStd, double beta) {

    /** Validates the settings. */
    public SyntheticBanditConfig {
        if (numActions < 2) {
            throw new IllegalArgumentException("numActions must be at least 2, got " + numActions);
        }
        if (contextDim < 1) {
            throw new IllegalArgumentException("contextDim must be at least 1, got " + contextDim);
        }
        if (actionContextDim < 0) {
            throw new IllegalArgumentException("actionContextDim must be >= 0 (0 = one-hot), got " + actionContextDim);
        }
        java.util.Objects.requireNonNull(rewardFunction, "rewardFunction");
        if (!(rewardStd >= 0) || !Double.isFinite(rewardStd)) {
            throw new IllegalArgumentException("rewardStd must be finite and >= 0, got " + rewardStd);
        }
        if (!Double.isFinite(beta)) {
            throw new IllegalArgumentException("beta must be finite, got " + beta);
        }
    }

    /** OBP's defaults: 10 actions, d = 5, one-hot action contexts, logistic rewards, noise 1, beta 1. */
    public static SyntheticBanditConfig defaults() {
        return new SyntheticBanditConfig(10, 5, 0, RewardFunction.LOGISTIC, 1.0, 1.0);
    }

    /** A copy with {@code numActions}. */
    public SyntheticBanditConfig withNumActions(int numActions) {
        return new SyntheticBanditConfig(numActions, contextDim, actionContextDim, rewardFunction, rewardStd, beta);
    }

    /** A copy with {@code contextDim}. */
    public SyntheticBanditConfig withContextDim(int contextDim) {
        return new SyntheticBanditConfig(numActions, contextDim, actionContextDim, rewardFunction, rewardStd, beta);
    }

    /** A copy with {@code actionContextDim}. */
    public SyntheticBanditConfig withActionContextDim(int actionContextDim) {
        return new SyntheticBanditConfig(numActions, contextDim, actionContextDim, rewardFunction, rewardStd, beta);
    }

    /** A copy with {@code rewardFunction}. */
    public SyntheticBanditConfig withRewardFunction(RewardFunction rewardFunction) {
        return new SyntheticBanditConfig(numActions, contextDim, actionContextDim, rewardFunction, rewardStd, beta);
    }

    /** A copy with {@code rewardStd}. */
    public SyntheticBanditConfig withRewardStd(double rewardStd) {
        return new SyntheticBanditConfig(numActions, contextDim, actionContextDim, rewardFunction, rewardStd, beta);
    }

    /** A copy with {@code beta}. */
    public SyntheticBanditConfig withBeta(double beta) {
        return new SyntheticBanditConfig(numActions, contextDim, actionContextDim, rewardFunction, rewardStd, beta);
    }
}
