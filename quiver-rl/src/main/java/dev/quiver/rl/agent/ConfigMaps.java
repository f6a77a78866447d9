package dev.quiver.rl.agent;

import dev.quiver.core.error.QuiverUserException;
import java.util.List;
import java.util.Map;

/**
 * Reading an agent config back from the map its {@code toMap()} wrote (for example from a checkpoint's
 * JSON, where numbers may come back as {@code Double}), with errors that name the algorithm, the key
 * and where the map came from.
 */
public final class ConfigMaps {
    private ConfigMaps() {
    }

    /** The value of {@code key}, or a user error listing the keys present. */
    public static Object require(Map<String, ?> m, String key, String algorithm, String where) {
        Object v = m.get(key);
        if (v == null) {
            throw new QuiverUserException(where + ": " + algorithm + " config has no '" + key + "'; keys present: "
                    + m.keySet());
        }
        return v;
    }

    /** The number under {@code key}, or a user error naming it. */
    public static Number num(Map<String, ?> m, String key, String algorithm, String where) {
        Object v = require(m, key, algorithm, where);
        if (!(v instanceof Number n)) {
            throw new QuiverUserException(where + ": " + algorithm + " config '" + key + "' = " + v + " is not a number");
        }
        return n;
    }

    /** The list of integers under {@code key} (e.g. hidden layer widths). */
    public static List<Integer> ints(Map<String, ?> m, String key, String algorithm, String where) {
        return ((List<?>) require(m, key, algorithm, where)).stream().map(x -> ((Number) x).intValue()).toList();
    }
}
