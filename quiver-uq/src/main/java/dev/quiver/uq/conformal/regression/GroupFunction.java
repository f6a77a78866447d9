package dev.quiver.uq.conformal.regression;

import dev.quiver.uq.data.Matrix;

/**
 * Assigns each row a group (a category) from its features, for group-conditional (Mondrian) conformal
 * prediction. Groups are any ints.
 */
@FunctionalInterface
public interface GroupFunction {
    /** The group of each row of {@code x}. */
    int[] groups(Matrix x);

    /** Groups by the value of feature {@code column}, which must hold integers (e.g. a 0/1 indicator or a code). */
    static GroupFunction byColumn(int column) {
        return x -> {
            int[] g = new int[x.rows()];
            for (int i = 0; i < g.length; i++) {
                double v = x.get(i, column);
                if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException("group column " + column + " holds " + v + " in row " + i
                            + "; groups must be integer codes");
                }
                g[i] = (int) v;
            }
            return g;
        };
    }
}
