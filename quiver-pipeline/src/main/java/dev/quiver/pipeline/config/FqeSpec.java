package dev.quiver.pipeline.config;

import dev.quiver.ope.sequential.FqeConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fitted-Q-evaluation model of a study's estimate stage (for discrete actions quiver-ope's
 * {@link FqeConfig}; for continuous actions the pipeline's {@code ContinuousFqe} with the same settings).
 *
 * @param steps gradient steps per fit (default 2,000)
 * @param hidden hidden widths of the Q-network (default 64, 64)
 * @param learningRate Adam's learning rate (default 1e-3)
 * @param batchSize transitions per gradient step (default 128)
 * @param targetUpdateInterval steps between copies into the target network (default 100)
 */
public record FqeSpec(int steps, List<Integer> hidden, double learningRate, int batchSize, int targetUpdateInterval) {
    /** Copies the list. */
    public FqeSpec {
        hidden = List.copyOf(hidden);
    }

    /** 2,000 steps, 64-64, rate 1e-3, batch 128, target copied every 100 steps. */
    public static FqeSpec defaults() {
        return new FqeSpec(2000, List.of(64, 64), 1e-3, 128, 100);
    }

    /** quiver-ope's configuration with these settings (normalised inputs, no refits). */
    public FqeConfig toConfig() {
        return FqeConfig.defaults().withSteps(steps).withHidden(hidden).withLearningRate(learningRate)
                .withBatchSize(batchSize).withTargetUpdateInterval(targetUpdateInterval);
    }

    /** The settings as a JSON-ready map. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("steps", steps);
        m.put("hidden", hidden);
        m.put("learning_rate", learningRate);
        m.put("batch_size", batchSize);
        m.put("target_update_interval", targetUpdateInterval);
        return m;
    }
}
