package dev.quiver.cli.train;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.quiver.core.error.QuiverUserException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The settings of a {@code quiver train} run as its {@code config.json} records them, read back for
 * {@code quiver train --resume DIR}.
 *
 * @param file the config file read
 * @param algorithm the algorithm's name
 * @param env the env id
 * @param steps env steps per seed
 * @param seeds the seeds, in run order
 * @param evalEpisodes greedy evaluation episodes per seed
 * @param checkpointEvery env steps between saved training states (0: none)
 * @param evalEvery env steps between periodic evaluations (0: none)
 * @param periodicEpisodes episodes per periodic evaluation
 * @param config the algorithm's configuration map
 */
record RunSettings(Path file, String algorithm, String env, long steps, long[] seeds, int evalEpisodes,
        long checkpointEvery, long evalEvery, int periodicEpisodes, Map<String, Object> config) {

    /**
     * Reads {@code dir/config.json}.
     *
     * @throws QuiverUserException naming the file and the key if it is missing, not JSON, or lacks a setting
     */
    @SuppressWarnings("unchecked")
    static RunSettings read(Path dir) {
        Path file = dir.resolve("config.json");
        JsonObject o;
        try {
            o = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (NoSuchFileException e) {
            throw new QuiverUserException("--resume " + dir + ": no " + file.getFileName() + " there; give the --out"
                    + " directory of an earlier 'quiver train' run");
        } catch (IOException e) {
            throw new QuiverUserException("--resume " + dir + ": cannot read " + file + ": " + e.getMessage(), e);
        } catch (JsonParseException | IllegalStateException e) {
            throw new QuiverUserException(file + ": not a JSON object: " + e.getMessage(), e);
        }
        try {
            long[] seeds = new Gson().fromJson(require(o, "seeds", file), long[].class);
            Map<String, Object> config = new Gson().fromJson(require(o, "config", file), Map.class);
            return new RunSettings(file, require(o, "algorithm", file).getAsString(),
                    require(o, "env", file).getAsString(), require(o, "steps", file).getAsLong(), seeds,
                    require(o, "eval_episodes", file).getAsInt(), require(o, "checkpoint_every", file).getAsLong(),
                    require(o, "eval_every", file).getAsLong(), require(o, "eval_every_episodes", file).getAsInt(),
                    config);
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException
                | NumberFormatException e) {
            throw new QuiverUserException(file + ": malformed run settings: " + e.getMessage(), e);
        }
    }

    private static JsonElement require(JsonObject o, String key, Path file) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            throw new QuiverUserException(file + ": missing '" + key + "'");
        }
        return e;
    }

    /** The {@code wall_seconds} recorded in a seed's {@code eval.json} (NaN if absent or unreadable). */
    static double wallSeconds(Path evalJson) {
        try {
            JsonElement w = JsonParser.parseString(Files.readString(evalJson, StandardCharsets.UTF_8))
                    .getAsJsonObject().get("wall_seconds");
            return w == null ? Double.NaN : w.getAsDouble();
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
