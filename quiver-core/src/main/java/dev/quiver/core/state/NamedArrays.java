package dev.quiver.core.state;

import dev.quiver.core.error.QuiverUserException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The saved state of a component (e.g. a vector env's) as primitive arrays under unique names:
 * {@code float[]}, {@code double[]}, {@code int[]}, {@code long[]}, {@code boolean[]} or {@code byte[]}
 * (opaque bytes such as generator states). No Java serialization, and no checkpoint format here: a format
 * stores each array as one column (quiver-nn's checkpoints as one safetensors tensor each, see its
 * {@code CheckpointWriter.arrays}), so this module need not depend on it.
 *
 * <p>Arrays are copied in and copied out, so a saved state does not change when the component moves on.
 * Reading checks the name, the element type and the length and names all three in its error, together with
 * the {@link #source()} (e.g. the checkpoint directory), since a state read back from a file is user input.
 */
public final class NamedArrays {
    private final String source;
    private final Map<String, Object> arrays = new LinkedHashMap<>();

    /** An empty set of arrays; {@code source} says where they come from, for messages. */
    public NamedArrays(String source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    /** Where the arrays come from (for messages). */
    public String source() {
        return source;
    }

    /** The names, in the order the arrays were put. */
    public Set<String> names() {
        return Collections.unmodifiableSet(arrays.keySet());
    }

    /**
     * The arrays by name, unmodifiable, each a primitive array of one of the six kinds (for a checkpoint
     * format to store them; do not modify the arrays).
     */
    public Map<String, Object> asMap() {
        return Collections.unmodifiableMap(arrays);
    }

    /** Adds a copy of {@code values} under {@code name}. */
    public NamedArrays put(String name, float[] values) {
        return add(name, values.clone());
    }

    /** Adds a copy of {@code values} under {@code name}. */
    public NamedArrays put(String name, double[] values) {
        return add(name, values.clone());
    }

    /** Adds a copy of {@code values} under {@code name}. */
    public NamedArrays put(String name, int[] values) {
        return add(name, values.clone());
    }

    /** Adds a copy of {@code values} under {@code name}. */
    public NamedArrays put(String name, long[] values) {
        return add(name, values.clone());
    }

    /** Adds a copy of {@code values} under {@code name}. */
    public NamedArrays put(String name, boolean[] values) {
        return add(name, values.clone());
    }

    /** Adds a copy of {@code values} under {@code name}. */
    public NamedArrays put(String name, byte[] values) {
        return add(name, values.clone());
    }

    private NamedArrays add(String name, Object values) {
        if (name == null || name.isEmpty() || arrays.containsKey(name)) {
            throw new IllegalArgumentException("array names must be unique and non-empty, got '" + name + "' (have "
                    + arrays.keySet() + ")");
        }
        arrays.put(name, values);
        return this;
    }

    /** Whether an array called {@code name} is there. */
    public boolean has(String name) {
        return arrays.containsKey(name);
    }

    /**
     * A copy of the {@code float[]} called {@code name}, which must have {@code length} values.
     *
     * @throws QuiverUserException if it is missing, of another kind or of another length
     */
    public float[] floats(String name, int length) {
        float[] a = get(name, float[].class);
        requireLength(name, a.length, length);
        return a.clone();
    }

    /**
     * A copy of the {@code double[]} called {@code name}, which must have {@code length} values.
     *
     * @throws QuiverUserException if it is missing, of another kind or of another length
     */
    public double[] doubles(String name, int length) {
        double[] a = get(name, double[].class);
        requireLength(name, a.length, length);
        return a.clone();
    }

    /**
     * A copy of the {@code int[]} called {@code name}, which must have {@code length} values.
     *
     * @throws QuiverUserException if it is missing, of another kind or of another length
     */
    public int[] ints(String name, int length) {
        int[] a = get(name, int[].class);
        requireLength(name, a.length, length);
        return a.clone();
    }

    /**
     * A copy of the {@code long[]} called {@code name}, which must have {@code length} values.
     *
     * @throws QuiverUserException if it is missing, of another kind or of another length
     */
    public long[] longs(String name, int length) {
        long[] a = get(name, long[].class);
        requireLength(name, a.length, length);
        return a.clone();
    }

    /**
     * A copy of the {@code boolean[]} called {@code name}, which must have {@code length} values.
     *
     * @throws QuiverUserException if it is missing, of another kind or of another length
     */
    public boolean[] booleans(String name, int length) {
        boolean[] a = get(name, boolean[].class);
        requireLength(name, a.length, length);
        return a.clone();
    }

    /**
     * A copy of the {@code byte[]} called {@code name}, which must have {@code length} values.
     *
     * @throws QuiverUserException if it is missing, of another kind or of another length
     */
    public byte[] bytes(String name, int length) {
        byte[] a = get(name, byte[].class);
        requireLength(name, a.length, length);
        return a.clone();
    }

    private <T> T get(String name, Class<T> kind) {
        Object a = arrays.get(name);
        if (a == null) {
            throw new QuiverUserException(source + ": no array '" + name + "'; it has " + arrays.keySet());
        }
        if (!kind.isInstance(a)) {
            throw new QuiverUserException(source + ": array '" + name + "' holds " + a.getClass().getSimpleName()
                    + ", expected " + kind.getSimpleName());
        }
        return kind.cast(a);
    }

    private void requireLength(String name, int actual, int expected) {
        if (actual != expected) {
            throw new QuiverUserException(source + ": array '" + name + "' has " + actual + " values, expected "
                    + expected);
        }
    }

    /** Equal when the names, the kinds and the values are (the order of putting and the sources may differ). */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof NamedArrays other) || !arrays.keySet().equals(other.arrays.keySet())) {
            return false;
        }
        for (Map.Entry<String, Object> e : arrays.entrySet()) {
            if (!Objects.deepEquals(e.getValue(), other.arrays.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 0;
        for (Map.Entry<String, Object> e : arrays.entrySet()) {
            h += e.getKey().hashCode() ^ Arrays.deepHashCode(new Object[] {e.getValue()});
        }
        return h;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("NamedArrays[").append(source);
        for (Map.Entry<String, Object> e : arrays.entrySet()) {
            b.append(", ").append(e.getKey()).append(": ").append(e.getValue().getClass().getSimpleName()
                    .replace("[]", "[" + java.lang.reflect.Array.getLength(e.getValue()) + "]"));
        }
        return b.append(']').toString();
    }
}
