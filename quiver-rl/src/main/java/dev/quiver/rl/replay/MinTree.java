package dev.quiver.rl.replay;

/**
 * A binary segment tree over {@code n} values that keeps their minimum, with {@code O(log n)} point
 * update; unset values are {@code +∞}. Prioritized replay uses it for the smallest priority, which
 * gives the largest importance weight that normalises the others.
 *
 * @see <a href="https://arxiv.org/abs/1511.05952">Schaul, T., Quan, J., Antonoglou, I. and Silver, D.
 *     (2016). Prioritized Experience Replay. ICLR. arXiv:1511.05952</a>
 */
public final class MinTree {
    private final int n;
    private final int leaves;
    private final double[] tree;

    /** A tree over {@code n} values, all {@code +∞}. */
    public MinTree(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("MinTree needs n >= 1, got " + n);
        }
        this.n = n;
        int l = 1;
        while (l < n) {
            l <<= 1;
        }
        this.leaves = l;
        this.tree = new double[2 * l];
        java.util.Arrays.fill(tree, Double.POSITIVE_INFINITY);
    }

    /** The number of values. */
    public int size() {
        return n;
    }

    /** Sets value {@code i}. */
    public void set(int i, double value) {
        if (i < 0 || i >= n) {
            throw new IndexOutOfBoundsException("index " + i + " out of [0, " + n + ")");
        }
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("MinTree values must not be NaN");
        }
        int node = i + leaves;
        tree[node] = value;
        node >>= 1;
        while (node >= 1) {
            tree[node] = Math.min(tree[2 * node], tree[2 * node + 1]);
            node >>= 1;
        }
    }

    /** Value {@code i}. */
    public double get(int i) {
        if (i < 0 || i >= n) {
            throw new IndexOutOfBoundsException("index " + i + " out of [0, " + n + ")");
        }
        return tree[i + leaves];
    }

    /** The smallest value ({@code +∞} when none is set). */
    public double min() {
        return tree[1];
    }
}
