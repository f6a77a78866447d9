package dev.quiver.pipeline.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of a {@code kind: bandit} study.
 *
 * @param data the logs
 * @param candidates the candidate policies, names unique
 * @param estimate off-policy evaluation and selection
 * @param truthContexts fresh contexts over which each candidate's true value is computed from the simulator's
 *     expected rewards (synthetic logs only; default 50,000)
 */
public record BanditStudy(BanditDataSpec data, List<BanditCandidateSpec> candidates, BanditEstimateSpec estimate,
        int truthContexts) {
    /** Copies the list. */
    public BanditStudy {
        candidates = List.copyOf(candidates);
    }

    /** The same with other logs (e.g. {@code quiver demo --obd DIR}). */
    public BanditStudy withData(BanditDataSpec d) {
        return new BanditStudy(d, candidates, estimate, truthContexts);
    }

    /** The settings as a JSON-ready map. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("data", data.toMap());
        List<Object> c = new ArrayList<>();
        for (BanditCandidateSpec s : candidates) {
            c.add(s.toMap());
        }
        m.put("candidates", c);
        m.put("estimate", estimate.toMap());
        m.put("truth_contexts", truthContexts);
        return m;
    }
}
