package dev.quiver.pipeline.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The online verification of a sequential study.
 *
 * @param episodes online episodes per candidate policy and for the behaviour policy (default 20)
 * @param bootstrap stratified-bootstrap replicates of the aggregate metrics and the probability of improvement
 *     (default 2,000; rliable uses 50,000 for papers)
 */
public record VerifySpec(int episodes, int bootstrap) {
    /** 20 episodes, 2,000 replicates. */
    public static VerifySpec defaults() {
        return new VerifySpec(20, 2000);
    }

    /** The settings as a JSON-ready map. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("episodes", episodes);
        m.put("bootstrap", bootstrap);
        return m;
    }
}
