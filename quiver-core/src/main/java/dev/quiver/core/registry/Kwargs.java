package dev.quiver.core.registry;

import dev.quiver.core.error.QuiverUserException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Typed access to an env's constructor options, with user errors that name the env and the key. */
public final class Kwargs {
    private final String envId;
    private final Map<String, Object> values;

    /** Wraps {@code values}, rejecting keys outside {@code allowed}. */
    public Kwargs(String envId, Map<String, Object> values, Set<String> allowed) {
        this.envId = envId;
        this.values = values;
        for (String k : values.keySet()) {
            if (!allowed.contains(k)) {
                throw new QuiverUserException(envId + ": unknown option '" + k + "'; allowed: "
                        + String.join(", ", new TreeSet<>(allowed)));
            }
        }
    }

    /** A string option. */
    public String string(String key, String fallback) {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof String s) {
            return s;
        }
        throw new QuiverUserException(envId + ": option " + key + " must be a string, got " + v);
    }

    /** A boolean option; the strings {@code true}/{@code false} are accepted too. */
    public boolean bool(String key, boolean fallback) {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        throw new QuiverUserException(envId + ": option " + key + " must be true or false, got " + v);
    }

    /** A number option; numeric strings are accepted too. */
    public double number(String key, double fallback) {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw new QuiverUserException(envId + ": option " + key + " must be a number, got " + v);
    }

    /** The raw value, or null. */
    public Object raw(String key) {
        return values.get(key);
    }
}
