package dev.quiver.pipeline.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One env of a sequential study: its logs and its offline candidates. Each task runs every stage on its own;
 * the report aggregates over tasks.
 *
 * @param env the env id, e.g. {@code CartPole-v1} (must be registered: the candidates are checked against its
 *     spaces, and the verify and quantify stages play in it)
 * @param data where the logs come from
 * @param candidates the offline candidates, labels unique
 * @param steps gradient steps per training run for this task, or 0 for the study's {@code learn.steps}
 */
public record TaskSpec(String env, DataSpec data, List<CandidateSpec> candidates, int steps) {
    /** Copies the list. */
    public TaskSpec {
        candidates = List.copyOf(candidates);
    }

    /** A name for folders: the env id. */
    public String name() {
        return env;
    }

    /** The gradient steps per run: this task's own, else {@code learn}'s. */
    public int steps(LearnSpec learn) {
        return steps > 0 ? steps : learn.steps();
    }

    /** The settings as a JSON-ready map. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("env", env);
        m.put("data", data.toMap());
        List<Object> c = new ArrayList<>();
        for (CandidateSpec s : candidates) {
            c.add(s.toMap());
        }
        m.put("candidates", c);
        if (steps > 0) {
            m.put("steps", steps);
        }
        return m;
    }
}
