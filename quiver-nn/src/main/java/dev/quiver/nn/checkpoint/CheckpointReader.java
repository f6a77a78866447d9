package dev.quiver.nn.checkpoint;

import ai.djl.ndarray.NDArray;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.state.NamedArrays;
import dev.quiver.nn.net.Network;
import dev.quiver.nn.optim.Optimizer;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a checkpoint written by {@link CheckpointWriter} and restores networks and optimizers from it,
 * validating names, dtypes and shapes: any mismatch raises a {@link QuiverUserException} that lists
 * every missing, unexpected and mis-shaped tensor.
 */
public final class CheckpointReader {
    /** The manifest's {@code format} value. */
    public static final String FORMAT = "quiver-checkpoint";
    /** The manifest format version this code writes and reads. */
    public static final int FORMAT_VERSION = 1;
    /** The manifest's file name. */
    public static final String MANIFEST = "manifest.json";
    /** The tensors' file name. */
    public static final String TENSORS = "tensors.safetensors";

    private final Path dir;
    private final JsonObject manifest;
    private final Map<String, Tensor> tensors;

    private CheckpointReader(Path dir, JsonObject manifest, Map<String, Tensor> tensors) {
        this.dir = dir;
        this.manifest = manifest;
        this.tensors = tensors;
    }

    /**
     * Opens the checkpoint in {@code dir}.
     *
     * @throws QuiverUserException if the manifest or tensors are missing, unreadable, of another format or
     *     version, or inconsistent with each other
     */
    public static CheckpointReader open(Path dir) {
        JsonObject m = readManifest(dir);
        Path mf = dir.resolve(MANIFEST);
        Map<String, Tensor> t = SafeTensors.read(dir.resolve(m.get("tensorsFile").getAsString()), null);
        CheckpointReader r = new CheckpointReader(dir, m, t);
        for (String section : new String[] {"networks", "optimizers"}) {
            for (Map.Entry<String, JsonElement> e : m.getAsJsonObject(section).entrySet()) {
                JsonArray list = e.getValue().getAsJsonObject().getAsJsonArray(
                        section.equals("networks") ? "parameters" : "state");
                for (JsonElement p : list) {
                    String name = p.getAsJsonObject().get("tensor").getAsString();
                    if (!t.containsKey(name)) {
                        throw new QuiverUserException(mf + ": " + section + "." + e.getKey() + " lists tensor '" + name
                                + "' that " + TENSORS + " does not contain");
                    }
                }
            }
        }
        return r;
    }

    /**
     * What a checkpoint's manifest says about it, read without loading its tensors.
     *
     * @param algorithm the algorithm that wrote it
     * @param step the training step it was written at
     */
    public record Summary(String algorithm, long step) {
    }

    /**
     * The algorithm and step of the checkpoint in {@code dir}, from its manifest only (the tensors are not
     * read; {@link #open} checks them).
     *
     * @throws QuiverUserException if the manifest is missing, unreadable, or of another format or version
     */
    public static Summary summary(Path dir) {
        JsonObject m = readManifest(dir);
        return new Summary(m.get("algorithm").getAsString(), m.get("step").getAsLong());
    }

    /** Reads and checks {@code dir/manifest.json} (format and version). */
    private static JsonObject readManifest(Path dir) {
        Path mf = dir.resolve(MANIFEST);
        JsonObject m;
        try {
            m = JsonParser.parseString(Files.readString(mf, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (NoSuchFileException e) {
            throw new QuiverUserException("checkpoint " + dir + ": no " + MANIFEST + " (not a checkpoint directory)");
        } catch (IOException | RuntimeException e) {
            throw new QuiverUserException("checkpoint " + mf + ": cannot read the manifest: " + e.getMessage(), e);
        }
        String format = m.has("format") ? m.get("format").getAsString() : "(none)";
        if (!FORMAT.equals(format)) {
            throw new QuiverUserException(mf + ": format is '" + format + "', expected '" + FORMAT + "'");
        }
        int version = m.get("formatVersion").getAsInt();
        if (version != FORMAT_VERSION) {
            throw new QuiverUserException(mf + ": formatVersion " + version + " is not supported (this Quiver reads "
                    + FORMAT_VERSION + ")");
        }
        return m;
    }

    /** The checkpoint directory. */
    public Path dir() {
        return dir;
    }

    /** The algorithm name. */
    public String algorithm() {
        return manifest.get("algorithm").getAsString();
    }

    /** The training step. */
    public long step() {
        return manifest.get("step").getAsLong();
    }

    /** The free-form configuration (numbers come back as {@code Double}). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> config() {
        return new Gson().fromJson(manifest.get("config"), Map.class);
    }

    /**
     * {@code m} as {@link #config()} would return it after a write and read (numbers as {@code Double},
     * lists as lists), so a live configuration can be compared with a saved one.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> normalise(Map<String, ?> m) {
        Gson gson = new GsonBuilder().serializeSpecialFloatingPointValues().create();
        return gson.fromJson(gson.toJsonTree(m), Map.class);
    }

    /** The named random-generator state, or {@code null} if none was saved under that name. */
    public byte[] rngState(String name) {
        JsonElement e = manifest.getAsJsonObject("rng").get(name);
        return e == null ? null : Base64.getDecoder().decode(e.getAsString());
    }

    /**
     * The raw array saved with {@link CheckpointWriter#array}.
     *
     * @throws QuiverUserException if the checkpoint has no such array
     */
    public Tensor array(String name) {
        Tensor t = tensors.get(CheckpointWriter.STATE_PREFIX + name);
        if (t == null) {
            throw new QuiverUserException("checkpoint " + dir + ": no array '" + name + "'");
        }
        return t;
    }

    /**
     * The raw arrays whose names start with {@code prefix} (as {@link CheckpointWriter#arrays} wrote them), under
     * their names without it; F32, F64, I32, I64, BOOL and U8 arrays become float[], double[], int[], long[],
     * boolean[] and byte[].
     *
     * @throws QuiverUserException if one has another dtype
     */
    public NamedArrays arrays(String prefix) {
        NamedArrays out = new NamedArrays("checkpoint " + dir + " (arrays " + prefix + "*)");
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            if (!e.getKey().startsWith(CheckpointWriter.STATE_PREFIX + prefix)) {
                continue;
            }
            String name = e.getKey().substring(CheckpointWriter.STATE_PREFIX.length() + prefix.length());
            Tensor t = e.getValue();
            switch (t.dtype()) {
                case "F32" -> out.put(name, t.floats());
                case "F64" -> out.put(name, t.doubles());
                case "I32" -> out.put(name, t.ints());
                case "I64" -> out.put(name, t.longs());
                case "BOOL" -> out.put(name, t.booleans());
                case "U8" -> out.put(name, t.bytes());
                default -> throw new QuiverUserException("checkpoint " + dir + ": array '" + prefix + name + "' is "
                        + t.dtype() + "; expected F32, F64, I32, I64, BOOL or U8");
            }
        }
        return out;
    }

    /** The manifest as JSON (for tools). */
    public JsonObject manifest() {
        return manifest.deepCopy();
    }

    /** Every tensor in the file by its full name. */
    public Map<String, Tensor> tensors() {
        return java.util.Collections.unmodifiableMap(tensors);
    }

    /** Copies component {@code name}'s parameters into {@code net}, after validating names and shapes. */
    public void restore(String name, Network net) {
        JsonObject n = component("networks", name);
        copyInto(name, net.parameters(), n.getAsJsonArray("parameters"));
    }

    /** Copies component {@code name}'s state and step count into {@code opt}, after validating them. */
    public void restore(String name, Optimizer opt) {
        JsonObject o = component("optimizers", name);
        copyInto(name, opt.state(), o.getAsJsonArray("state"));
        opt.setStepCount(o.get("stepCount").getAsLong());
    }

    private JsonObject component(String section, String name) {
        JsonObject s = manifest.getAsJsonObject(section);
        if (!s.has(name)) {
            throw new QuiverUserException("checkpoint " + dir + ": no " + section.substring(0, section.length() - 1)
                    + " '" + name + "'; it has " + s.keySet());
        }
        return s.getAsJsonObject(name);
    }

    private void copyInto(String component, Map<String, NDArray> live, JsonArray saved) {
        Map<String, String> savedNames = new LinkedHashMap<>();
        for (JsonElement p : saved) {
            JsonObject o = p.getAsJsonObject();
            savedNames.put(o.get("name").getAsString(), o.get("tensor").getAsString());
        }
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, NDArray> e : live.entrySet()) {
            String tensorName = savedNames.get(e.getKey());
            if (tensorName == null) {
                problems.add("missing '" + e.getKey() + "'");
                continue;
            }
            Tensor t = tensors.get(tensorName);
            long[] want = e.getValue().getShape().getShape();
            if (!t.dtype().equals("F32")) {
                problems.add("'" + e.getKey() + "' is " + t.dtype() + ", expected F32");
            } else if (!Arrays.equals(want, t.shape())) {
                problems.add("'" + e.getKey() + "' has shape " + Arrays.toString(t.shape()) + ", expected "
                        + Arrays.toString(want));
            }
        }
        for (String s : savedNames.keySet()) {
            if (!live.containsKey(s)) {
                problems.add("unexpected '" + s + "'");
            }
        }
        if (!problems.isEmpty()) {
            throw new QuiverUserException("checkpoint " + dir + ": component '" + component
                    + "' does not match the object to restore: " + String.join("; ", problems));
        }
        for (Map.Entry<String, NDArray> e : live.entrySet()) {
            e.getValue().set(FloatBuffer.wrap(tensors.get(savedNames.get(e.getKey())).floats()));
        }
    }
}
