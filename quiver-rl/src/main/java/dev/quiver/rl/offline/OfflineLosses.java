package dev.quiver.rl.offline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * The losses and targets the offline algorithms are built from, as functions of {@code NDArray}s (so they
 * can be checked against hand-computed values): IQL's expectile loss and advantage weights, the Huber loss
 * of RIQL, the CQL(H) log-sum-exp penalty, the ensemble quantile of RIQL's value target, TD3+BC's λ and the
 * negative log-likelihoods the actors are fitted with. Shapes are {@code (batch, 1)} unless stated.
 *
 * @see <a href="https://arxiv.org/abs/2110.06169">Kostrikov, I., Nair, A. and Levine, S. (2022). Offline
 *     Reinforcement Learning with Implicit Q-Learning. ICLR. arXiv:2110.06169</a>
 * @see <a href="https://arxiv.org/abs/2006.04779">Kumar, A., Zhou, A., Tucker, G. and Levine, S. (2020).
 *     Conservative Q-Learning for Offline Reinforcement Learning. NeurIPS. arXiv:2006.04779</a>
 * @see <a href="https://arxiv.org/abs/2106.06860">Fujimoto, S. and Gu, S. S. (2021). A Minimalist Approach to
 *     Offline Reinforcement Learning. NeurIPS. arXiv:2106.06860</a>
 * @see <a href="https://arxiv.org/abs/2310.12955">Yang, R. et al. (2024). Towards Robust Offline Reinforcement
 *     Learning under Diverse Data Corruption. ICLR. arXiv:2310.12955</a>
 */
public final class OfflineLosses {
    private static final float HALF_LOG_2PI = (float) (0.5 * Math.log(2 * Math.PI));

    private OfflineLosses() {
    }

    /**
     * IQL's expectile loss {@code mean(|τ − 1(u < 0)| · u²)} of the differences {@code u = Q − V} (eq. 5 of
     * Kostrikov et al.): τ = 0.5 is half the squared error, τ → 1 approaches the maximum.
     */
    public static NDArray expectile(NDArray u, double tau) {
        NDArray below = u.lt(0f).toType(DataType.FLOAT32, false);
        return below.neg().add((float) tau).abs().mul(u.square()).mean();
    }

    /**
     * The elementwise Huber loss in PyTorch's {@code smooth_l1_loss} form with threshold {@code delta}:
     * {@code 0.5 d² / δ} for {@code |d| < δ}, else {@code |d| − 0.5 δ} (RIQL's {@code huber_loss(d, σ)} with
     * {@code δ = 1/σ²}).
     */
    public static NDArray huber(NDArray d, double delta) {
        NDArray abs = d.abs();
        NDArray quadratic = abs.minimum((float) delta);
        return quadratic.square().mul((float) (0.5 / delta)).add(abs.sub(quadratic));
    }

    /** {@code log Σ_j exp(x_ij)} along {@code axis}, kept as a dimension of size 1; stable for large values. */
    public static NDArray logSumExp(NDArray x, int axis) {
        NDArray max = x.max(new int[] {axis}, true).stopGradient();
        return x.sub(max).exp().sum(new int[] {axis}, true).log().add(max);
    }

    /**
     * The CQL(H) penalty for discrete actions (Kumar et al., eq. 4; d3rlpy's DiscreteCQL):
     * {@code mean_s(log Σ_a exp Q(s, a) − Q(s, a_data))}.
     *
     * @param q every action's value, shape {@code (batch, numActions)}
     * @param taken the dataset action's value, shape {@code (batch, 1)}
     */
    public static NDArray discreteCqlPenalty(NDArray q, NDArray taken) {
        return logSumExp(q, 1).sub(taken).mean();
    }

    /**
     * The CQL(H) penalty for continuous actions from sampled actions (Kumar et al., appendix F):
     * {@code mean_s(T · log Σ_j exp(q_j / T) − Q(s, a_data))}, where the {@code q_j} are the (importance-
     * corrected) values of the sampled actions.
     *
     * @param sampled shape {@code (batch, samples)}
     * @param dataValue shape {@code (batch, 1)}
     * @param temperature T
     */
    public static NDArray sampledCqlPenalty(NDArray sampled, NDArray dataValue, double temperature) {
        return logSumExp(sampled.div((float) temperature), 1).mul((float) temperature).sub(dataValue).mean();
    }

    /**
     * The α-quantile over an ensemble's first axis with linear interpolation between order statistics (as
     * {@code torch.quantile}): α = 0 is the minimum (IQL's clipped double Q for two members), RIQL uses 0.25.
     *
     * @param values shape {@code (members, batch, 1)}
     */
    public static NDArray ensembleQuantile(NDArray values, double alpha) {
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("quantile level must be in [0, 1], got " + alpha);
        }
        long k = values.getShape().get(0);
        NDArray sorted = values.sort(0);
        double pos = alpha * (k - 1);
        long lo = (long) Math.floor(pos);
        long hi = Math.min(lo + 1, k - 1);
        double w = pos - lo;
        NDArray low = sorted.get(lo);
        return w == 0 ? low : low.mul((float) (1 - w)).add(sorted.get(hi).mul((float) w));
    }

    /** TD3+BC's {@code λ = α / mean|Q(s, π(s))|} (eq. 3 of Fujimoto and Gu), as a constant (no gradient). */
    public static double td3bcLambda(double alpha, NDArray q) {
        return alpha / q.abs().mean().getFloat();
    }

    /** The advantage weights {@code min(exp(β · A), max)} of advantage-weighted regression, without gradient. */
    public static NDArray advantageWeights(NDArray advantages, double beta, double max) {
        return advantages.stopGradient().mul((float) beta).exp().minimum((float) max);
    }

    /**
     * The negative log-density of {@code actions} under independent Gaussians,
     * {@code Σ_j [(a_j − μ_j)² / (2 σ_j²) + log σ_j + ½ log 2π]}, shape {@code (batch, 1)}.
     *
     * @param logStd shape {@code (1, dims)} (state-independent) or {@code (batch, dims)}
     */
    public static NDArray gaussianNll(NDArray mean, NDArray logStd, NDArray actions) {
        NDArray z = actions.sub(mean).div(logStd.exp());
        return z.square().mul(0.5f).add(logStd).add(HALF_LOG_2PI).sum(new int[] {1}, true);
    }

    /** The squared error {@code Σ_j (μ_j − a_j)²}, shape {@code (batch, 1)}. */
    public static NDArray squaredError(NDArray predicted, NDArray actions) {
        return predicted.sub(actions).square().sum(new int[] {1}, true);
    }

    /** The cross-entropy {@code −log softmax(logits)[a]} for one-hot actions, shape {@code (batch, 1)}. */
    public static NDArray categoricalNll(NDArray logits, NDArray oneHot) {
        return logits.logSoftmax(1).mul(oneHot).sum(new int[] {1}, true).neg();
    }
}
