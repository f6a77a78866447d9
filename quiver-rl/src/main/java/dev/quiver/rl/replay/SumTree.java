package dev.quiver.rl.replay;

/**
 * A binary segment tree over {@code n} non-negative values that keeps their sum: point update and
 * prefix-sum search in {@code O(log n)}, as used for proportional prioritized replay.
 *
 * <p>Leaves live in a {@code double} array after {@code size} internal nodes, {@code size} being
 * {@code n} rounded up to a power of two; each internal node holds exactly {@code left + right}
 * (recomputed, never incrementally adjusted, so no drift accumulates).
 *
 * @see <a href="https://arxiv.org/abs/1511.05952">Schaul, T., Quan, J., Antonoglou, I. and Silver, D.
 *     (2016). Prioritized Experience Replay. ICLR. arXiv:1511.05952</a>
 */
public final class SumTree {
    private final int n;
    private final int leaves;
    private final double[] tree;

    /** A tree over {@code n} values, all 0. */
    public SumTree(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("SumTree needs n >= 1, got " + n);
        }
        this.n = n;
        int l = 1;
        while (l < n) {
            l <<= 1;
        }
        this.leaves = l;
        this.tree = new double[2 * l];
    }

    /** The number of values. */
    public int size() {
        return n;
    }

    /** Sets value {@code i} to {@code value} (finite, non-negative). */
    public void set(int i, double value) {
        if (i < 0 || i >= n) {
            throw new IndexOutOfBoundsException("index " + i + " out of [0, " + n + ")");
        }
        if (!(value >= 0) || value == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("SumTree values must be finite and >= 0, got " + value);
        }
        int node = i + leaves;
        tree[node] = value;
        node >>= 1;
        while (node >= 1) {
            tree[node] = tree[2 * node] + tree[2 * node + 1];
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

    /** The sum of all values. */
    public double total() {
        return tree[1];
    }

    /**
     * The index {@code i} whose interval {@code [Σ_{j<i} v_j, Σ_{j≤i} v_j)} contains {@code prefix}:
     * the smallest {@code i} with {@code Σ_{j≤i} v_j > prefix}. A {@code prefix} at or beyond the total
     * (possible through rounding) gives the last index with a positive value; the result always has a
     * positive value.
     *
     * @throws IllegalStateException if all values are 0
     */
    public int find(double prefix) {
        if (!(tree[1] > 0)) {
            throw new IllegalStateException("SumTree is empty (total 0)");
        }
        int node = 1;
        while (node < leaves) {
            int left = 2 * node;
            if ((prefix < tree[left] || tree[left + 1] <= 0) && tree[left] > 0) {
                node = left;
            } else {
                prefix -= tree[left];
                node = left + 1;
            }
        }
        return node - leaves;
    }
}
