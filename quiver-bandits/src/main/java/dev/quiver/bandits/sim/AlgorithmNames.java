package dev.quiver.bandits.sim;

import dev.quiver.bandits.algo.AlgorithmConfig;
import dev.quiver.bandits.algo.BernoulliThompsonConfig;
import dev.quiver.bandits.algo.EpsilonGreedyConfig;
import dev.quiver.bandits.algo.FastCbConfig;
import dev.quiver.bandits.algo.GaussianThompsonConfig;
import dev.quiver.bandits.algo.LinTsConfig;
import dev.quiver.bandits.algo.LinUcbConfig;
import dev.quiver.bandits.algo.SquareCbConfig;
import dev.quiver.bandits.algo.Ucb1Config;
import dev.quiver.bandits.neural.NeuFastCbConfig;
import dev.quiver.bandits.neural.NeuSquareCbConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/** The algorithms by their command-line names, each with its default configuration. */
public final class AlgorithmNames {
    private static final Map<String, Supplier<AlgorithmConfig>> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put("epsgreedy", EpsilonGreedyConfig::defaults);
        DEFAULTS.put("ucb1", Ucb1Config::defaults);
        DEFAULTS.put("ts-beta", BernoulliThompsonConfig::defaults);
        DEFAULTS.put("ts-gaussian", GaussianThompsonConfig::defaults);
        DEFAULTS.put("linucb", LinUcbConfig::defaults);
        DEFAULTS.put("lints", LinTsConfig::defaults);
        DEFAULTS.put("squarecb", SquareCbConfig::defaults);
        DEFAULTS.put("fastcb", FastCbConfig::defaults);
        DEFAULTS.put("neusquarecb", NeuSquareCbConfig::defaults);
        DEFAULTS.put("neufastcb", NeuFastCbConfig::defaults);
    }

    private AlgorithmNames() {
    }

    /** The known names, in a fixed order. */
    public static List<String> names() {
        return List.copyOf(DEFAULTS.keySet());
    }

    /**
     * The default configuration of the algorithm called {@code name} (case-insensitive).
     *
     * @throws IllegalArgumentException naming the known algorithms
     */
    public static AlgorithmConfig defaults(String name) {
        Supplier<AlgorithmConfig> s = DEFAULTS.get(name.trim().toLowerCase(Locale.ROOT));
        if (s == null) {
            throw new IllegalArgumentException("unknown algorithm '" + name + "'; expected one of "
                    + String.join(", ", DEFAULTS.keySet()));
        }
        return s.get();
    }
}
