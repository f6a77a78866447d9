package dev.quiver.rl.agent;

import dev.quiver.core.policy.Policy;
import java.util.Map;

/**
 * Receives what a learner measures while it trains (losses, exploration rate, episode returns). A
 * callback observes; it does not own or steer the training loop.
 *
 * <p>Metric names are slash-separated, e.g. {@code train/loss}, {@code train/q_mean},
 * {@code train/epsilon}, {@code episode/return}, {@code episode/length}. The map is fresh for each
 * call and may be kept.
 */
public interface TrainingCallback {
    /** A callback that ignores everything. */
    TrainingCallback NONE = (step, metrics) -> {
    };

    /**
     * Called with the metrics measured at environment step {@code step} (0-based).
     *
     * @param step the environment step the metrics belong to
     * @param metrics metric name to value
     */
    void onMetrics(long step, Map<String, Double> metrics);

    /** Env steps between the policy snapshots passed to {@link #onPolicy} (0, the default: none). */
    default long policyInterval() {
        return 0;
    }

    /**
     * Receives the current greedy (deterministic) policy whenever training passes a multiple of
     * {@link #policyInterval()} env steps, for periodic evaluation or best-policy checkpoints; learners
     * that update in rounds (PPO) call it after the round's update. The policy is live: evaluate or save it
     * during the call, do not keep or close it. Whatever the callback does must not touch the training env.
     *
     * @param step the last env step taken (0-based)
     */
    default void onPolicy(long step, Policy<?, ?> policy) {
    }

    /** Whether going from {@code stepsBefore} to {@code stepsAfter} env steps done passes a multiple of {@code interval}. */
    static boolean due(long interval, long stepsBefore, long stepsAfter) {
        return interval > 0 && stepsAfter / interval > stepsBefore / interval;
    }
}
