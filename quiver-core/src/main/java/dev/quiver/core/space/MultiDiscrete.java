package dev.quiver.core.space;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A vector of independent discrete choices, element {@code i} in {@code [0, nvec[i])}, as Gymnasium's
 * {@code MultiDiscrete(nvec)}.
 */
public final class MultiDiscrete implements Space<int[]> {
    private final int[] nvec;

    /** Creates the space; every {@code nvec[i]} must be at least 1. */
    public MultiDiscrete(int... nvec) {
        if (nvec.length == 0) {
            throw new IllegalArgumentException("MultiDiscrete needs at least one dimension");
        }
        for (int i = 0; i < nvec.length; i++) {
            if (nvec[i] < 1) {
                throw new IllegalArgumentException("MultiDiscrete needs nvec[i] >= 1, got nvec[" + i + "]=" + nvec[i]);
            }
        }
        this.nvec = nvec.clone();
    }

    /** The number of choices per element (a copy). */
    public int[] nvec() {
        return nvec.clone();
    }

    /** The number of elements. */
    public int size() {
        return nvec.length;
    }

    @Override
    public boolean contains(Object x) {
        return describeMismatch(x) == null;
    }

    @Override
    public String describeMismatch(Object x) {
        if (!(x instanceof int[] a)) {
            return "expected an int[] of length " + nvec.length + " for " + this + ", got "
                    + (x == null ? "null" : x.getClass().getSimpleName() + " " + Spaces.render(x));
        }
        if (a.length != nvec.length) {
            return "expected an int[] of length " + nvec.length + " for " + this + ", got length " + a.length;
        }
        for (int i = 0; i < a.length; i++) {
            if (a[i] < 0 || a[i] >= nvec[i]) {
                return "element " + i + " = " + a[i] + " is outside [0, " + nvec[i] + ") of " + this;
            }
        }
        return null;
    }

    @Override
    public int[] sample(UniformRandomProvider rng) {
        int[] a = new int[nvec.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = rng.nextInt(nvec[i]);
        }
        return a;
    }

    @Override
    public Class<int[]> elementType() {
        return int[].class;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MultiDiscrete m && Arrays.equals(nvec, m.nvec);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(nvec);
    }

    @Override
    public String toString() {
        return "MultiDiscrete(" + Arrays.toString(nvec) + ")";
    }
}
