package dev.quiver.nn.checkpoint;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A tensor as stored in a safetensors file: dtype name ({@code F32}, {@code F64}, {@code I64}, …), shape
 * and raw little-endian bytes.
 *
 * @param dtype the safetensors dtype name
 * @param shape the dimensions (empty for a scalar)
 * @param data the row-major little-endian bytes
 */
public record Tensor(String dtype, long[] shape, byte[] data) {
    /** Checks that the byte length matches dtype and shape. */
    public Tensor {
        shape = shape.clone();
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
            }
            n *= d;
        }
        int size = elementSize(dtype);
        if (n * size != data.length) {
            throw new IllegalArgumentException(dtype + " tensor of shape " + Arrays.toString(shape) + " needs "
                    + n * size + " bytes, got " + data.length);
        }
    }

    /** A float32 tensor. */
    public static Tensor ofFloats(float[] values, long... shape) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return new Tensor("F32", shape, b.array());
    }

    /** A float64 tensor. */
    public static Tensor ofDoubles(double[] values, long... shape) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.asDoubleBuffer().put(values);
        return new Tensor("F64", shape, b.array());
    }

    /** An int32 tensor. */
    public static Tensor ofInts(int[] values, long... shape) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asIntBuffer().put(values);
        return new Tensor("I32", shape, b.array());
    }

    /** An int64 tensor. */
    public static Tensor ofLongs(long[] values, long... shape) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.asLongBuffer().put(values);
        return new Tensor("I64", shape, b.array());
    }

    /** The values of an int64 tensor. */
    public long[] longs() {
        requireDtype("I64");
        long[] out = new long[data.length / 8];
        ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(out);
        return out;
    }

    /** A boolean tensor (one byte per value, 0 or 1, as safetensors' {@code BOOL}). */
    public static Tensor ofBooleans(boolean[] values, long... shape) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) (values[i] ? 1 : 0);
        }
        return new Tensor("BOOL", shape, b);
    }

    /** A uint8 tensor of raw bytes (e.g. an opaque generator state). */
    public static Tensor ofBytes(byte[] values, long... shape) {
        return new Tensor("U8", shape, values.clone());
    }

    /** The values of a uint8 tensor. */
    public byte[] bytes() {
        requireDtype("U8");
        return data.clone();
    }

    /** The values of a float64 tensor. */
    public double[] doubles() {
        requireDtype("F64");
        double[] out = new double[data.length / 8];
        ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(out);
        return out;
    }

    /** The values of an int32 tensor. */
    public int[] ints() {
        requireDtype("I32");
        int[] out = new int[data.length / 4];
        ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(out);
        return out;
    }

    /** The values of a boolean tensor. */
    public boolean[] booleans() {
        requireDtype("BOOL");
        boolean[] out = new boolean[data.length];
        for (int i = 0; i < data.length; i++) {
            out[i] = data[i] != 0;
        }
        return out;
    }

    private void requireDtype(String expected) {
        if (!dtype.equals(expected)) {
            throw new IllegalStateException("tensor is " + dtype + ", not " + expected);
        }
    }

    /** The values of a float32 tensor. */
    public float[] floats() {
        requireDtype("F32");
        float[] out = new float[data.length / 4];
        ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }

    /** The shape (a copy). */
    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** The bytes per element of a safetensors dtype. */
    public static int elementSize(String dtype) {
        return switch (dtype) {
            case "F64", "I64", "U64" -> 8;
            case "F32", "I32", "U32" -> 4;
            case "F16", "BF16", "I16", "U16" -> 2;
            case "I8", "U8", "BOOL", "F8_E4M3", "F8_E5M2" -> 1;
            default -> throw new IllegalArgumentException("unknown safetensors dtype " + dtype);
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t && dtype.equals(t.dtype) && Arrays.equals(shape, t.shape)
                && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return (dtype.hashCode() * 31 + Arrays.hashCode(shape)) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Tensor[" + dtype + " " + Arrays.toString(shape) + "]";
    }
}
