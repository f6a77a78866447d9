package dev.quiver.pipeline.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of a {@code kind: sequential} study: its tasks (one env each) and the settings of the stages.
 *
 * @param tasks the envs, at least one, ids unique
 * @param learn how candidates are trained
 * @param estimate off-policy evaluation and selection
 * @param verify online verification
 * @param quantify the conformal interval of the selected policy's return
 */
public record SequentialStudy(List<TaskSpec> tasks, LearnSpec learn, EstimateSpec estimate, VerifySpec verify,
        QuantifySpec quantify) {
    /** Copies the list. */
    public SequentialStudy {
        tasks = List.copyOf(tasks);
    }

    /** The settings as a JSON-ready map. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Object> t = new ArrayList<>();
        for (TaskSpec s : tasks) {
            t.add(s.toMap());
        }
        m.put("tasks", t);
        m.put("learn", learn.toMap());
        m.put("estimate", estimate.toMap());
        m.put("verify", verify.toMap());
        m.put("quantify", quantify.toMap());
        return m;
    }
}
