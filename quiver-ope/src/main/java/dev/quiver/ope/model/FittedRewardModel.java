package dev.quiver.ope.model;

import dev.quiver.ope.bandit.data.LoggedBanditData;

/** A fitted {@link RewardModel}: predicts the expected reward of every action on given rows. */
public interface FittedRewardModel extends AutoCloseable {
    /**
     * The predictions {@code out[j][a] = q_hat(x_{rows[j]}, a, k_{rows[j]})} for every action {@code a}.
     */
    double[][] predict(LoggedBanditData data, int[] rows);

    /** Frees native resources, if any (a no-op for plain Java models). */
    @Override
    default void close() {
    }
}
