package dev.quiver.core.space;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A (possibly unbounded) box in R^n, as Gymnasium's {@code Box(low, high, shape, dtype)}.
 *
 * <p>Elements are flat row-major arrays: {@code float[]} for {@link DType#FLOAT32} and {@code
 * double[]} for {@link DType#FLOAT64}. Bounds are kept as doubles; for float32 boxes they are
 * rounded to float32 first, as numpy does when it builds the space. Sampling follows Gymnasium:
 * uniform on bounded dimensions, a shifted exponential on half-bounded ones and a standard normal on
 * unbounded ones.
 *
 * @param <T> {@code float[]} or {@code double[]}
 */
public final class Box<T> implements Space<T> {
    private final double[] low;
    private final double[] high;
    private final int[] shape;
    private final DType dtype;
    private final Class<T> type;

    private Box(double[] low, double[] high, int[] shape, DType dtype, Class<T> type) {
        int size = 1;
        for (int d : shape) {
            if (d < 1) {
                throw new IllegalArgumentException("Box shape must be positive, got " + Arrays.toString(shape));
            }
            size *= d;
        }
        if (low.length != size || high.length != size) {
            throw new IllegalArgumentException("Box bounds have " + low.length + "/" + high.length
                    + " values but shape " + Arrays.toString(shape) + " needs " + size);
        }
        this.low = low.clone();
        this.high = high.clone();
        for (int i = 0; i < size; i++) {
            if (dtype == DType.FLOAT32) {
                this.low[i] = (float) low[i];
                this.high[i] = (float) high[i];
            }
            if (!(this.low[i] <= this.high[i])) {
                throw new IllegalArgumentException("Box needs low <= high, got low[" + i + "]=" + low[i]
                        + " > high[" + i + "]=" + high[i]);
            }
        }
        this.shape = shape.clone();
        this.dtype = dtype;
        this.type = type;
    }

    /** A float32 box with per-element bounds; {@code shape} defaults to {@code [low.length]}. */
    public static Box<float[]> float32(double[] low, double[] high, int... shape) {
        return new Box<>(low, high, shape.length == 0 ? new int[] {low.length} : shape, DType.FLOAT32, float[].class);
    }

    /** A float64 box with per-element bounds; {@code shape} defaults to {@code [low.length]}. */
    public static Box<double[]> float64(double[] low, double[] high, int... shape) {
        return new Box<>(low, high, shape.length == 0 ? new int[] {low.length} : shape, DType.FLOAT64, double[].class);
    }

    /** A float32 box with the same bounds on every element. */
    public static Box<float[]> float32(double low, double high, int... shape) {
        int size = sizeOf(shape);
        return float32(filled(size, low), filled(size, high), shape);
    }

    /** A float64 box with the same bounds on every element. */
    public static Box<double[]> float64(double low, double high, int... shape) {
        int size = sizeOf(shape);
        return float64(filled(size, low), filled(size, high), shape);
    }

    private static int sizeOf(int[] shape) {
        int size = 1;
        for (int d : shape) {
            size *= d;
        }
        return size;
    }

    private static double[] filled(int size, double v) {
        double[] a = new double[size];
        Arrays.fill(a, v);
        return a;
    }

    /** The shape (a copy). */
    public int[] shape() {
        return shape.clone();
    }

    /** The number of elements in one value (the product of the shape). */
    public int size() {
        return low.length;
    }

    /** The element precision. */
    public DType dtype() {
        return dtype;
    }

    /** Lower bound of flat element {@code i} (may be negative infinity). */
    public double low(int i) {
        return low[i];
    }

    /** Upper bound of flat element {@code i} (may be positive infinity). */
    public double high(int i) {
        return high[i];
    }

    /** All lower bounds (a copy). */
    public double[] lows() {
        return low.clone();
    }

    /** All upper bounds (a copy). */
    public double[] highs() {
        return high.clone();
    }

    /** Whether every element has finite lower and upper bounds. */
    public boolean isBounded() {
        for (int i = 0; i < low.length; i++) {
            if (Double.isInfinite(low[i]) || Double.isInfinite(high[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean contains(Object x) {
        return describeMismatch(x) == null;
    }

    @Override
    public String describeMismatch(Object x) {
        int n = low.length;
        if (dtype == DType.FLOAT32 && x instanceof float[] f) {
            if (f.length != n) {
                return "expected a float[] of length " + n + " (shape " + Arrays.toString(shape) + ") for " + this
                        + ", got length " + f.length;
            }
            for (int i = 0; i < n; i++) {
                if (!(f[i] >= low[i] && f[i] <= high[i])) {
                    return "element " + i + " = " + f[i] + " is outside [" + low[i] + ", " + high[i] + "] of " + this;
                }
            }
            return null;
        }
        if (dtype == DType.FLOAT64 && x instanceof double[] d) {
            if (d.length != n) {
                return "expected a double[] of length " + n + " (shape " + Arrays.toString(shape) + ") for " + this
                        + ", got length " + d.length;
            }
            for (int i = 0; i < n; i++) {
                if (!(d[i] >= low[i] && d[i] <= high[i])) {
                    return "element " + i + " = " + d[i] + " is outside [" + low[i] + ", " + high[i] + "] of " + this;
                }
            }
            return null;
        }
        String want = dtype == DType.FLOAT32 ? "float[]" : "double[]";
        return "expected a " + want + " of length " + n + " for " + this + ", got "
                + (x == null ? "null" : x.getClass().getSimpleName() + " " + Spaces.render(x));
    }

    @Override
    @SuppressWarnings("unchecked")
    public T sample(UniformRandomProvider rng) {
        int n = low.length;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = sampleElement(rng, i);
        }
        if (dtype == DType.FLOAT64) {
            return (T) v;
        }
        float[] f = new float[n];
        for (int i = 0; i < n; i++) {
            f[i] = (float) v[i];
            // rounding to float32 can cross a bound; clamp as Gymnasium's final cast+clip would
            if (f[i] < low[i]) {
                f[i] = (float) low[i];
            } else if (f[i] > high[i]) {
                f[i] = (float) high[i];
            }
        }
        return (T) f;
    }

    private double sampleElement(UniformRandomProvider rng, int i) {
        boolean lowFinite = !Double.isInfinite(low[i]);
        boolean highFinite = !Double.isInfinite(high[i]);
        if (lowFinite && highFinite) {
            return low[i] + (high[i] - low[i]) * rng.nextDouble();
        }
        if (lowFinite) {
            return low[i] - Math.log1p(-rng.nextDouble());
        }
        if (highFinite) {
            return high[i] + Math.log1p(-rng.nextDouble());
        }
        return Spaces.standardNormal(rng);
    }

    @Override
    public Class<T> elementType() {
        return type;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Box<?> b && dtype == b.dtype && Arrays.equals(shape, b.shape)
                && Arrays.equals(low, b.low) && Arrays.equals(high, b.high);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(low) * 31 + Arrays.hashCode(high) + dtype.hashCode();
    }

    @Override
    public String toString() {
        return "Box(" + bound(low) + ", " + bound(high) + ", " + Arrays.toString(shape).replace('[', '(').replace(']', ')')
                .replace(")", shape.length == 1 ? ",)" : ")") + ", " + dtype + ")";
    }

    private static String bound(double[] b) {
        boolean same = true;
        for (double v : b) {
            same &= Double.compare(v, b[0]) == 0;
        }
        return same ? fmt(b[0]) : Arrays.stream(b).mapToObj(Box::fmt).reduce((a, c) -> a + ", " + c)
                .map(s -> "[" + s + "]").orElse("[]");
    }

    private static String fmt(double v) {
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        float f = (float) v;
        return f == v ? Float.toString(f) : Double.toString(v);
    }
}
