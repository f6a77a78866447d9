package dev.quiver.pipeline.io;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
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
 * numbers, and reading and writing files (writes are atomic). Non-finite numbers are written as Gson writes them
 * ({@code NaN}, {@code Infinity}), which Python's {@code json} module reads.
 */
public final class JsonValues {
    /** The pretty-printing Gson every pipeline file is written with. */
    public static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues()
            .disableHtmlEscaping().create();

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

    /** The estimate written by {@link #estimate(Estimate)}. */
    public static Estimate estimate(JsonObject o) {
        return new Estimate(o.get("value").getAsDouble(), o.get("low").getAsDouble(), o.get("high").getAsDouble(),
                o.get("confidence").getAsDouble(), o.get("method").getAsString());
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
            out[i] = arr.get(i).getAsDouble();
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
                out[i][j] = row.get(j).getAsFloat();
            }
        }
        return out;
    }

    /** A JSON object as a plain map (numbers as {@code Double}, lists, nested maps). */
    public static Map<String, Object> toMap(JsonObject o) {
        return GSON.fromJson(o, new TypeToken<Map<String, Object>>() { }.getType());
    }

    /** Writes {@code value} as pretty JSON to {@code file}, atomically. */
    public static void write(Path file, Object value) {
        AtomicFiles.writeString(file, GSON.toJson(value) + "\n", file.toString());
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
