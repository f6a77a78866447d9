package dev.quiver.data.io;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.quiver.core.env.EnvSpec;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.space.Box;
import dev.quiver.core.space.Discrete;
import dev.quiver.core.space.Space;
import dev.quiver.data.dataset.EpisodeDataset;
import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a dataset in Minari's HDF5 layout: a directory with {@code metadata.json} and
 * {@code main_data.hdf5} (either directly or under {@code data/}), the HDF5 file holding one group
 * {@code episode_i} per episode with {@code observations [T+1, d]}, {@code actions [T]} (Discrete) or
 * {@code [T, k]} (Box), {@code rewards [T]}, {@code terminations [T]} and {@code truncations [T]}.
 *
 * <p>Supported spaces: a float {@code Box} observation space; a {@code Discrete} or float {@code Box}
 * action space. Every problem raises a {@link QuiverUserException} naming the file, and where it applies
 * the episode and the field.
 */
public final class MinariReader {
    private static final Pattern EPISODE = Pattern.compile("episode_(\\d+)");
    static final String METADATA = "metadata.json";
    static final String MAIN_DATA = "main_data.hdf5";

    private MinariReader() {
    }

    /** The episodes of the Minari dataset at {@code datasetDir} (see {@link #readDataset}). */
    public static EpisodeDataset read(Path datasetDir) {
        return readDataset(datasetDir).episodes();
    }

    /**
     * The metadata and episodes of the Minari dataset at {@code datasetDir}: the dataset directory (holding
     * {@code data/metadata.json} and {@code data/main_data.hdf5}) or its {@code data} directory.
     */
    public static MinariDataset readDataset(Path datasetDir) {
        Path dataDir = dataDir(datasetDir);
        Path metaFile = dataDir.resolve(METADATA);
        MinariMetadata meta = readMetadata(metaFile);
        Path h5 = dataDir.resolve(MAIN_DATA);
        if (!Files.isRegularFile(h5)) {
            throw new QuiverUserException("file " + h5 + ": not found (a Minari dataset keeps its episodes in "
                    + MAIN_DATA + " next to " + METADATA + ")");
        }
        EpisodeDataset episodes = readEpisodes(h5, meta);
        if (episodes.numEpisodes() != meta.totalEpisodes()) {
            throw new QuiverUserException("file " + h5 + ": has " + episodes.numEpisodes() + " episodes but "
                    + metaFile + " says total_episodes = " + meta.totalEpisodes());
        }
        if (episodes.numSteps() != meta.totalSteps()) {
            throw new QuiverUserException("file " + h5 + ": has " + episodes.numSteps() + " steps but " + metaFile
                    + " says total_steps = " + meta.totalSteps());
        }
        return new MinariDataset(meta, episodes);
    }

    /** The directory holding the two files: {@code dir/data} when it has them, else {@code dir} itself. */
    static Path dataDir(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new QuiverUserException("file " + dir + ": not found or not a directory (expected a Minari "
                    + "dataset directory with data/" + METADATA + " and data/" + MAIN_DATA + ")");
        }
        Path sub = dir.resolve("data");
        if (Files.isRegularFile(sub.resolve(METADATA)) || Files.isRegularFile(sub.resolve(MAIN_DATA))) {
            return sub;
        }
        if (Files.isRegularFile(dir.resolve(METADATA)) || Files.isRegularFile(dir.resolve(MAIN_DATA))) {
            return dir;
        }
        throw new QuiverUserException("file " + sub.resolve(METADATA) + ": not found (expected a Minari dataset "
                + "directory with data/" + METADATA + " and data/" + MAIN_DATA + ", or a directory holding both)");
    }

    /** Parses a Minari {@code metadata.json}. */
    public static MinariMetadata readMetadata(Path metaFile) {
        if (!Files.isRegularFile(metaFile)) {
            throw new QuiverUserException("file " + metaFile + ": not found (every Minari dataset has one)");
        }
        JsonObject root;
        try {
            JsonElement e = JsonParser.parseString(Files.readString(metaFile, StandardCharsets.UTF_8));
            if (!e.isJsonObject()) {
                throw new QuiverUserException("file " + metaFile + ": is not a JSON object");
            }
            root = e.getAsJsonObject();
        } catch (IOException e) {
            throw new QuiverUserException("file " + metaFile + ": cannot be read: " + e.getMessage(), e);
        } catch (JsonParseException e) {
            throw new QuiverUserException("file " + metaFile + ": is not valid JSON: " + e.getMessage(), e);
        }
        String where = "file " + metaFile;
        String id = root.has("dataset_id") && root.get("dataset_id").isJsonPrimitive()
                ? root.get("dataset_id").getAsString() : "";
        if (root.has("data_format") && !"hdf5".equals(root.get("data_format").getAsString())) {
            throw new QuiverUserException(where + ", field data_format: is '" + root.get("data_format").getAsString()
                    + "'; only hdf5 is supported");
        }
        long episodes = count(root, "total_episodes", where);
        long steps = count(root, "total_steps", where);
        Space<?> obs = space(root, "observation_space", where);
        Space<?> act = space(root, "action_space", where);
        if (!(obs instanceof Box<?>)) {
            throw new QuiverUserException(where + ", field observation_space: " + obs + " is not supported; "
                    + "allowed: Box");
        }
        return new MinariMetadata(id, episodes, steps, obs, act);
    }

    private static long count(JsonObject root, String key, String where) {
        JsonElement e = root.get(key);
        try {
            if (e == null || !e.isJsonPrimitive()) {
                throw new QuiverUserException(where + ", field " + key + ": is missing");
            }
            long v = e.getAsLong();
            if (v < 0) {
                throw new QuiverUserException(where + ", field " + key + ": is " + v + ", expected >= 0");
            }
            return v;
        } catch (NumberFormatException ex) {
            throw new QuiverUserException(where + ", field " + key + ": '" + e + "' is not an integer", ex);
        }
    }

    /** A space from Minari's {@code serialize_space} JSON (a string inside the JSON, or an object). */
    static Space<?> space(JsonObject root, String key, String where) {
        JsonElement e = root.get(key);
        if (e == null || e.isJsonNull()) {
            throw new QuiverUserException(where + ", field " + key + ": is missing");
        }
        JsonObject s;
        try {
            JsonElement parsed = e.isJsonPrimitive() ? JsonParser.parseString(e.getAsString()) : e;
            if (!parsed.isJsonObject()) {
                throw new QuiverUserException(where + ", field " + key + ": is not a serialized space: " + e);
            }
            s = parsed.getAsJsonObject();
        } catch (JsonParseException ex) {
            throw new QuiverUserException(where + ", field " + key + ": is not valid JSON: " + ex.getMessage(), ex);
        }
        String type = s.has("type") ? s.get("type").getAsString() : "";
        String w = where + ", field " + key;
        try {
            switch (type) {
                case "Discrete": {
                    long n = s.get("n").getAsLong();
                    long start = s.has("start") ? s.get("start").getAsLong() : 0;
                    if (n < 1 || n > Integer.MAX_VALUE || Math.abs(start) > Integer.MAX_VALUE / 2) {
                        throw new QuiverUserException(w + ": Discrete n=" + n + ", start=" + start + " out of range");
                    }
                    return new Discrete((int) n, (int) start);
                }
                case "Box": {
                    String dtype = s.has("dtype") ? s.get("dtype").getAsString() : "float32";
                    int[] shape = ints(s.getAsJsonArray("shape"));
                    double[] low = doubles(s.get("low"));
                    double[] high = doubles(s.get("high"));
                    int size = 1;
                    for (int d : shape) {
                        size *= d;
                    }
                    // Minari may write a scalar bound for a uniform box
                    low = low.length == 1 && size > 1 ? fill(size, low[0]) : low;
                    high = high.length == 1 && size > 1 ? fill(size, high[0]) : high;
                    if (dtype.equals("float32")) {
                        return Box.float32(low, high, shape);
                    }
                    if (dtype.equals("float64")) {
                        return Box.float64(low, high, shape);
                    }
                    throw new QuiverUserException(w + ": Box of dtype " + dtype + " is not supported; allowed: "
                            + "float32, float64");
                }
                default:
                    throw new QuiverUserException(w + ": space type '" + type + "' is not supported; allowed: Box, "
                            + "Discrete");
            }
        } catch (QuiverUserException ex) {
            throw ex;
        } catch (RuntimeException ex) {
            throw new QuiverUserException(w + ": malformed " + type + " space " + s + ": " + ex.getMessage(), ex);
        }
    }

    private static int[] ints(JsonArray a) {
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsInt();
        }
        return out;
    }

    private static double[] doubles(JsonElement e) {
        if (e.isJsonPrimitive()) {
            return new double[] {number(e)};
        }
        List<Double> out = new ArrayList<>();
        flatten(e.getAsJsonArray(), out);
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void flatten(JsonArray a, List<Double> out) {
        for (JsonElement x : a) {
            if (x.isJsonArray()) {
                flatten(x.getAsJsonArray(), out);
            } else {
                out.add(number(x));
            }
        }
    }

    /** A JSON number, also accepting the strings Python writes for non-finite floats. */
    private static double number(JsonElement x) {
        String t = x.getAsString();
        return switch (t) {
            case "Infinity", "inf" -> Double.POSITIVE_INFINITY;
            case "-Infinity", "-inf" -> Double.NEGATIVE_INFINITY;
            default -> x.getAsDouble();
        };
    }

    private static double[] fill(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    private static EpisodeDataset readEpisodes(Path h5, MinariMetadata meta) {
        Box<?> obsSpace = (Box<?>) meta.observationSpace();
        int obsDim = obsSpace.size();
        Space<?> actSpace = meta.actionSpace();
        boolean discrete = actSpace instanceof Discrete;
        if (!discrete && !(actSpace instanceof Box<?>)) {
            throw new QuiverUserException("file " + h5 + ": action space " + actSpace + " is not supported; "
                    + "allowed: Discrete, Box");
        }
        int actDim = discrete ? 0 : ((Box<?>) actSpace).size();
        EpisodeDataset.Builder b = EpisodeDataset.builder(EnvSpec.of(meta.datasetId().isEmpty() ? "minari"
                : meta.datasetId(), obsSpace, actSpace, 0, Double.NaN));
        try (HdfFile file = HdfColumns.open(h5)) {
            List<Map.Entry<Long, Group>> groups = episodeGroups(file, h5);
            for (Map.Entry<Long, Group> g : groups) {
                String where = "file " + h5 + ", episode " + g.getKey() + " (" + g.getValue().getName() + ")";
                try {
                    readEpisode(b, g.getValue(), where, obsDim, discrete, actDim);
                } catch (QuiverUserException e) {
                    if (e.getMessage().startsWith("file ")) {
                        throw e;
                    }
                    // builder errors name the episode by its index in the builder; add the file and group
                    throw new QuiverUserException(where + ": " + e.getMessage(), e);
                }
            }
        }
        if (b.episodeIndex() == 0) {
            throw new QuiverUserException("file " + h5 + ": has no episode_i groups");
        }
        return b.build();
    }

    private static List<Map.Entry<Long, Group>> episodeGroups(HdfFile file, Path h5) {
        List<Map.Entry<Long, Group>> groups = new ArrayList<>();
        Map<String, Node> children;
        try {
            children = file.getChildren();
        } catch (RuntimeException e) {
            throw new QuiverUserException("file " + h5 + ": cannot list groups: " + e, e);
        }
        for (Map.Entry<String, Node> c : children.entrySet()) {
            Matcher m = EPISODE.matcher(c.getKey());
            if (m.matches() && c.getValue() instanceof Group g) {
                groups.add(Map.entry(Long.parseLong(m.group(1)), g));
            }
        }
        // jhdf returns children in no fixed order: episode_10 must follow episode_9
        groups.sort(Map.Entry.comparingByKey());
        for (int i = 0; i < groups.size(); i++) {
            if (groups.get(i).getKey() != i) {
                throw new QuiverUserException("file " + h5 + ": episode groups are not episode_0 .. episode_"
                        + (groups.size() - 1) + " (found episode_" + groups.get(i).getKey() + " at position " + i
                        + ")");
            }
        }
        return groups;
    }

    private static void readEpisode(EpisodeDataset.Builder b, Group g, String where, int obsDim, boolean discrete,
            int actDim) {
        HdfColumns.FloatColumn obs = HdfColumns.floats(HdfColumns.dataset(g, "observations", where), where);
        if (obs.width() != obsDim) {
            throw new QuiverUserException(where + ", field observations: has width " + obs.width()
                    + ", expected " + obsDim + " (observation_space)");
        }
        Dataset actions = HdfColumns.dataset(g, "actions", where);
        double[] rewards = HdfColumns.doubles(HdfColumns.dataset(g, "rewards", where), where);
        boolean[] term = HdfColumns.bools(HdfColumns.dataset(g, "terminations", where), where);
        boolean[] trunc = HdfColumns.bools(HdfColumns.dataset(g, "truncations", where), where);
        int t = rewards.length;
        if (obs.rows() != t + 1) {
            throw new QuiverUserException(where + ", field observations: has " + obs.rows() + " rows, expected T + 1 = "
                    + (t + 1) + " (rewards has T = " + t + "; Minari stores the final observation)");
        }
        checkLength(where, "terminations", term.length, t);
        checkLength(where, "truncations", trunc.length, t);
        if (discrete) {
            long[] a = HdfColumns.longs(actions, where);
            checkLength(where, "actions", a.length, t);
            int[] ia = new int[a.length];
            for (int s = 0; s < a.length; s++) {
                if (a[s] != (int) a[s]) {
                    throw new QuiverUserException(where + ", step " + s + ", field actions: " + a[s]
                            + " does not fit an int");
                }
                ia[s] = (int) a[s];
            }
            b.addEpisode(obs.values(), ia, rewards, term, trunc);
        } else {
            HdfColumns.FloatColumn a = HdfColumns.floats(actions, where);
            checkLength(where, "actions", a.rows(), t);
            if (a.width() != actDim) {
                throw new QuiverUserException(where + ", field actions: has width " + a.width() + ", expected "
                        + actDim + " (action_space)");
            }
            b.addEpisode(obs.values(), a.values(), rewards, term, trunc);
        }
    }

    static void checkLength(String where, String field, int got, int t) {
        if (got != t) {
            throw new QuiverUserException(where + ", field " + field + ": has length " + got + ", expected " + t
                    + " (one per step, as rewards)");
        }
    }
}
