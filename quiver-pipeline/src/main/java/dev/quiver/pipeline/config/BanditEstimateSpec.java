package dev.quiver.pipeline.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The off-policy estimate stage of a bandit study.
 *
 * @param estimators Open Bandit Pipeline's estimator names ({@code dm}, {@code ipw}, {@code snipw}, {@code dr},
 *     {@code sndr}, ...; default dm, ipw, snipw, dr, sndr)
 * @param rewardModel the reward model of the model-based estimators, cross-fitted on the evaluation logs:
 *     {@code logistic} or {@code ridge} (default logistic)
 * @param folds cross-fitting folds (default 2)
 * @param selectBy the estimator whose ranking picks the recommended policy (default dr)
 * @param rankBy {@code lower} (the interval's lower end) or {@code point} (default lower)
 * @param confidence the nominal coverage (default 0.95)
 * @param bootstrap bootstrap resamples of the evaluation rounds (default 1,000)
 */
public record BanditEstimateSpec(List<String> estimators, String rewardModel, int folds, String selectBy, String rankBy,
        double confidence, int bootstrap) {
    /** Copies the list. */
    public BanditEstimateSpec {
        estimators = List.copyOf(estimators);
    }

    /** dm, ipw, snipw, dr, sndr; logistic model, 2 folds; dr's lower bound; 95%; 1,000 resamples. */
    public static BanditEstimateSpec defaults() {
        return new BanditEstimateSpec(List.of("dm", "ipw", "snipw", "dr", "sndr"), "logistic", 2, "dr", "lower", 0.95,
                1000);
    }

    /** The settings as a JSON-ready map. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("estimators", estimators);
        m.put("reward_model", rewardModel);
        m.put("folds", folds);
        m.put("select_by", selectBy);
        m.put("rank_by", rankBy);
        m.put("confidence", confidence);
        m.put("bootstrap", bootstrap);
        return m;
    }
}
