package dev.quiver.pipeline.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a bandit study's logs come from and how they are split.
 *
 * @param source {@code synthetic} (Open Bandit Pipeline's synthetic generator with a known truth) or {@code obd}
 *     (an Open Bandit Dataset folder)
 * @param rounds logged rounds to generate (synthetic; default 20,000)
 * @param actions actions K (synthetic; default 10)
 * @param contextDim context dimension (synthetic; default 5)
 * @param rewardFunction the expected-reward function's name (synthetic; {@code logistic} by default, any of
 *     {@code linear}, {@code logistic}, {@code polynomial}, {@code logistic-polynomial})
 * @param beta the inverse temperature of the softmax logging policy (synthetic; default 1)
 * @param path the Open Bandit Dataset folder: its root (holding {@code random/} and {@code bts/}) or one
 *     {@code {policy}/{campaign}} folder (obd)
 * @param policy the logging policy's folder under the root, {@code random} or {@code bts} (obd; default random)
 * @param campaign the campaign under the policy folder, e.g. {@code men} (obd; default men)
 * @param evalFraction the share of rounds held out as evaluation logs (default 0.5)
 */
public record BanditDataSpec(String source, int rounds, int actions, int contextDim, String rewardFunction, double beta,
        Path path, String policy, String campaign, double evalFraction) {
    /** The data sources. */
    public static final List<String> SOURCES = List.of("synthetic", "obd");

    /** The study-file keys of {@code data} that apply to {@code source} ({@code synthetic} or {@code obd}). */
    public static List<String> keys(String source) {
        return source.equals("obd") ? List.of("source", "path", "policy", "campaign", "eval_fraction")
                : List.of("source", "rounds", "actions", "context_dim", "reward_function", "beta", "eval_fraction");
    }

    /** Whether the logs are simulated (and the truth is known). */
    public boolean synthetic() {
        return source.equals("synthetic");
    }

    /** The synthetic defaults: 20,000 rounds of 10 actions, d = 5, logistic rewards, beta 1, half held out. */
    public static BanditDataSpec defaults() {
        return new BanditDataSpec("synthetic", 20_000, 10, 5, "logistic", 1.0, null, "random", "men", 0.5);
    }

    /** The same reading the Open Bandit Dataset at {@code dir}. */
    public BanditDataSpec withObd(Path dir) {
        return new BanditDataSpec("obd", rounds, actions, contextDim, rewardFunction, beta, dir, policy, campaign,
                evalFraction);
    }

    /** The settings as a JSON-ready map. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", source);
        if (synthetic()) {
            m.put("rounds", rounds);
            m.put("actions", actions);
            m.put("context_dim", contextDim);
            m.put("reward_function", rewardFunction);
            m.put("beta", beta);
        } else {
            m.put("path", String.valueOf(path));
            m.put("policy", policy);
            m.put("campaign", campaign);
        }
        m.put("eval_fraction", evalFraction);
        return m;
    }
}
