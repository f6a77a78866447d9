package dev.quiver.pipeline.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One candidate policy of a bandit study, learned from the training logs.
 *
 * @param name the candidate's name in tables (unique; default: the kind, with its parameter)
 * @param kind {@code logging} (the policy that logged the data), {@code uniform}, {@code greedy},
 *     {@code epsilon-greedy} or {@code softmax} on a reward model fitted on the training logs, {@code linucb}
 *     (LinUCB's upper-confidence-bound arm after the training logs) or {@code lints} (linear Thompson sampling's
 *     posterior after the training logs)
 * @param model the reward model of greedy / epsilon-greedy / softmax: {@code logistic} or {@code ridge}
 * @param parameter epsilon (epsilon-greedy), the inverse temperature (softmax), alpha (linucb) or the posterior
 *     scale v (lints); NaN where the kind has none
 * @param draws posterior draws that represent LinTS's action probabilities (lints; default 100)
 */
public record BanditCandidateSpec(String name, String kind, String model, double parameter, int draws) {
    /** The kinds. */
    public static final List<String> KINDS = List.of("logging", "uniform", "greedy", "epsilon-greedy", "softmax",
            "linucb", "lints");
    /** The reward models. */
    public static final List<String> MODELS = List.of("logistic", "ridge");

    /** The settings as a JSON-ready map. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("kind", kind);
        if (model != null) {
            m.put("model", model);
        }
        if (!Double.isNaN(parameter)) {
            m.put("parameter", parameter);
        }
        if (kind.equals("lints")) {
            m.put("draws", draws);
        }
        return m;
    }
}
