package dev.quiver.data.io;

import dev.quiver.core.error.QuiverUserException;
import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.object.datatype.EnumDataType;
import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads whole HDF5 datasets (through jhdf) into flat primitive columns, turning every failure into a
 * {@link QuiverUserException} that names the file, the place (episode) and the field.
 */
final class HdfColumns {
    private HdfColumns() {
    }

    /** A flat column of {@code rows * width} values; {@code width} is 1 for a one-dimensional dataset. */
    record FloatColumn(float[] values, int rows, int width) {
    }

    /**
     * Opens an HDF5 file, reporting a missing or unreadable file as a user error.
     *
     * <p>A file below 2 GiB is memory-mapped once as a whole and read from that buffer. Opened by path, jhdf maps
     * every dataset it reads separately, and those mappings are released only when the garbage collector gets to
     * them: a file of tens of thousands of short episodes (a dynamics-corrupted copy is split at every corrupted
     * step) then exhausts the kernel's limit on mappings per process ({@code vm.max_map_count}, 65,530 by
     * default) and the JVM dies with "insufficient memory" while gigabytes are free. Larger files are opened by
     * path.
     */
    static HdfFile open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new QuiverUserException("file " + file + ": not found (expected an HDF5 file)");
        }
        try {
            HdfFile h = openMapped(file);
            // touch the root group now so a damaged file fails here, not halfway through the read
            h.getChildren();
            return h;
        } catch (QuiverUserException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new QuiverUserException("file " + file + ": not a readable HDF5 file (truncated or corrupted?): "
                    + e, e);
        }
    }

    private static HdfFile openMapped(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size >= Integer.MAX_VALUE) {
                return new HdfFile(file);
            }
            return HdfFile.fromByteBuffer(channel.map(FileChannel.MapMode.READ_ONLY, 0, size));
        } catch (IOException e) {
            throw new QuiverUserException("file " + file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /** A child dataset of {@code group}; {@code where} is the context for messages (file and episode). */
    static Dataset dataset(Group group, String name, String where) {
        Node node;
        try {
            node = group.getChildren().get(name);
        } catch (RuntimeException e) {
            throw new QuiverUserException(where + ", field " + name + ": cannot be read: " + e, e);
        }
        if (node == null) {
            throw new QuiverUserException(where + ", field " + name + ": dataset is missing");
        }
        if (!(node instanceof Dataset d)) {
            throw new QuiverUserException(where + ", field " + name + ": is a " + node.getType()
                    + ", expected a dataset");
        }
        return d;
    }

    /** The dataset's dimensions. */
    static int[] dims(Dataset d, String where) {
        try {
            return d.getDimensions();
        } catch (RuntimeException e) {
            throw new QuiverUserException(where + ", field " + d.getName() + ": cannot be read: " + e, e);
        }
    }

    /**
     * A float column from a 1-d ({@code [rows]}), 2-d ({@code [rows, width]}) or higher ({@code [rows, ...]},
     * flattened row-major: {@code width} is the product of the trailing dimensions) float or integer dataset.
     */
    static FloatColumn floats(Dataset d, String where) {
        int[] dims = dims(d, where);
        if (dims.length < 1) {
            throw new QuiverUserException(where + ", field " + d.getName() + ": is a scalar, expected [rows] or"
                    + " [rows, width]");
        }
        Object flat = flat(d, where);
        int n = Array.getLength(flat);
        float[] out = new float[n];
        if (flat instanceof float[] f) {
            out = f;
        } else if (flat instanceof double[] a) {
            for (int i = 0; i < n; i++) {
                out[i] = (float) a[i];
            }
        } else {
            long[] l = longs(d, flat, where);
            for (int i = 0; i < n; i++) {
                out[i] = l[i];
            }
        }
        int width = 1;
        for (int k = 1; k < dims.length; k++) {
            width *= dims[k];
        }
        return new FloatColumn(out, dims[0], width);
    }

    /** A 1-d column of doubles (float64, float32 or integer data). */
    static double[] doubles(Dataset d, String where) {
        require1d(d, where);
        Object flat = flat(d, where);
        if (flat instanceof double[] a) {
            return a;
        }
        int n = Array.getLength(flat);
        double[] out = new double[n];
        if (flat instanceof float[] f) {
            for (int i = 0; i < n; i++) {
                out[i] = f[i];
            }
            return out;
        }
        long[] l = longs(d, flat, where);
        for (int i = 0; i < n; i++) {
            out[i] = l[i];
        }
        return out;
    }

    /** A 1-d column of integers (any integer type). */
    static long[] longs(Dataset d, String where) {
        require1d(d, where);
        return longs(d, flat(d, where), where);
    }

    /**
     * A 1-d boolean column. h5py stores numpy bools as an 8-bit enum {@code FALSE=0, TRUE=1}, which jhdf
     * returns as the member names ({@code String[]}); jhdf's own booleans come back as {@code boolean[]}
     * (bitfield); plain integers are accepted too (non-zero is true).
     */
    static boolean[] bools(Dataset d, String where) {
        require1d(d, where);
        Object flat = flat(d, where);
        if (flat instanceof boolean[] b) {
            return b;
        }
        if (flat instanceof String[] names) {
            Map<String, Integer> value = new HashMap<>();
            if (d.getDataType() instanceof EnumDataType en) {
                en.getEnumMapping().forEach((k, v) -> value.put(v, k));
            }
            boolean[] out = new boolean[names.length];
            for (int i = 0; i < names.length; i++) {
                String s = names[i];
                Integer v = value.get(s);
                if (v != null) {
                    out[i] = v != 0;
                } else {
                    String u = s == null ? "" : s.trim().toUpperCase(Locale.ROOT);
                    if (u.equals("TRUE")) {
                        out[i] = true;
                    } else if (!u.equals("FALSE")) {
                        throw new QuiverUserException(where + ", field " + d.getName() + ", row " + i + ": value '"
                                + s + "' is not a boolean (expected an enum FALSE/TRUE, bool or integer)");
                    }
                }
            }
            return out;
        }
        long[] l = longs(d, flat, where);
        boolean[] out = new boolean[l.length];
        for (int i = 0; i < l.length; i++) {
            out[i] = l[i] != 0;
        }
        return out;
    }

    /**
     * The string attribute {@code name} of {@code node}, or {@code null} when it has none.
     *
     * @throws QuiverUserException if the attribute is there but is not a string
     */
    static String stringAttribute(Node node, String name, String where) {
        Attribute a;
        Object data;
        try {
            a = node.getAttribute(name);
            if (a == null) {
                return null;
            }
            data = a.getData();
        } catch (RuntimeException e) {
            throw new QuiverUserException(where + ", attribute " + name + ": cannot be read: " + e, e);
        }
        if (data instanceof String s) {
            return s;
        }
        if (data instanceof String[] arr && arr.length == 1) {
            return arr[0];
        }
        throw new QuiverUserException(where + ", attribute " + name + ": is " + (data == null ? "null"
                : data.getClass().getSimpleName()) + ", expected a string");
    }

    private static void require1d(Dataset d, String where) {
        int[] dims = dims(d, where);
        if (dims.length != 1 && !(dims.length == 2 && dims[1] == 1)) {
            throw new QuiverUserException(where + ", field " + d.getName() + ": has shape " + Arrays.toString(dims)
                    + ", expected a one-dimensional dataset");
        }
    }

    private static Object flat(Dataset d, String where) {
        try {
            Object data = d.getDataFlat();
            if (data == null || !data.getClass().isArray()) {
                throw new QuiverUserException(where + ", field " + d.getName() + ": is not an array dataset");
            }
            return data;
        } catch (QuiverUserException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new QuiverUserException(where + ", field " + d.getName() + ": cannot be read (truncated or "
                    + "corrupted file?): " + e, e);
        }
    }

    private static long[] longs(Dataset d, Object flat, String where) {
        if (flat instanceof long[] l) {
            return l;
        }
        int n = Array.getLength(flat);
        long[] out = new long[n];
        if (flat instanceof int[] a) {
            for (int i = 0; i < n; i++) {
                out[i] = a[i];
            }
        } else if (flat instanceof short[] a) {
            for (int i = 0; i < n; i++) {
                out[i] = a[i];
            }
        } else if (flat instanceof byte[] a) {
            for (int i = 0; i < n; i++) {
                out[i] = a[i];
            }
        } else if (flat instanceof boolean[] a) {
            for (int i = 0; i < n; i++) {
                out[i] = a[i] ? 1 : 0;
            }
        } else {
            throw new QuiverUserException(where + ", field " + d.getName() + ": has element type "
                    + flat.getClass().getComponentType().getSimpleName() + " (" + d.getDataType().getClass()
                    .getSimpleName() + "), expected a numeric type");
        }
        return out;
    }
}
