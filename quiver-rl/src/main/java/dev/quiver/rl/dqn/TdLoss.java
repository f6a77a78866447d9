package dev.quiver.rl.dqn;

/** The regression loss on the TD error {@code δ = y − Q(s, a)}, averaged over the batch. */
public enum TdLoss {
    /** Mean squared error {@code δ²} (CleanRL's {@code F.mse_loss}). */
    MSE,
    /** Huber loss with threshold 1: {@code δ²/2} for {@code |δ| ≤ 1}, else {@code |δ| − 1/2} (Mnih et al. 2015's error clipping; PyTorch's {@code smooth_l1_loss}). */
    HUBER
}
