package dev.quiver.envs.toytext;

import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.registry.EnvRegistration;
import dev.quiver.core.registry.Kwargs;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The toy-text registrations, as in Gymnasium's {@code gymnasium/envs/__init__.py}: ids, time limits,
 * reward thresholds, default options, and factories that parse the options with {@link Kwargs} so
 * that unknown keys and bad values are user errors naming the env and the key.
 *
 * <p>Options: FrozenLake {@code desc} (rows as a list, an array, or one string with rows separated by
 * newlines or commas; wins over {@code map_name}), {@code map_name} ({@code 4x4}, {@code 8x8}),
 * {@code is_slippery}, {@code success_rate}, {@code reward_schedule} (three numbers: goal, hole,
 * frozen); CliffWalking {@code is_slippery}; Taxi {@code is_rainy}, {@code fickle_passenger}. Every
 * env also accepts {@code render_mode} {@code "ansi"} (the text of {@link TabularEnv#render()} is
 * always available; other modes are rejected).
 */
public final class ToyText {

    private ToyText() {
    }

    /** The registrations of FrozenLake-v1, FrozenLake8x8-v1, CliffWalking-v0/-v1 and Taxi-v3. */
    public static List<EnvRegistration> registrations() {
        return List.of(
                EnvRegistration.of(FrozenLake.ID, "Cross a 4x4 frozen lake to the goal without falling into a hole",
                        100, 0.70, Map.of("map_name", "4x4"), kw -> frozenLake(FrozenLake.ID, 100, 0.70, kw)),
                EnvRegistration.of(FrozenLake.ID_8X8, "Cross an 8x8 frozen lake to the goal without falling into a hole",
                        200, 0.85, Map.of("map_name", "8x8"), kw -> frozenLake(FrozenLake.ID_8X8, 200, 0.85, kw)),
                EnvRegistration.of(CliffWalking.ID, "Walk along a cliff from start to goal (Sutton and Barto, Example 6.6)",
                        0, Double.NaN, Map.of(), kw -> cliffWalking(CliffWalking.ID, kw)),
                EnvRegistration.of(CliffWalking.ID_V1, "CliffWalking as registered by Gymnasium 1.1+ (optionally slippery)",
                        0, Double.NaN, Map.of(), kw -> cliffWalking(CliffWalking.ID_V1, kw)),
                EnvRegistration.of(Taxi.ID, "Pick up a passenger and drop them at their destination (Dietterich 2000)",
                        200, 8.0, Map.of(), ToyText::taxi));
    }

    static FrozenLake frozenLake(String id, int maxSteps, double threshold, Map<String, Object> options) {
        Kwargs kw = new Kwargs(id, options,
                Set.of("desc", "map_name", "is_slippery", "success_rate", "reward_schedule", "render_mode"));
        checkRenderMode(id, kw);
        List<String> desc = kw.raw("desc") != null ? parseDesc(id, kw.raw("desc"))
                : namedMap(id, kw.string("map_name", "4x4"));
        return new FrozenLake(id, maxSteps, threshold, desc, kw.bool("is_slippery", true),
                kw.number("success_rate", FrozenLake.DEFAULT_SUCCESS_RATE),
                parseNumbers(id, "reward_schedule", kw.raw("reward_schedule"), new double[] {1, 0, 0}));
    }

    static CliffWalking cliffWalking(String id, Map<String, Object> options) {
        Kwargs kw = new Kwargs(id, options, Set.of("is_slippery", "render_mode"));
        checkRenderMode(id, kw);
        return new CliffWalking(id, kw.bool("is_slippery", false));
    }

    static Taxi taxi(Map<String, Object> options) {
        Kwargs kw = new Kwargs(Taxi.ID, options, Set.of("is_rainy", "fickle_passenger", "render_mode"));
        checkRenderMode(Taxi.ID, kw);
        return new Taxi(kw.bool("is_rainy", false), kw.bool("fickle_passenger", false));
    }

    private static void checkRenderMode(String id, Kwargs kw) {
        String mode = kw.string("render_mode", "ansi");
        if (!"ansi".equals(mode)) {
            throw new QuiverUserException(id + ": option render_mode '" + mode
                    + "' is not supported; allowed: ansi (render() returns the text grid)");
        }
    }

    private static List<String> namedMap(String id, String mapName) {
        if ("4x4".equals(mapName) || "8x8".equals(mapName)) {
            return FrozenLakeMaps.named(mapName);
        }
        throw new QuiverUserException(id + ": option map_name must be 4x4 or 8x8 (or give desc), got '" + mapName + "'");
    }

    /** A map from a list/array of row strings or one string with rows separated by newlines or commas. */
    static List<String> parseDesc(String id, Object raw) {
        List<String> rows = new ArrayList<>();
        if (raw instanceof String text) {
            for (String part : text.split("[\\r\\n,]+")) {
                String row = unquote(part.trim().replace("[", "").replace("]", "").trim());
                if (!row.isEmpty()) {
                    rows.add(row);
                }
            }
        } else if (raw instanceof Collection<?> || (raw != null && raw.getClass().isArray())) {
            for (Object item : elements(raw)) {
                if (item instanceof String row) {
                    rows.add(row.trim());
                } else if (item instanceof char[] chars) {
                    rows.add(new String(chars));
                } else {
                    throw new QuiverUserException(id + ": option desc must hold row strings such as \"SFFF\", got "
                            + item);
                }
            }
        } else {
            throw new QuiverUserException(id + ": option desc must be a list of row strings or one string with rows"
                    + " separated by newlines or commas, got " + raw);
        }
        if (rows.isEmpty()) {
            throw new QuiverUserException(id + ": option desc has no rows");
        }
        return rows;
    }

    /** Numbers from a list/array of numbers or a string such as {@code "1, 0, 0"} or {@code "(1,0,0)"}. */
    static double[] parseNumbers(String id, String key, Object raw, double[] fallback) {
        if (raw == null) {
            return fallback.clone();
        }
        List<Object> items = new ArrayList<>();
        if (raw instanceof String text) {
            String inner = text.trim().replaceAll("^[\\[(]|[\\])]$", "");
            for (String part : inner.split(",")) {
                items.add(part.trim());
            }
        } else if (raw instanceof Collection<?> || raw.getClass().isArray()) {
            items.addAll(elements(raw));
        } else {
            throw new QuiverUserException(id + ": option " + key + " must be a list of " + fallback.length
                    + " numbers, got " + raw);
        }
        if (items.size() != fallback.length) {
            throw new QuiverUserException(id + ": option " + key + " must have " + fallback.length + " numbers, got "
                    + items.size() + " (" + raw + ")");
        }
        double[] out = new double[items.size()];
        for (int i = 0; i < out.length; i++) {
            Object v = items.get(i);
            if (v instanceof Number n) {
                out[i] = n.doubleValue();
            } else {
                try {
                    out[i] = Double.parseDouble(String.valueOf(v).trim());
                } catch (NumberFormatException e) {
                    throw new QuiverUserException(id + ": option " + key + ": '" + v + "' is not a number", e);
                }
            }
        }
        return out;
    }

    private static List<Object> elements(Object raw) {
        List<Object> out = new ArrayList<>();
        if (raw instanceof Collection<?> c) {
            out.addAll(c);
        } else {
            int n = Array.getLength(raw);
            for (int i = 0; i < n; i++) {
                out.add(Array.get(raw, i));
            }
        }
        return out;
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.charAt(0) == '"' || s.charAt(0) == '\'') && s.charAt(s.length() - 1) == s.charAt(0)) {
            return s.substring(1, s.length() - 1).trim();
        }
        return s;
    }
}
