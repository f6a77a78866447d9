package dev.quiver.uq.model;

import dev.quiver.uq.data.DataSplit;
import org.apache.commons.rng.UniformRandomProvider;

/** Row-index folds for cross-fitting: random K-fold partitions, leave-one-out, complements. */
public final class Folds {
    private Folds() {
    }

    /**
     * A random partition of {@code 0..n-1} into {@code k} folds of sizes differing by at most one (a
     * uniform permutation cut into consecutive blocks, the first {@code n mod k} one longer).
     */
    public static int[][] random(int n, int k, UniformRandomProvider rng) {
        if (k < 2 || k > n) {
            throw new IllegalArgumentException("need 2 <= folds <= n, got " + k + " folds for n = " + n);
        }
        int[] perm = DataSplit.permutation(n, rng);
        int[][] folds = new int[k][];
        int start = 0;
        for (int f = 0; f < k; f++) {
            int size = n / k + (f < n % k ? 1 : 0);
            folds[f] = java.util.Arrays.copyOfRange(perm, start, start + size);
            start += size;
        }
        return folds;
    }

    /** The {@code n} singleton folds {@code {0}, {1}, ..., {n-1}}. */
    public static int[][] leaveOneOut(int n) {
        int[][] folds = new int[n][];
        for (int i = 0; i < n; i++) {
            folds[i] = new int[] {i};
        }
        return folds;
    }

    /** The rows of {@code 0..n-1} not in {@code fold}, ascending. */
    public static int[] complement(int n, int[] fold) {
        boolean[] out = new boolean[n];
        for (int i : fold) {
            out[i] = true;
        }
        int[] rows = new int[n - countTrue(out)];
        int c = 0;
        for (int i = 0; i < n; i++) {
            if (!out[i]) {
                rows[c++] = i;
            }
        }
        return rows;
    }

    private static int countTrue(boolean[] b) {
        int c = 0;
        for (boolean v : b) {
            if (v) {
                c++;
            }
        }
        return c;
    }
}
