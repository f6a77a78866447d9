package dev.quiver.cli.train;

import dev.quiver.core.error.QuiverUserException;
import dev.quiver.rl.Algorithms.Algorithm;
import dev.quiver.rl.Algorithms.OfflineAlgorithm;
import dev.quiver.rl.agent.LearnerConfig;
import dev.quiver.rl.offline.OfflineLearnerConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Applies {@code --set key=value} overrides to an agent's config (as its {@code toMap()}): keys are the
 * config's field names
 * ({@code learningStarts}) or their snake_case spelling ({@code learning_starts}); each value is parsed
 * as the type of the field (numbers, {@code true}/{@code false}, a comma-separated list of widths for
 * {@code hidden}, an enum name for {@code loss}).
 */
public final class ConfigOverrides {
    private ConfigOverrides() {
    }

    /**
     * The configuration of {@code algorithm}: its defaults with {@code fileSettings} (from a YAML file, may
     * be empty) and then {@code overrides} (from {@code --set}) applied, in order.
     *
     * @param file the YAML file the file settings came from (for messages), or {@code null}
     * @throws QuiverUserException naming the source and key if a key is unknown (with the allowed keys) or
     *     its value cannot be parsed or is out of range
     */
    public static LearnerConfig<float[], ?> configure(Algorithm algorithm, Path file, Map<String, String> fileSettings,
            Map<String, String> overrides) {
        Map<String, Object> m = settings(algorithm.defaults().get(), algorithm.name(), file, fileSettings, overrides);
        return algorithm.config().apply(m, source(file));
    }

    /** {@link #configure} for an offline algorithm. */
    public static OfflineLearnerConfig configure(OfflineAlgorithm algorithm, Path file,
            Map<String, String> fileSettings, Map<String, String> overrides) {
        Map<String, Object> m = settings(algorithm.defaults().get(), algorithm.name(), file, fileSettings, overrides);
        return algorithm.config().apply(m, source(file));
    }

    private static Map<String, Object> settings(Map<String, Object> defaults, String algorithm, Path file,
            Map<String, String> fileSettings, Map<String, String> overrides) {
        Map<String, Object> m = defaults;
        String name = algorithm.toUpperCase(Locale.ROOT);
        if (file != null) {
            m = applyToMap(m, fileSettings, name, "--config " + file + ": key ");
        }
        return applyToMap(m, overrides, name, "--set ");
    }

    private static String source(Path file) {
        return file == null ? "--set" : "--config " + file + " / --set";
    }

    /**
     * The config map {@code base} with {@code overrides} applied, each value parsed as the type of the
     * value it replaces.
     *
     * @param algorithm the algorithm's name for messages, e.g. {@code "DQN"}
     * @param source what the overrides came from, prefixed to messages, e.g. {@code "--set "}
     * @throws QuiverUserException naming the key if it is unknown (listing the allowed keys) or its value
     *     cannot be parsed
     */
    static Map<String, Object> applyToMap(Map<String, Object> base, Map<String, String> overrides, String algorithm,
            String source) {
        Map<String, Object> m = new LinkedHashMap<>(base);
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            String given = e.getKey().trim();
            String key = camel(given);
            if (!m.containsKey(key)) {
                throw new QuiverUserException(source + given + ": unknown " + algorithm + " config key '" + given
                        + "'; allowed keys: " + String.join(", ", m.keySet()) + " (snake_case works too, e.g."
                        + " learning_starts)");
            }
            String value = e.getValue() == null ? "" : e.getValue().trim();
            m.put(key, parse(source, given, key, value, m.get(key)));
        }
        return m;
    }

    /** {@code learning_starts} → {@code learningStarts}; camelCase stays as it is. */
    static String camel(String key) {
        StringBuilder sb = new StringBuilder();
        boolean up = false;
        for (char c : key.toCharArray()) {
            if (c == '_' || c == '-') {
                up = true;
            } else {
                sb.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return sb.toString();
    }

    private static Object parse(String source, String given, String key, String value, Object current) {
        String where = source + given + "=" + value + ": ";
        try {
            if (current instanceof Double) {
                return Double.parseDouble(value);
            } else if (current instanceof Integer) {
                return Integer.parseInt(value.replace("_", ""));
            } else if (current instanceof Long) {
                return Long.parseLong(value.replace("_", ""));
            } else if (current instanceof Boolean) {
                if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
                    return Boolean.parseBoolean(value);
                }
                throw new QuiverUserException(where + key + " must be true or false");
            } else if (current instanceof List<?>) {
                String v = value.replace("[", "").replace("]", "").trim();
                List<Integer> widths = new ArrayList<>();
                for (String p : v.split("[,\\s]+")) {
                    if (!p.isEmpty()) {
                        widths.add(Integer.parseInt(p));
                    }
                }
                if (widths.isEmpty()) {
                    throw new QuiverUserException(where + key + " must list one or more layer widths, e.g. 64,64");
                }
                return widths;
            } else if (current instanceof String) {
                return value.toUpperCase(Locale.ROOT);
            }
        } catch (NumberFormatException ex) {
            throw new QuiverUserException(where + key + " must be " + (current instanceof Double ? "a number"
                    : current instanceof List<?> ? "a comma-separated list of integers, e.g. 64,64" : "an integer"));
        }
        throw new IllegalStateException("unexpected config value type for " + key + ": " + current);
    }
}
