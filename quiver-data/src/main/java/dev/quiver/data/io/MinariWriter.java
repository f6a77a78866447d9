package dev.quiver.data.io;

import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.space.Box;
import dev.quiver.core.space.DType;
import dev.quiver.core.space.Discrete;
import dev.quiver.core.space.Space;
import dev.quiver.data.dataset.EpisodeDataset;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Writes an {@link EpisodeDataset} as a Minari dataset directory, in the layout of Minari's HDF5 storage
 * ({@code minari/dataset/minari_storage.py}, {@code _storages/hdf5_storage.py}) that {@link MinariReader}
 * reads:
 * <pre>
 * DIR/data/metadata.json    total_episodes, total_steps, data_format "hdf5", observation_space and
 *                           action_space (serialize_space JSON strings), dataset_id, minari_version,
 *                           author, then any extra metadata
 * DIR/data/main_data.hdf5   one group episode_i per episode (attributes id, total_steps, and seed when
 *                           known) with observations [T+1, *obs shape] (the Box's dtype), actions [T]
 *                           int64 (Discrete) or [T, *act shape] (Box), rewards [T] float64,
 *                           terminations [T] and truncations [T] booleans
 * </pre>
 * Differences from a file h5py writes (readers, Minari's included, do not depend on them): datasets are
 * contiguous, not chunked with an unlimited first dimension; booleans are jhdf's 8-bit bitfield
 * ({@code H5T_STD_B8LE}), which h5py reads as {@code uint8} 0/1 rather than as numpy {@code bool}
 * (h5py's own booleans are an enum {@code FALSE}/{@code TRUE}, which jhdf cannot write); the root group
 * carries jhdf's {@code _jHDF} attribute. {@code minari_version} names the Minari release whose layout
 * this follows ({@value #MINARI_LAYOUT_VERSION}), as Minari's loader expects the key.
 *
 * <p>Writing is atomic: everything goes to a temporary directory next to {@code DIR}, which is renamed to
 * {@code DIR} once complete; on failure nothing is left behind. {@code DIR} must not exist.
 *
 * <p>Instances are immutable: {@code MinariWriter.of(id, obsSpace, actSpace).withEpisodeSeeds(seeds)
 * .withMetadata("algorithm_name", "random").write(dir, data)}.
 */
public final class MinariWriter {
    /** The Minari release whose file layout this writer follows (written as {@code minari_version}). */
    public static final String MINARI_LAYOUT_VERSION = "0.5.3";
    /** The {@code author} written unless {@link #withMetadata} sets another. */
    public static final String DEFAULT_AUTHOR = "quiver";
    private final String datasetId;
    private final Space<?> observationSpace;
    private final Space<?> actionSpace;
    private final List<OptionalLong> episodeSeeds;
    private final Map<String, Object> metadata;
    private final Runnable beforeCommit;
    private final Map<String, String> extraFiles;

    private MinariWriter(String datasetId, Space<?> observationSpace, Space<?> actionSpace,
            List<OptionalLong> episodeSeeds, Map<String, Object> metadata, Runnable beforeCommit,
            Map<String, String> extraFiles) {
        this.datasetId = datasetId;
        this.observationSpace = observationSpace;
        this.actionSpace = actionSpace;
        this.episodeSeeds = episodeSeeds;
        this.metadata = metadata;
        this.beforeCommit = beforeCommit;
        this.extraFiles = extraFiles;
    }

    /**
     * A writer for datasets of the given spaces: a {@link Box} observation space and a {@link Discrete}
     * or {@link Box} action space, recorded in {@code metadata.json} as Minari serialises them.
     *
     * @param datasetId the {@code dataset_id}, e.g. {@code cartpole/random-v0}
     */
    public static MinariWriter of(String datasetId, Space<?> observationSpace, Space<?> actionSpace) {
        Objects.requireNonNull(datasetId, "datasetId");
        Objects.requireNonNull(observationSpace, "observationSpace");
        Objects.requireNonNull(actionSpace, "actionSpace");
        if (!(observationSpace instanceof Box<?>)) {
            throw new QuiverUserException("observation space " + observationSpace + " cannot be written as a Minari"
                    + " dataset; allowed: Box");
        }
        if (!(actionSpace instanceof Box<?>) && !(actionSpace instanceof Discrete)) {
            throw new QuiverUserException("action space " + actionSpace + " cannot be written as a Minari dataset;"
                    + " allowed: Discrete, Box");
        }
        return new MinariWriter(datasetId, observationSpace, actionSpace, null, Map.of(), null, Map.of());
    }

    /**
     * The same writer recording each episode's reset seed as its group's {@code seed} attribute (an empty
     * entry: the episode was not reset with a seed, and gets no attribute). Must have one entry per
     * episode of the dataset written.
     */
    public MinariWriter withEpisodeSeeds(List<OptionalLong> seeds) {
        return new MinariWriter(datasetId, observationSpace, actionSpace,
                Collections.unmodifiableList(new ArrayList<>(seeds)), metadata, beforeCommit, extraFiles);
    }

    /**
     * The same writer adding a {@code metadata.json} key (a string or a number), e.g. {@code algorithm_name},
     * {@code description}, {@code author} or {@code ref_min_score}. The keys the writer owns (counts,
     * spaces, format, id, version) cannot be set.
     */
    public MinariWriter withMetadata(String key, Object value) {
        if (List.of("total_episodes", "total_steps", "data_format", "observation_space", "action_space",
                "dataset_id", "minari_version", "env_spec").contains(key)) {
            throw new IllegalArgumentException("metadata key '" + key + "' is written by MinariWriter itself");
        }
        if (!(value instanceof String) && !(value instanceof Number)) {
            throw new IllegalArgumentException("metadata value of '" + key + "' must be a string or a number, got "
                    + value);
        }
        Map<String, Object> m = new LinkedHashMap<>(metadata);
        m.put(key, value);
        return new MinariWriter(datasetId, observationSpace, actionSpace, episodeSeeds,
                Collections.unmodifiableMap(m), beforeCommit, extraFiles);
    }

    /** Testing only: the same writer running {@code hook} after everything is written, before the final rename. */
    MinariWriter beforeCommit(Runnable hook) {
        return new MinariWriter(datasetId, observationSpace, actionSpace, episodeSeeds, metadata, hook, extraFiles);
    }

    /**
     * The same writer also writing a UTF-8 text file {@code name} (a plain file name, e.g. a provenance
     * record {@code corruption.json}) at the top of the dataset directory, next to {@code data/}, committed
     * together with the dataset.
     */
    public MinariWriter withExtraFile(String name, String content) {
        Objects.requireNonNull(content, "content");
        if (name == null || !name.matches("[A-Za-z0-9._-]+") || name.startsWith(".") || name.equals("data")) {
            throw new IllegalArgumentException("extra file name '" + name + "' must be a plain file name other than"
                    + " 'data'");
        }
        Map<String, String> m = new LinkedHashMap<>(extraFiles);
        m.put(name, content);
        return new MinariWriter(datasetId, observationSpace, actionSpace, episodeSeeds, metadata, beforeCommit,
                Collections.unmodifiableMap(m));
    }

    /**
     * Writes {@code data} as the Minari dataset directory {@code datasetDir} (holding {@code data/metadata.json}
     * and {@code data/main_data.hdf5}).
     *
     * @throws QuiverUserException if the data does not match the spaces, {@code datasetDir} exists, or it
     *     cannot be written (nothing is left behind)
     */
    public void write(Path datasetDir, EpisodeDataset data) {
        checkData(data);
        String what = "dataset";
        try (AtomicOutput out = AtomicOutput.begin(datasetDir, what)) {
            Path dataDir = out.temp().resolve("data");
            try {
                Files.createDirectories(dataDir);
            } catch (IOException e) {
                throw new QuiverUserException(what + " " + datasetDir + ": cannot create " + dataDir + ": " + e, e);
            }
            writeEpisodes(dataDir.resolve(MinariReader.MAIN_DATA), datasetDir, data);
            writeMetadata(dataDir.resolve(MinariReader.METADATA), datasetDir, data);
            for (Map.Entry<String, String> f : extraFiles.entrySet()) {
                try {
                    Files.writeString(out.temp().resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new QuiverUserException(what + " " + datasetDir + ": cannot write " + f.getKey() + ": " + e, e);
                }
            }
            if (beforeCommit != null) {
                beforeCommit.run();
            }
            out.commit();
        }
    }

    private void checkData(EpisodeDataset data) {
        Box<?> obs = (Box<?>) observationSpace;
        if (obs.size() != data.obsDim()) {
            throw new QuiverUserException("dataset " + datasetId + ": observations have " + data.obsDim()
                    + " values but observation space " + obs + " has " + obs.size());
        }
        if (actionSpace instanceof Discrete d) {
            if (!data.discrete()) {
                throw new QuiverUserException("dataset " + datasetId + ": actions are continuous but the action space"
                        + " is " + d);
            }
            for (int i = 0; i < data.numEpisodes(); i++) {
                for (int t = 0; t < data.episodeLength(i); t++) {
                    if (!d.contains(data.discreteAction(i, t))) {
                        throw new QuiverUserException("dataset " + datasetId + ", episode " + i + ", step " + t
                                + ", field actions: " + data.discreteAction(i, t) + " is not in " + d);
                    }
                }
            }
        } else {
            Box<?> act = (Box<?>) actionSpace;
            if (data.discrete() || act.size() != data.actDim()) {
                throw new QuiverUserException("dataset " + datasetId + ": actions are " + (data.discrete()
                        ? "discrete" : data.actDim() + " floats") + " but the action space is " + act);
            }
        }
        if (episodeSeeds != null && episodeSeeds.size() != data.numEpisodes()) {
            throw new IllegalArgumentException(episodeSeeds.size() + " episode seeds for " + data.numEpisodes()
                    + " episodes");
        }
    }

    private void writeEpisodes(Path h5, Path datasetDir, EpisodeDataset data) {
        Box<?> obsBox = (Box<?>) observationSpace;
        try (WritableHdfFile file = HdfFile.write(h5)) {
            for (int i = 0; i < data.numEpisodes(); i++) {
                EpisodeDataset.Episode ep = data.episode(i);
                int t = ep.length();
                WritableGroup g = file.putGroup("episode_" + i);
                g.putAttribute("id", (long) i);
                if (episodeSeeds != null && episodeSeeds.get(i).isPresent()) {
                    g.putAttribute("seed", episodeSeeds.get(i).getAsLong());
                }
                g.putAttribute("total_steps", (long) t);
                g.putDataset("observations", shaped(ep.observations(), t + 1, obsBox.shape(),
                        obsBox.dtype() == DType.FLOAT64));
                if (ep.discreteActions() != null) {
                    long[] a = new long[t];
                    for (int s = 0; s < t; s++) {
                        a[s] = ep.discreteActions()[s];
                    }
                    g.putDataset("actions", a);
                } else {
                    Box<?> actBox = (Box<?>) actionSpace;
                    g.putDataset("actions", shaped(ep.continuousActions(), t, actBox.shape(),
                            actBox.dtype() == DType.FLOAT64));
                }
                g.putDataset("rewards", ep.rewards());
                g.putDataset("terminations", ep.terminations());
                g.putDataset("truncations", ep.truncations());
            }
        } catch (QuiverUserException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new QuiverUserException("dataset " + datasetDir + ": cannot write " + MinariReader.MAIN_DATA + ": "
                    + e, e);
        }
    }

    private void writeMetadata(Path file, Path datasetDir, EpisodeDataset data) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("total_episodes", (long) data.numEpisodes());
        m.put("total_steps", (long) data.numSteps());
        m.put("data_format", "hdf5");
        m.put("observation_space", MinariJson.space(observationSpace, "dataset " + datasetId));
        m.put("action_space", MinariJson.space(actionSpace, "dataset " + datasetId));
        m.put("dataset_id", datasetId);
        m.put("minari_version", MINARI_LAYOUT_VERSION);
        m.put("author", DEFAULT_AUTHOR);
        m.putAll(metadata);
        try {
            Files.writeString(file, MinariJson.object(m), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new QuiverUserException("dataset " + datasetDir + ": cannot write " + MinariReader.METADATA + ": "
                    + e, e);
        }
    }

    /**
     * {@code flat} ({@code rows * size} values) as a Java array of dimensions {@code [rows, *shape]} for jhdf:
     * {@code float} elements, or {@code double} ones when {@code asDouble}.
     */
    static Object shaped(float[] flat, int rows, int[] shape, boolean asDouble) {
        int[] dims = new int[shape.length + 1];
        dims[0] = rows;
        System.arraycopy(shape, 0, dims, 1, shape.length);
        Object out = Array.newInstance(asDouble ? double.class : float.class, dims);
        fill(out, dims, 0, flat, new int[] {0}, asDouble);
        return out;
    }

    private static void fill(Object array, int[] dims, int dim, float[] flat, int[] next, boolean asDouble) {
        if (dim == dims.length - 1) {
            if (asDouble) {
                double[] row = (double[]) array;
                for (int j = 0; j < row.length; j++) {
                    row[j] = flat[next[0]++];
                }
            } else {
                float[] row = (float[]) array;
                System.arraycopy(flat, next[0], row, 0, row.length);
                next[0] += row.length;
            }
            return;
        }
        for (int i = 0; i < dims[dim]; i++) {
            fill(Array.get(array, i), dims, dim + 1, flat, next, asDouble);
        }
    }
}
