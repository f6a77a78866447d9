package dev.quiver.pipeline.io;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.reflect.TypeToken;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.estimate.Estimate;
import dev.quiver.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The pipeline's JSON: {@link Estimate}s as {@code {"value", "low", "high", "confidence", "method"}}, arrays of
 * numbers, and reading and writing files (writes are atomic). Every file is strict JSON (RFC 8259, readable by
 * {@code jq}, {@code JSON.parse} and Jackson): a non-finite number (an undefined statistic such as SharpeRatio@1,
 * an unbounded interval end) is written as {@code null}, and the readers here ({@link #number}, {@link
 * #estimate(JsonObject)}, {@link #doubles}) read {@code null} back as {@code NaN}. Integers stay integers.
 */
public final class JsonValues {
    /**
     * The pretty-printing Gson for building JSON trees (it accepts non-finite doubles in a tree; {@link #write}
     * and {@link #toJson} turn them into {@code null}).
     */
    public static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues()
            .disableHtmlEscaping().create();
    /** Writes the trees that {@link #finite} has made strict (no special floating-point values). */
    private static final Gson STRICT = new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping()
            .create();

    private JsonValues() {
    }

    /** {@code e} as {@code {"value", "low", "high", "confidence", "method"}}. */
    public static JsonObject estimate(Estimate e) {
        JsonObject o = new JsonObject();
        o.addProperty("value", e.point());
        o.addProperty("low", e.low());
        o.addProperty("high", e.high());
        o.addProperty("confidence", e.confidence());
        o.addProperty("method", e.method());
        return o;
    }

    /** The estimate written by {@link #estimate(Estimate)} ({@code null} ends read as {@code NaN}). */
    public static Estimate estimate(JsonObject o) {
        return new Estimate(number(o.get("value")), number(o.get("low")), number(o.get("high")),
                number(o.get("confidence")), o.get("method").getAsString());
    }

    /**
     * A number written by this class: {@code null} (how a non-finite number is written) reads as {@code NaN}.
     *
     * @throws IllegalArgumentException if {@code e} is missing or neither a number nor {@code null}
     */
    public static double number(JsonElement e) {
        if (e == null) {
            throw new IllegalArgumentException("missing number");
        }
        return e.isJsonNull() ? Double.NaN : e.getAsDouble();
    }

    /**
     * {@code o.key}, a number written by this class ({@code null} reads as {@code NaN}; see {@link
     * #number(JsonElement)}).
     *
     * @throws IllegalArgumentException if the key is missing or holds neither a number nor {@code null}
     */
    public static double number(JsonObject o, String key) {
        return number(o.get(key));
    }

    /** {@code values} as a JSON array. */
    public static JsonArray array(double[] values) {
        JsonArray a = new JsonArray();
        for (double v : values) {
            a.add(v);
        }
        return a;
    }

    /** {@code values} as a JSON array. */
    public static JsonArray array(float[] values) {
        JsonArray a = new JsonArray();
        for (float v : values) {
            a.add(v);
        }
        return a;
    }

    /** {@code values} as a JSON array. */
    public static JsonArray array(int[] values) {
        JsonArray a = new JsonArray();
        for (int v : values) {
            a.add(v);
        }
        return a;
    }

    /** A JSON array of numbers as doubles. */
    public static double[] doubles(JsonElement a) {
        JsonArray arr = a.getAsJsonArray();
        double[] out = new double[arr.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = number(arr.get(i));
        }
        return out;
    }

    /** A JSON array of arrays of numbers as a float matrix. */
    public static float[][] floatRows(JsonElement a) {
        JsonArray arr = a.getAsJsonArray();
        float[][] out = new float[arr.size()][];
        for (int i = 0; i < out.length; i++) {
            JsonArray row = arr.get(i).getAsJsonArray();
            out[i] = new float[row.size()];
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] = (float) number(row.get(j));
            }
        }
        return out;
    }

    /** A JSON object as a plain map (numbers as {@code Double}, lists, nested maps). */
    public static Map<String, Object> toMap(JsonObject o) {
        return GSON.fromJson(o, new TypeToken<Map<String, Object>>() { }.getType());
    }

    /**
     * A copy of {@code e} with every non-finite number ({@code NaN}, {@code Infinity}) replaced by {@code null}
     * (JSON has no such numbers); every other value, integers included, is kept as it is.
     */
    public static JsonElement finite(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return JsonNull.INSTANCE;
        }
        if (e.isJsonObject()) {
            JsonObject out = new JsonObject();
            e.getAsJsonObject().entrySet().forEach(en -> out.add(en.getKey(), finite(en.getValue())));
            return out;
        }
        if (e.isJsonArray()) {
            JsonArray out = new JsonArray();
            e.getAsJsonArray().forEach(x -> out.add(finite(x)));
            return out;
        }
        JsonPrimitive p = e.getAsJsonPrimitive();
        if (p.isNumber()) {
            Number n = p.getAsNumber();
            boolean floating = n instanceof Double || n instanceof Float;
            if (floating && !Double.isFinite(n.doubleValue())) {
                return JsonNull.INSTANCE;
            }
        }
        return p;
    }

    /** {@code value} as pretty, strict JSON text (non-finite numbers as {@code null}; see {@link #finite}). */
    public static String toJson(Object value) {
        JsonElement tree = value instanceof JsonElement j ? j : GSON.toJsonTree(value);
        return STRICT.toJson(finite(tree)) + "\n";
    }

    /** Writes {@code value} as pretty, strict JSON ({@link #toJson}) to {@code file}, atomically. */
    public static void write(Path file, Object value) {
        AtomicFiles.writeString(file, toJson(value), file.toString());
    }

    /**
     * Reads the JSON object in {@code file}.
     *
     * @throws QuiverUserException if it is missing or not a JSON object
     */
    public static JsonObject read(Path file) {
        try {
            return GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), JsonObject.class);
        } catch (IOException | RuntimeException e) {
            throw new QuiverUserException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
