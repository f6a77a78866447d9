package dev.quiver.rl.offline;

import dev.quiver.core.policy.Policy;
import dev.quiver.rl.agent.LossGuard;
import dev.quiver.rl.agent.TrainingCallback;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * The gradient-step loop every offline learner runs: sample a batch, prepare it, one update of the
 * algorithm, metrics averaged over windows of {@link #METRICS_WINDOW} steps, and the live policy to the
 * callback every {@code policyInterval()} steps. The algorithm's update owns everything numeric.
 */
public final class OfflineTraining {
    /** Gradient steps over which training metrics are averaged before they reach the callback. */
    public static final int METRICS_WINDOW = 100;

    private OfflineTraining() {
    }

    /** One algorithm's gradient update on a prepared batch. */
    @FunctionalInterface
    public interface Update {
        /**
         * One update (of every network the algorithm trains at this step).
         *
         * @param step the gradient step, 0-based
         * @return the metrics measured, e.g. {@code train/critic_loss}
         */
        Map<String, Double> step(OfflineBatch batch, long step);
    }

    /**
     * Runs {@code steps} updates.
     *
     * @param source fills the batch's raw rows
     * @param policyAt the live policy after a given number of steps, for {@link TrainingCallback#onPolicy}
     */
    static void run(long steps, BatchSource source, OfflineBatch batch, Update update,
            LongFunction<Policy<?, ?>> policyAt, TrainingCallback callback) {
        Map<String, double[]> sums = new LinkedHashMap<>();
        for (long t = 0; t < steps; t++) {
            source.sample(batch.raw());
            batch.prepare();
            Map<String, Double> m = update.step(batch, t);
            for (Map.Entry<String, Double> e : m.entrySet()) {
                double[] acc = sums.computeIfAbsent(e.getKey(), k -> new double[2]);
                acc[0] += e.getValue();
                acc[1]++;
            }
            if ((t + 1) % METRICS_WINDOW == 0 || t == steps - 1) {
                Map<String, Double> means = new LinkedHashMap<>();
                for (Map.Entry<String, double[]> e : sums.entrySet()) {
                    if (e.getValue()[1] > 0) {
                        means.put(e.getKey(), e.getValue()[0] / e.getValue()[1]);
                    }
                    e.getValue()[0] = 0;
                    e.getValue()[1] = 0;
                }
                callback.onMetrics(t, means);
            }
            if (TrainingCallback.due(callback.policyInterval(), t, t + 1)) {
                callback.onPolicy(t, policyAt.apply(t + 1));
            }
        }
    }

    /**
     * Returns {@code loss} if finite, else stops training with a message naming the algorithm, the loss and
     * the gradient step.
     */
    public static double requireFinite(String algorithm, String lossName, double loss, long step) {
        return LossGuard.requireFiniteAtGradientStep(algorithm, lossName, loss, step);
    }
}
