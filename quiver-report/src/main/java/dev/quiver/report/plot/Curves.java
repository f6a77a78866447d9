package dev.quiver.report.plot;

import java.util.Arrays;

/** Validation and copying of curve arrays shared by {@link ProfileCurve} and {@link SampleEfficiencyCurve}. */
final class Curves {

    /** A validated curve's arrays, shared without copying inside this package. */
    record Data(String name, double[] x, double[] y, double[] low, double[] high) {}

    private Curves() {}

    /**
     * Checks that the arrays have one common length of at least 1, that every value is finite, that
     * {@code x} does not decrease and that {@code low} and {@code high} are both given or both null.
     */
    static void check(String algorithm, String xName, double[] x, String yName, double[] y, double[] low,
            double[] high) {
        if (algorithm == null) {
            throw new NullPointerException("algorithm");
        }
        if (x == null || y == null) {
            throw new NullPointerException("curve '" + algorithm + "': " + xName + " and " + yName + " are required");
        }
        if ((low == null) != (high == null)) {
            throw new IllegalArgumentException("curve '" + algorithm + "': give both low and high, or neither");
        }
        int n = x.length;
        if (n == 0) {
            throw new IllegalArgumentException("curve '" + algorithm + "' has no points");
        }
        same(algorithm, xName, n, yName, y);
        finite(algorithm, xName, x);
        finite(algorithm, yName, y);
        if (low != null) {
            same(algorithm, xName, n, "low", low);
            same(algorithm, xName, n, "high", high);
            finite(algorithm, "low", low);
            finite(algorithm, "high", high);
        }
        for (int i = 1; i < n; i++) {
            if (x[i] < x[i - 1]) {
                throw new IllegalArgumentException("curve '" + algorithm + "': " + xName + " must not decrease, but "
                        + xName + "[" + i + "] = " + x[i] + " < " + xName + "[" + (i - 1) + "] = " + x[i - 1]);
            }
        }
    }

    private static void same(String algorithm, String xName, int n, String name, double[] a) {
        if (a.length != n) {
            throw new IllegalArgumentException("curve '" + algorithm + "': " + name + " has " + a.length
                    + " values but " + xName + " has " + n);
        }
    }

    private static void finite(String algorithm, String name, double[] a) {
        for (int i = 0; i < a.length; i++) {
            if (!Double.isFinite(a[i])) {
                throw new IllegalArgumentException("curve '" + algorithm + "': " + name + "[" + i + "] = " + a[i]
                        + " is not finite");
            }
        }
    }

    static double[] copy(double[] a) {
        return a == null ? null : a.clone();
    }

    static String toString(double[] a) {
        return a == null ? "null" : Arrays.toString(a);
    }
}
