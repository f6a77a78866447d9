package dev.quiver.pipeline.cache;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.io.AtomicFiles;
import dev.quiver.pipeline.io.AtomicMoves;
import dev.quiver.pipeline.io.FileNames;
import dev.quiver.pipeline.io.JsonValues;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The cache of finished stages: stage {@code S} of scope {@code T} (a task of a study) with cache key {@code K}
 * lives in {@code ROOT/STUDY/T/S-K12/}, {@code K12} the first 12 hex digits of the key. A stage is computed into
 * a fresh temporary folder next to its final place and moved there atomically once it is complete, with a
 * {@value #MARKER} file that records its key, inputs and content hash; a folder without that file is not a
 * finished stage. So a failed or interrupted run leaves every earlier result as it was, and a rerun with the
 * same key finds the finished folder and skips the work.
 */
public final class StageCache {
    /** The file that marks a finished stage folder. */
    public static final String MARKER = "stage.json";
    /**
     * A stage's wall times: kept out of its content hash (they differ from run to run while the results do not),
     * so that a recomputed stage with identical results does not invalidate the stages after it.
     */
    public static final String TIMINGS = "timings.json";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues()
            .create();
    private final Path root;

    /** A cache under {@code root}. */
    public StageCache(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The cache folder. */
    public Path root() {
        return root;
    }

    /** What a stage computes into a folder it is given (empty at the start). */
    @FunctionalInterface
    public interface Work {
        /** Writes the stage's files into {@code dir}. */
        void run(Path dir) throws IOException;
    }

    /**
     * The finished folder of the stage, computing it with {@code work} unless it is cached (or {@code force}).
     *
     * @param study the study's name
     * @param scope the task's name (e.g. an env id)
     * @param stage the stage's name
     * @param inputs the stage's configuration and its inputs' content hashes (hashed into the key, and recorded)
     * @param force recompute even if cached; the new folder replaces the old one only once it is complete
     */
    public StageOutput get(String study, String scope, String stage, Map<String, Object> inputs, boolean force,
            Work work) {
        Map<String, Object> keyed = new java.util.LinkedHashMap<>();
        keyed.put("stage", stage);
        keyed.put("inputs", inputs);
        String key = ContentHash.ofJson(keyed);
        Path dir = root.resolve(FileNames.safe(study)).resolve(FileNames.safe(scope))
                .resolve(stage + "-" + key.substring(0, 12));
        Path marker = dir.resolve(MARKER);
        if (!force && Files.isRegularFile(marker)) {
            JsonObject m = readMarker(marker);
            if (m != null && key.equals(m.has("key") ? m.get("key").getAsString() : null)) {
                return new StageOutput(dir, key, m.get("content_hash").getAsString(), true,
                        m.get("seconds").getAsDouble());
            }
        }
        Path tmp = dir.resolveSibling("." + dir.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-"
                + Long.toHexString(System.nanoTime()));
        long t0 = System.nanoTime();
        try {
            Files.createDirectories(tmp);
            work.run(tmp);
            double seconds = (System.nanoTime() - t0) / 1e9;
            String content = ContentHash.ofPath(tmp, MARKER, TIMINGS);
            JsonObject m = new JsonObject();
            m.addProperty("stage", stage);
            m.addProperty("study", study);
            m.addProperty("scope", scope);
            m.addProperty("key", key);
            m.addProperty("content_hash", content);
            m.addProperty("seconds", seconds);
            m.add("inputs", GSON.toJsonTree(inputs));
            Files.writeString(tmp.resolve(MARKER), JsonValues.toJson(m), StandardCharsets.UTF_8);
            install(tmp, dir);
            tmp = null;
            return new StageOutput(dir, key, content, false, seconds);
        } catch (IOException e) {
            throw new QuiverUserException("stage " + stage + " of " + scope + ": cannot write the cache folder " + dir
                    + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    AtomicFiles.deleteTree(tmp);
                } catch (IOException ignored) {
                    // best effort: the stage's own error matters more
                }
            }
        }
    }

    /**
     * Moves the complete {@code tmp} to {@code dir}. An older folder there is first moved aside and deleted only
     * after the move; if the move fails, the older folder is moved back, so a failed install leaves the cache as
     * it was.
     */
    static void install(Path tmp, Path dir) throws IOException {
        Path old = null;
        if (Files.exists(dir)) {
            old = dir.resolveSibling("." + dir.getFileName() + ".old-" + Long.toHexString(System.nanoTime()));
            AtomicMoves.move(dir, old);
        }
        try {
            AtomicMoves.move(tmp, dir);
        } catch (IOException | RuntimeException e) {
            if (old != null) {
                try {
                    AtomicMoves.move(old, dir);
                } catch (IOException | RuntimeException restore) {
                    e.addSuppressed(restore);
                }
            }
            throw e;
        }
        if (old != null) {
            AtomicFiles.deleteTree(old);
        }
    }

    private static JsonObject readMarker(Path marker) {
        try {
            return GSON.fromJson(Files.readString(marker, StandardCharsets.UTF_8), JsonObject.class);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
