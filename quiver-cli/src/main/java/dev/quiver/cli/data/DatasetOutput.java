package dev.quiver.cli.data;

import dev.quiver.core.env.EnvSpec;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.data.collect.RecordedEpisodes;
import dev.quiver.data.io.D4rlWriter;
import dev.quiver.data.io.MinariWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Writes recorded episodes where a command line flag says, in Minari's or D4RL's layout (atomically; an
 * existing path is never replaced).
 */
public final class DatasetOutput {
    private DatasetOutput() {
    }

    /**
     * Fails early, before any work, when the output path is taken.
     *
     * @param flag the flag that named it, e.g. {@code --out}
     * @throws QuiverUserException naming the flag and the path
     */
    public static void requireAbsent(Path out, String flag) {
        if (Files.exists(out)) {
            throw new QuiverUserException(flag + " " + out + ": already exists; remove it or choose another path"
                    + " (datasets are never overwritten)");
        }
    }

    /**
     * Writes {@code recorded} to {@code out}.
     *
     * @param format the layout; null: by the path ({@link DatasetFormat#of})
     * @param spec the env the episodes come from (its spaces are recorded)
     * @param metadata extra metadata: Minari's {@code metadata.json} keys, or D4RL root attributes (as strings)
     * @return the format written
     */
    public static DatasetFormat write(Path out, DatasetFormat format, RecordedEpisodes recorded, EnvSpec spec,
            Map<String, Object> metadata) {
        DatasetFormat f = format != null ? format : DatasetFormat.of(out);
        if (f == DatasetFormat.minari) {
            MinariWriter w = MinariWriter.of(datasetId(out), spec.observationSpace(), spec.actionSpace())
                    .withEpisodeSeeds(recorded.seeds());
            for (Map.Entry<String, Object> e : metadata.entrySet()) {
                w = w.withMetadata(e.getKey(), e.getValue());
            }
            w.write(out, recorded.episodes());
        } else {
            D4rlWriter w = D4rlWriter.of(spec.observationSpace(), spec.actionSpace());
            for (Map.Entry<String, Object> e : metadata.entrySet()) {
                w = w.withAttribute(e.getKey(), String.valueOf(e.getValue()));
            }
            w.write(out, recorded.episodes());
        }
        return f;
    }

    /** A dataset id from the output's name: the last path element, without an HDF5 extension. */
    static String datasetId(Path out) {
        Path name = out.toAbsolutePath().normalize().getFileName();
        String s = name == null ? "dataset" : name.toString();
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".hdf5")) {
            return s.substring(0, s.length() - 5);
        }
        return lower.endsWith(".h5") ? s.substring(0, s.length() - 3) : s;
    }
}
