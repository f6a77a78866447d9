package dev.quiver.pipeline.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The off-policy estimate stage of a sequential study and how it selects the policy to recommend.
 *
 * @param gamma the discount of the value estimated, {@code E[sum_t gamma^t r_t]} (default 0.99: FQE bootstraps
 *     through time limits, so the value must be discounted when episodes are cut)
 * @param estimators the estimators, among {@code fqe}, {@code dr}, {@code wdr}, {@code wis}, {@code pdis}
 *     (default fqe, dr, wis, pdis); with continuous actions only {@code fqe} applies
 * @param selectBy the estimator whose ranking picks the recommended policy (default fqe)
 * @param rankBy {@code lower}: rank by the interval's lower end (pessimistic: a policy is recommended only as
 *     far as its interval says so), or {@code point} (default lower)
 * @param confidence the nominal coverage of every interval (default 0.95)
 * @param bootstrap bootstrap resamples of the evaluation episodes (default 1,000)
 * @param fqe the FQE model
 */
public record EstimateSpec(double gamma, List<String> estimators, String selectBy, String rankBy, double confidence,
        int bootstrap, FqeSpec fqe) {
    /** The estimator names, in report order. */
    public static final List<String> ESTIMATORS = List.of("fqe", "dr", "wdr", "wis", "pdis");
    /** How candidates are ranked. */
    public static final List<String> RANK_BY = List.of("lower", "point");

    /** Copies the list. */
    public EstimateSpec {
        estimators = List.copyOf(estimators);
    }

    /** gamma 0.99; fqe, dr, wis, pdis; select by fqe's lower bound; 95%; 1,000 resamples; FQE defaults. */
    public static EstimateSpec defaults() {
        return new EstimateSpec(0.99, List.of("fqe", "dr", "wis", "pdis"), "fqe", "lower", 0.95, 1000,
                FqeSpec.defaults());
    }

    /** The settings as a JSON-ready map. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("gamma", gamma);
        m.put("estimators", estimators);
        m.put("select_by", selectBy);
        m.put("rank_by", rankBy);
        m.put("confidence", confidence);
        m.put("bootstrap", bootstrap);
        m.put("fqe", fqe.toMap());
        return m;
    }
}
