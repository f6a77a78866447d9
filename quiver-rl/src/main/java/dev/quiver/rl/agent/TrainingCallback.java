package dev.quiver.rl.agent;

import java.util.Map;

/**
 * Receives what a learner measures while it trains (losses, exploration rate, episode returns). A
 * callback observes; it does not own or steer the training loop.
 *
 * <p>Metric names are slash-separated, e.g. {@code train/loss}, {@code train/q_mean},
 * {@code train/epsilon}, {@code episode/return}, {@code episode/length}. The map is fresh for each
 * call and may be kept.
 */
@FunctionalInterface
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
}
