package dev.quiver.bandits.sparse;

import java.util.function.Consumer;

/** The supports of an s-sparse vector in {@code R^d}: every size-{@code s} subset of {@code 0..d-1}. */
public final class Supports {
    private Supports() {
    }

    /** {@code C(d, s)} as a double (it can be large). */
    public static double count(int d, int s) {
        double c = 1;
        for (int i = 0; i < s; i++) {
            c = c * (d - i) / (i + 1);
        }
        return c;
    }

    /**
     * Calls {@code action} with every subset of size {@code s} of {@code 0..d-1}, increasing, in
     * lexicographic order (the array is reused between calls: copy it to keep it).
     */
    public static void forEach(int d, int s, Consumer<int[]> action) {
        if (s < 1 || s > d) {
            throw new IllegalArgumentException("sparsity must be in [1, " + d + "], got " + s);
        }
        int[] c = new int[s];
        for (int i = 0; i < s; i++) {
            c[i] = i;
        }
        while (true) {
            action.accept(c);
            int i = s - 1;
            while (i >= 0 && c[i] == d - s + i) {
                i--;
            }
            if (i < 0) {
                return;
            }
            c[i]++;
            for (int j = i + 1; j < s; j++) {
                c[j] = c[j - 1] + 1;
            }
        }
    }
}
