package dev.quiver.rl.qrdqn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * The quantile Huber loss of quantile-regression DQN (Dabney et al. 2018, equations 9 and 10): for
 * predicted quantiles {@code θ_1..θ_N} at the midpoints {@code τ̂_i = (2i + 1) / (2N)} (0-based
 * {@code i}) and target samples {@code T_1..T_M},
 * {@code L = Σ_i (1/M) Σ_j ρ^κ_{τ̂_i}(T_j − θ_i)} with
 * {@code ρ^κ_τ(u) = |τ − 1{u < 0}| · L_κ(u) / κ} and the Huber loss {@code L_κ(u) = u²/2} for
 * {@code |u| ≤ κ}, else {@code κ (|u| − κ/2)}. So: a sum over the predicted quantiles, a mean over the
 * target samples, and then a mean over the batch — as the paper writes it and as SB3-contrib's
 * {@code quantile_huber_loss(…, sum_over_quantiles=True)} computes it.
 *
 * @see <a href="https://arxiv.org/abs/1710.10044">Dabney, W., Rowland, M., Bellemare, M. G. and Munos, R.
 *     (2018). Distributional Reinforcement Learning with Quantile Regression. AAAI. arXiv:1710.10044</a>
 */
public final class QuantileHuberLoss {
    private QuantileHuberLoss() {
    }

    /** The quantile midpoints {@code τ̂_i = (2i + 1) / (2n)}, {@code i = 0 .. n − 1}. */
    public static float[] midpoints(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("need at least one quantile, got " + n);
        }
        float[] tau = new float[n];
        for (int i = 0; i < n; i++) {
            tau[i] = (float) ((2.0 * i + 1) / (2.0 * n));
        }
        return tau;
    }

    /**
     * The loss, averaged over the batch.
     *
     * @param predicted the predicted quantiles {@code θ}, shape {@code (B, N)} (gradients flow through them)
     * @param targets the target samples {@code T}, shape {@code (B, M)} (treated as constants)
     * @param tau the quantile fractions of the predictions, shape {@code (N)} (e.g. {@link #midpoints})
     * @param kappa the Huber threshold κ &gt; 0 (QR-DQN uses 1)
     * @return a scalar
     */
    public static NDArray loss(NDArray predicted, NDArray targets, NDArray tau, float kappa) {
        if (predicted.getShape().dimension() != 2 || targets.getShape().dimension() != 2
                || predicted.getShape().get(0) != targets.getShape().get(0)
                || tau.getShape().dimension() != 1 || tau.getShape().get(0) != predicted.getShape().get(1)) {
            throw new IllegalArgumentException("need predicted (B, N), targets (B, M) and tau (N), got "
                    + predicted.getShape() + ", " + targets.getShape() + ", " + tau.getShape());
        }
        if (!(kappa > 0)) {
            throw new IllegalArgumentException("kappa must be > 0, got " + kappa);
        }
        NDArray u = targets.expandDims(1).sub(predicted.expandDims(2)); // (B, N, M): u[b, i, j] = T_j − θ_i
        NDArray abs = u.abs();
        NDArray quadratic = abs.minimum(kappa);
        NDArray huber = quadratic.square().mul(0.5f).add(abs.sub(quadratic).mul(kappa));
        NDArray below = u.lt(0f).toType(DataType.FLOAT32, false);
        NDArray weight = tau.reshape(1, -1, 1).sub(below).abs();
        return weight.mul(huber).div(kappa).sum(new int[] {1}).mean();
    }
}
