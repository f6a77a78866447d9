package dev.quiver.data.io;

import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.space.Box;
import dev.quiver.core.space.Discrete;
import dev.quiver.core.space.Space;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Writes JSON the way Minari's Python writes it: {@code json.dumps} with its default separators
 * ({@code ", "} and {@code ": "}), ASCII-only strings, Python's {@code repr} of floats
 * ({@code 4.800000190734863}, {@code 3.4028234663852886e+38}, {@code Infinity}), and spaces as
 * Minari's {@code serialize_space} lays them out.
 */
final class MinariJson {
    private MinariJson() {
    }

    /**
     * A space as Minari's {@code serialize_space} writes it: {@code {"type": "Box", "dtype": "float32",
     * "shape": [...], "low": [...], "high": [...]}} or {@code {"type": "Discrete", "dtype": "int64",
     * "start": 0, "n": 2}}. Box bounds are written flat for a one-dimensional box and nested by the shape
     * otherwise, as numpy's {@code tolist()} does.
     *
     * @throws QuiverUserException for spaces other than Box and Discrete
     */
    static String space(Space<?> space, String what) {
        StringBuilder sb = new StringBuilder();
        if (space instanceof Discrete d) {
            sb.append("{\"type\": \"Discrete\", \"dtype\": \"int64\", \"start\": ").append(d.start())
                    .append(", \"n\": ").append(d.n()).append('}');
            return sb.toString();
        }
        if (space instanceof Box<?> b) {
            int[] shape = b.shape();
            sb.append("{\"type\": \"Box\", \"dtype\": ");
            string(sb, b.dtype().label());
            sb.append(", \"shape\": [");
            for (int i = 0; i < shape.length; i++) {
                sb.append(i > 0 ? ", " : "").append(shape[i]);
            }
            sb.append("], \"low\": ");
            nested(sb, b.lows(), shape, 0, new int[] {0});
            sb.append(", \"high\": ");
            nested(sb, b.highs(), shape, 0, new int[] {0});
            sb.append('}');
            return sb.toString();
        }
        throw new QuiverUserException(what + ": space " + space + " cannot be written in Minari's format; allowed:"
                + " Box, Discrete");
    }

    private static void nested(StringBuilder sb, double[] values, int[] shape, int dim, int[] next) {
        sb.append('[');
        for (int i = 0; i < shape[dim]; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            if (dim == shape.length - 1) {
                sb.append(pyFloat(values[next[0]++]));
            } else {
                nested(sb, values, shape, dim + 1, next);
            }
        }
        sb.append(']');
    }

    /**
     * A flat JSON object of strings, integers and doubles, in the map's order, as {@code json.dumps}
     * writes it.
     */
    static String object(Map<String, ?> fields) {
        StringBuilder sb = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, ?> e : fields.entrySet()) {
            if (!first) {
                sb.append(", ");
            }
            first = false;
            string(sb, e.getKey());
            sb.append(": ");
            Object v = e.getValue();
            if (v instanceof String s) {
                string(sb, s);
            } else if (v instanceof Double || v instanceof Float) {
                sb.append(pyFloat(((Number) v).doubleValue()));
            } else if (v instanceof Number n) {
                sb.append(n.longValue());
            } else if (v instanceof Boolean b) {
                sb.append(b);
            } else if (v == null) {
                sb.append("null");
            } else {
                throw new IllegalArgumentException("cannot write " + v.getClass() + " as a JSON field");
            }
        }
        return sb.append('}').toString();
    }

    /** A JSON string as {@code json.dumps} writes it (with {@code ensure_ascii}: non-ASCII as {@code \\uXXXX}). */
    static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /**
     * Python's {@code repr} of a float: the shortest digits that read back as the same double, in
     * positional notation for decimal exponents -4 to 15 and as {@code d.ddde+XX} otherwise;
     * {@code Infinity}, {@code -Infinity} and {@code NaN} as {@code json.dumps} writes them.
     */
    static String pyFloat(double x) {
        if (Double.isNaN(x)) {
            return "NaN";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "Infinity" : "-Infinity";
        }
        if (x == 0) {
            return 1 / x < 0 ? "-0.0" : "0.0";
        }
        BigDecimal d = new BigDecimal(Double.toString(x)).stripTrailingZeros();
        String digits = d.unscaledValue().abs().toString();
        int exp = digits.length() - 1 - d.scale();
        String sign = x < 0 ? "-" : "";
        if (exp < -4 || exp >= 16) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            int a = Math.abs(exp);
            return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + (a < 10 ? "0" : "") + a;
        }
        String plain = d.abs().toPlainString();
        return sign + (plain.contains(".") ? plain : plain + ".0");
    }
}
