package dev.quiver.nn.checkpoint;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.io.AtomicFiles;
import dev.quiver.core.state.NamedArrays;
import dev.quiver.nn.net.Network;
import dev.quiver.nn.optim.Optimizer;
import dev.quiver.nn.runtime.NnRuntime;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a training checkpoint: a directory holding {@code manifest.json} and {@code tensors.safetensors}
 * (no Java serialization). The directory is written under a temporary name next to the target and then
 * renamed into place, so a reader sees either the old checkpoint or the complete new one.
 *
 * <p>The manifest ({@value CheckpointReader#FORMAT}, format version {@value CheckpointReader#FORMAT_VERSION})
 * holds: {@code algorithm}, {@code step}, a free-form {@code config} object, {@code networks} (per
 * component: the spec and each parameter's tensor name, dtype and shape), {@code optimizers} (hyperparameters,
 * step count, state tensors), {@code rng} (named opaque generator states, base64) and {@code versions}
 * (DJL, PyTorch, Java), and {@code arrays} (names of raw state arrays such as replay-buffer columns, stored
 * as tensors {@code state/NAME} in their own dtype: F32, F64, I32, I64, BOOL or U8). Network and optimizer tensor names are {@code component/parameter}, e.g. {@code q/01Linear_weight} or
 * {@code q_opt/m.0}; all are float32 little-endian.
 *
 * <pre>{@code
 * new CheckpointWriter().algorithm("dqn").step(step).config(cfg)
 *         .network("q", q).network("q_target", target).optimizer("q_opt", opt)
 *         .rngState("replay", replayRngState).write(dir);
 * }</pre>
 */
public final class CheckpointWriter {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeSpecialFloatingPointValues()
            .create();
    /** The tensor-name prefix of {@link #array raw arrays}. */
    static final String STATE_PREFIX = "state/";
    private String algorithm = "";
    private long step;
    private Map<String, ?> config = Map.of();
    private final Map<String, Network> networks = new LinkedHashMap<>();
    private final Map<String, Optimizer> optimizers = new LinkedHashMap<>();
    private final Map<String, byte[]> rng = new LinkedHashMap<>();
    private final Map<String, Tensor> arrays = new LinkedHashMap<>();

    /** The algorithm's name. */
    public CheckpointWriter algorithm(String name) {
        this.algorithm = name;
        return this;
    }

    /** The training step reached. */
    public CheckpointWriter step(long s) {
        this.step = s;
        return this;
    }

    /** The configuration (any JSON-serialisable map: strings, numbers, booleans, lists, maps). */
    public CheckpointWriter config(Map<String, ?> c) {
        this.config = c;
        return this;
    }

    /** A network's parameters under component {@code name}. */
    public CheckpointWriter network(String name, Network net) {
        checkName(name);
        networks.put(name, net);
        return this;
    }

    /** An optimizer's state and step count under component {@code name}. */
    public CheckpointWriter optimizer(String name, Optimizer opt) {
        checkName(name);
        optimizers.put(name, opt);
        return this;
    }

    /** An opaque random-generator state (e.g. Commons RNG's {@code saveState()} bytes). */
    public CheckpointWriter rngState(String name, byte[] state) {
        rng.put(name, state.clone());
        return this;
    }

    /**
     * A raw array under tensor name {@code state/NAME} (e.g. replay-buffer columns for an exact resume);
     * read back with {@link CheckpointReader#array(String)}.
     */
    public CheckpointWriter array(String name, Tensor t) {
        if (name.isEmpty() || arrays.containsKey(name)) {
            throw new IllegalArgumentException("array names must be unique and non-empty: " + name);
        }
        arrays.put(name, t);
        return this;
    }

    /**
     * Each of {@code state}'s arrays as a raw array {@code prefix + name} (float[] as F32, double[] as F64,
     * int[] as I32, long[] as I64, boolean[] as BOOL, byte[] as U8), e.g. a vector env's state under
     * {@code env/}; read back with {@link CheckpointReader#arrays(String)}.
     */
    public CheckpointWriter arrays(String prefix, NamedArrays state) {
        for (Map.Entry<String, Object> e : state.asMap().entrySet()) {
            array(prefix + e.getKey(), tensorOf(e.getValue()));
        }
        return this;
    }

    private static Tensor tensorOf(Object a) {
        if (a instanceof float[] f) {
            return Tensor.ofFloats(f, f.length);
        } else if (a instanceof double[] d) {
            return Tensor.ofDoubles(d, d.length);
        } else if (a instanceof int[] i) {
            return Tensor.ofInts(i, i.length);
        } else if (a instanceof long[] l) {
            return Tensor.ofLongs(l, l.length);
        } else if (a instanceof boolean[] b) {
            return Tensor.ofBooleans(b, b.length);
        } else if (a instanceof byte[] b) {
            return Tensor.ofBytes(b, b.length);
        }
        throw new IllegalArgumentException("not a primitive array of a supported kind: " + a.getClass());
    }

    private void checkName(String name) {
        if (name.isEmpty() || name.contains("/") || networks.containsKey(name) || optimizers.containsKey(name)) {
            throw new IllegalArgumentException("component names must be unique, non-empty and without '/': " + name);
        }
    }

    /**
     * Writes the checkpoint to directory {@code dir}, replacing any checkpoint there.
     *
     * @throws QuiverUserException if it cannot be written
     */
    public void write(Path dir) {
        Path target = dir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        String tag = ProcessHandle.current().pid() + "-" + Long.toHexString(System.nanoTime());
        Path tmp = parent.resolve("." + target.getFileName() + ".tmp-" + tag);
        Path old = parent.resolve("." + target.getFileName() + ".old-" + tag);
        try {
            Files.createDirectories(tmp);
            Map<String, Tensor> tensors = new LinkedHashMap<>();
            JsonObject manifest = new JsonObject();
            manifest.addProperty("format", CheckpointReader.FORMAT);
            manifest.addProperty("formatVersion", CheckpointReader.FORMAT_VERSION);
            manifest.addProperty("algorithm", algorithm);
            manifest.addProperty("step", step);
            manifest.add("config", GSON.toJsonTree(config));
            manifest.addProperty("tensorsFile", CheckpointReader.TENSORS);
            JsonObject nets = new JsonObject();
            for (Map.Entry<String, Network> e : networks.entrySet()) {
                JsonObject n = new JsonObject();
                n.addProperty("spec", e.getValue().spec().toString());
                n.add("parameters", addTensors(e.getKey(), e.getValue().parameters(), tensors));
                nets.add(e.getKey(), n);
            }
            manifest.add("networks", nets);
            JsonObject opts = new JsonObject();
            for (Map.Entry<String, Optimizer> e : optimizers.entrySet()) {
                JsonObject o = new JsonObject();
                o.add("hyperparameters", GSON.toJsonTree(e.getValue().describe()));
                o.addProperty("stepCount", e.getValue().stepCount());
                o.add("state", addTensors(e.getKey(), e.getValue().state(), tensors));
                opts.add(e.getKey(), o);
            }
            manifest.add("optimizers", opts);
            JsonObject r = new JsonObject();
            rng.forEach((k, v) -> r.addProperty(k, Base64.getEncoder().encodeToString(v)));
            manifest.add("rng", r);
            JsonArray stateArrays = new JsonArray();
            for (Map.Entry<String, Tensor> e : arrays.entrySet()) {
                tensors.put(STATE_PREFIX + e.getKey(), e.getValue());
                stateArrays.add(e.getKey());
            }
            manifest.add("arrays", stateArrays);
            JsonObject versions = new JsonObject();
            versions.addProperty("djl", Engine.getDjlVersion());
            versions.addProperty("pytorch", NnRuntime.engine().getVersion());
            versions.addProperty("java", System.getProperty("java.version"));
            manifest.add("versions", versions);

            Path tensorsFile = tmp.resolve(CheckpointReader.TENSORS);
            SafeTensors.write(tensorsFile, tensors, Map.of("format", "pt"));
            Path manifestFile = tmp.resolve(CheckpointReader.MANIFEST);
            Files.writeString(manifestFile, GSON.toJson(manifest) + "\n", StandardCharsets.UTF_8);
            fsync(tensorsFile);
            fsync(manifestFile);
            if (Files.exists(target)) {
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target);
            }
            AtomicFiles.deleteTree(old);
        } catch (IOException e) {
            try {
                AtomicFiles.deleteTree(tmp);
                if (Files.exists(old) && !Files.exists(target)) {
                    Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
                }
            } catch (IOException ignored) {
                // best effort: report the original error
            }
            throw new QuiverUserException("cannot write checkpoint " + dir + ": " + e, e);
        }
    }

    private static JsonArray addTensors(String component, Map<String, NDArray> arrays, Map<String, Tensor> out) {
        JsonArray list = new JsonArray();
        for (Map.Entry<String, NDArray> e : arrays.entrySet()) {
            NDArray a = e.getValue();
            String name = component + "/" + e.getKey();
            Tensor t = Tensor.ofFloats(a.toFloatArray(), a.getShape().getShape());
            out.put(name, t);
            JsonObject o = new JsonObject();
            o.addProperty("name", e.getKey());
            o.addProperty("tensor", name);
            o.addProperty("dtype", t.dtype());
            JsonArray shape = new JsonArray();
            for (long d : t.shape()) {
                shape.add(d);
            }
            o.add("shape", shape);
            list.add(o);
        }
        return list;
    }

    private static void fsync(Path p) throws IOException {
        try (FileChannel c = FileChannel.open(p, StandardOpenOption.WRITE)) {
            c.force(true);
        }
    }
}
