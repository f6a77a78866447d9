package dev.quiver.core.space;

/** The element precision of a {@link Box}: {@code float32} values are Java {@code float[]}, {@code float64} values {@code double[]}. */
public enum DType {
    /** 32-bit IEEE floats, stored as {@code float[]}. */
    FLOAT32("float32"),
    /** 64-bit IEEE floats, stored as {@code double[]}. */
    FLOAT64("float64");

    private final String label;

    DType(String label) {
        this.label = label;
    }

    /** The numpy name of the type. */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
