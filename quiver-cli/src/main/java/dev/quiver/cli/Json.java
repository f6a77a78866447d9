package dev.quiver.cli;

import dev.quiver.core.estimate.Estimate;
import dev.quiver.core.io.AtomicFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A tiny JSON writer for command results: maps (in their iteration order), iterables, primitive
 * arrays, numbers, strings, booleans, null, enums and {@link Estimate}s. Non-finite doubles are
 * written as {@code null} (JSON has no NaN). Files are written to a temporary file in the target's
 * directory and then moved over the target atomically.
 */
public final class Json {
    private Json() {
    }

    /** {@code value} as pretty-printed JSON (2-space indent). */
    public static String toJson(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, 0);
        return sb.append('\n').toString();
    }

    /** An estimate as a JSON object: point, low, high, confidence, method. */
    public static Map<String, Object> estimate(Estimate e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("point", e.point());
        m.put("low", e.low());
        m.put("high", e.high());
        m.put("confidence", e.confidence());
        m.put("method", e.method());
        return m;
    }

    /**
     * Writes {@code value} as JSON to {@code out} atomically (a temp file in the same directory,
     * then an atomic move); creates missing parent directories. I/O failures are user errors.
     */
    public static void writeFile(Path out, Object value) {
        AtomicFiles.writeString(out, toJson(value), "--json " + out);
    }

    private static void write(StringBuilder sb, Object v, int indent) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            string(sb, s);
        } else if (v instanceof Boolean b) {
            sb.append(b);
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            sb.append(Double.isFinite(d) ? Double.toString(d) : "null");
        } else if (v instanceof Number n) {
            sb.append(n.toString());
        } else if (v instanceof Enum<?> e) {
            string(sb, e.name());
        } else if (v instanceof Estimate e) {
            write(sb, estimate(e), indent);
        } else if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append("{\n");
            int i = 0;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                pad(sb, indent + 1);
                string(sb, String.valueOf(e.getKey()));
                sb.append(": ");
                write(sb, e.getValue(), indent + 1);
                sb.append(++i < m.size() ? ",\n" : "\n");
            }
            pad(sb, indent);
            sb.append('}');
        } else if (v instanceof double[] a) {
            sb.append('[');
            for (int i = 0; i < a.length; i++) {
                sb.append(i > 0 ? ", " : "");
                write(sb, a[i], indent);
            }
            sb.append(']');
        } else if (v instanceof int[] a) {
            sb.append('[');
            for (int i = 0; i < a.length; i++) {
                sb.append(i > 0 ? ", " : "").append(a[i]);
            }
            sb.append(']');
        } else if (v instanceof long[] a) {
            sb.append('[');
            for (int i = 0; i < a.length; i++) {
                sb.append(i > 0 ? ", " : "").append(a[i]);
            }
            sb.append(']');
        } else if (v instanceof Iterable<?> it) {
            if (!it.iterator().hasNext()) {
                sb.append("[]");
                return;
            }
            sb.append("[\n");
            boolean first = true;
            for (Object o : it) {
                if (!first) {
                    sb.append(",\n");
                }
                first = false;
                pad(sb, indent + 1);
                write(sb, o, indent + 1);
            }
            sb.append('\n');
            pad(sb, indent);
            sb.append(']');
        } else {
            string(sb, v.toString());
        }
    }

    private static void pad(StringBuilder sb, int indent) {
        sb.append("  ".repeat(indent));
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
