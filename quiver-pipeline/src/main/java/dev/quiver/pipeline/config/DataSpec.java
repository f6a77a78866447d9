package dev.quiver.pipeline.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a sequential task's logs come from and how they are split.
 *
 * @param source {@code collect} (play a behaviour policy in the env), {@code minari} (a Minari dataset
 *     directory) or {@code d4rl} (a D4RL-style HDF5 file)
 * @param path the dataset for {@code minari} / {@code d4rl} (resolved against the study file's folder), else null
 * @param behaviour the behaviour policy: {@code scripted} (Quiver's hand-written controller for the env) or
 *     {@code uniform}; for a dataset file, the policy that logged it if known, else {@code unknown} (then only
 *     FQE can estimate, as importance weights need the behaviour's probabilities)
 * @param epsilon the behaviour's probability of a uniformly random action at each step, in [0, 1]
 * @param episodes episodes to collect (for {@code collect})
 * @param evalFraction the share of episodes held out as evaluation logs, in (0, 1)
 */
public record DataSpec(String source, Path path, String behaviour, double epsilon, int episodes,
        double evalFraction) {
    /** The data sources. */
    public static final java.util.List<String> SOURCES = java.util.List.of("collect", "minari", "d4rl");
    /** The behaviour policies a study can name. */
    public static final java.util.List<String> BEHAVIOURS = java.util.List.of("scripted", "uniform", "unknown");

    /** Whether the logs are collected by the study itself. */
    public boolean collects() {
        return source.equals("collect");
    }

    /** Whether the behaviour policy's action probabilities are known (importance weights can be formed). */
    public boolean behaviourKnown() {
        return !behaviour.equals("unknown");
    }

    /** The settings as a JSON-ready map (the path as given). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", source);
        if (path != null) {
            m.put("path", path.toString());
        }
        m.put("behaviour", behaviour);
        m.put("epsilon", epsilon);
        if (collects()) {
            m.put("episodes", episodes);
        }
        m.put("eval_fraction", evalFraction);
        return m;
    }
}
