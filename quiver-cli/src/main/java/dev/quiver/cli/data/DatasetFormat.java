package dev.quiver.cli.data;

import java.nio.file.Path;
import java.util.Locale;

/** The dataset layouts the command line writes. */
public enum DatasetFormat {
    /** A Minari dataset directory ({@code data/metadata.json} and {@code data/main_data.hdf5}). */
    minari,
    /** One D4RL-style flat HDF5 file. */
    d4rl;

    /** The format a path asks for: D4RL when its name ends in {@code .hdf5} or {@code .h5}, Minari otherwise. */
    public static DatasetFormat of(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".hdf5") || name.endsWith(".h5") ? d4rl : minari;
    }
}
