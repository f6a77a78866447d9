package dev.quiver.core.space;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * The integers {@code start, start + 1, ..., start + n - 1}, as Gymnasium's {@code Discrete(n, start)}.
 *
 * @param n the number of elements, at least 1
 * @param start the smallest element
 */
public record Discrete(int n, int start) implements Space<Integer> {

    /** Validates the size. */
    public Discrete {
        if (n < 1) {
            throw new IllegalArgumentException("Discrete needs n >= 1, got " + n);
        }
    }

    /** The integers {@code 0 .. n - 1}. */
    public Discrete(int n) {
        this(n, 0);
    }

    /** Whether the primitive {@code a} is an element. */
    public boolean contains(int a) {
        return a >= start && a - start < n;
    }

    @Override
    public boolean contains(Object x) {
        return x instanceof Integer i && contains(i.intValue());
    }

    @Override
    public Integer sample(UniformRandomProvider rng) {
        return start + rng.nextInt(n);
    }

    /** Samples without boxing. */
    public int sampleInt(UniformRandomProvider rng) {
        return start + rng.nextInt(n);
    }

    @Override
    public String describeMismatch(Object x) {
        if (contains(x)) {
            return null;
        }
        String got = x == null ? "null" : x instanceof Integer ? x.toString()
                : x.getClass().getSimpleName() + " " + Spaces.render(x);
        return "expected an int in [" + start + ", " + ((long) start + n) + ") for " + this + ", got " + got;
    }

    @Override
    public Class<Integer> elementType() {
        return Integer.class;
    }

    @Override
    public String toString() {
        return start == 0 ? "Discrete(" + n + ")" : "Discrete(" + n + ", start=" + start + ")";
    }
}
