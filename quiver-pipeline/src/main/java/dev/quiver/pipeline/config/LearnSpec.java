package dev.quiver.pipeline.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How every offline candidate is trained: gradient steps, seeds, network widths and batch size (these override
 * the algorithms' defaults, which are sized for D4RL; a candidate's own {@code config} overrides them in turn).
 *
 * @param steps gradient steps per run (default 3,000)
 * @param seeds the training seeds; each candidate is trained once per seed (default 0, 1, 2)
 * @param hidden hidden widths of every network of every algorithm (default 64, 64)
 * @param batchSize transitions per gradient step (default 256)
 */
public record LearnSpec(int steps, List<Long> seeds, List<Integer> hidden, int batchSize) {
    /** Copies the lists. */
    public LearnSpec {
        seeds = List.copyOf(seeds);
        hidden = List.copyOf(hidden);
    }

    /** 3,000 steps, seeds 0..2, 64-64 networks, batch 256. */
    public static LearnSpec defaults() {
        return new LearnSpec(3000, List.of(0L, 1L, 2L), List.of(64, 64), 256);
    }

    /** The settings as a JSON-ready map. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("steps", steps);
        m.put("seeds", seeds);
        m.put("hidden", hidden);
        m.put("batch_size", batchSize);
        return m;
    }
}
