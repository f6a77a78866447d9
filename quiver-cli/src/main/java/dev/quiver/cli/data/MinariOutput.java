package dev.quiver.cli.data;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.io.AtomicFiles;
import dev.quiver.data.dataset.EpisodeDataset;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Writes a dataset in Minari's layout for {@code quiver data corrupt}: {@code DIR/data/metadata.json} (the
 * source's metadata with {@code total_episodes} and {@code total_steps} updated) and
 * {@code DIR/data/main_data.hdf5} ({@code episode_i} groups with attributes {@code id} and
 * {@code total_steps} and datasets {@code observations [T+1, d]} float32, {@code actions} int64 {@code [T]}
 * or float32 {@code [T, k]}, {@code rewards} float64, {@code terminations} and {@code truncations} bool),
 * plus any extra JSON files next to {@code data/}. The whole directory is built under a temporary name and
 * moved into place, so readers never see half of it.
 *
 * <p>Interim: quiver-data's {@code MinariWriter} (being written) is to replace this class; jhdf writes
 * booleans as an 8-bit bitfield where h5py writes an enum.
 */
final class MinariOutput {
    private MinariOutput() {
    }

    /**
     * Writes {@code episodes} with {@code metadata} (a Minari {@code metadata.json} object, copied) to
     * {@code dir}, and each {@code extraFiles} entry (file name to JSON text) next to {@code data/}.
     *
     * @param overwrite whether an existing {@code dir} may be replaced
     * @throws QuiverUserException if {@code dir} exists (and may not be replaced) or cannot be written
     */
    static void write(Path dir, JsonObject metadata, EpisodeDataset episodes, Map<String, String> extraFiles,
            boolean overwrite) {
        Path target = dir.toAbsolutePath().normalize();
        if (Files.exists(target) && !overwrite) {
            throw new QuiverUserException("--out " + dir + ": already exists; give --overwrite to replace it");
        }
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new QuiverUserException("--out " + dir + ": is a file, not a dataset directory");
        }
        String tag = ProcessHandle.current().pid() + "." + Long.toHexString(System.nanoTime());
        Path tmp = target.resolveSibling("." + target.getFileName() + "." + tag + ".tmp");
        Path old = target.resolveSibling("." + target.getFileName() + "." + tag + ".old");
        try {
            Files.createDirectories(target.getParent());
            Path data = tmp.resolve("data");
            Files.createDirectories(data);
            JsonObject meta = metadata.deepCopy();
            meta.addProperty("total_episodes", episodes.numEpisodes());
            meta.addProperty("total_steps", episodes.numSteps());
            Files.writeString(data.resolve("metadata.json"), new GsonBuilder().setPrettyPrinting()
                    .serializeSpecialFloatingPointValues().create().toJson(meta) + "\n", StandardCharsets.UTF_8);
            writeEpisodes(data.resolve("main_data.hdf5"), episodes);
            for (Map.Entry<String, String> f : extraFiles.entrySet()) {
                Files.writeString(tmp.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
            }
            if (Files.exists(target)) {
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target);
            }
            AtomicFiles.deleteTree(old);
        } catch (IOException | RuntimeException e) {
            try {
                AtomicFiles.deleteTree(tmp);
                if (Files.exists(old) && !Files.exists(target)) {
                    Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
                }
            } catch (IOException ignored) {
                // best effort: report the original error
            }
            if (e instanceof QuiverUserException q) {
                throw q;
            }
            throw new QuiverUserException("--out " + dir + ": cannot write the dataset: " + e, e);
        }
    }

    private static void writeEpisodes(Path file, EpisodeDataset data) {
        int obsDim = data.obsDim();
        int actDim = data.actDim();
        try (WritableHdfFile h5 = HdfFile.write(file)) {
            for (int e = 0; e < data.numEpisodes(); e++) {
                EpisodeDataset.Episode ep = data.episode(e);
                int t = ep.length();
                WritableGroup g = h5.putGroup("episode_" + e);
                g.putAttribute("id", (long) e);
                g.putAttribute("total_steps", (long) t);
                g.putDataset("observations", rows(ep.observations(), t + 1, obsDim));
                if (data.discrete()) {
                    long[] a = new long[t];
                    for (int s = 0; s < t; s++) {
                        a[s] = ep.discreteActions()[s];
                    }
                    g.putDataset("actions", a);
                } else {
                    g.putDataset("actions", rows(ep.continuousActions(), t, actDim));
                }
                g.putDataset("rewards", ep.rewards());
                g.putDataset("terminations", ep.terminations());
                g.putDataset("truncations", ep.truncations());
            }
        }
    }

    private static float[][] rows(float[] flat, int n, int dim) {
        float[][] out = new float[n][dim];
        for (int i = 0; i < n; i++) {
            System.arraycopy(flat, i * dim, out[i], 0, dim);
        }
        return out;
    }
}
