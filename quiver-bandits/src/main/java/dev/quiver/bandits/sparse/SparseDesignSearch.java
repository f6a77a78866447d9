package dev.quiver.bandits.sparse;

/**
 * The sparse search with designs instead of nets: for every support {@code S} of size {@code s}, a
 * G-optimal design on the arms' projections onto {@code S}, least squares on its answers
 * ({@link DesignLeastSquares}) and the arm of largest predicted reward as that support's candidate; then a
 * final comparison of the distinct candidates ({@link FinalComparison}). On the true support the
 * predictions are off by at most {@code epsilon sqrt(2 s)} instead of the dense {@code epsilon sqrt(2 d)},
 * so the result is {@code O(epsilon sqrt(s))}-optimal with {@code C(d, s) O(s log log s)} design queries
 * plus {@code C(d, s)} comparisons: the {@code poly(s / epsilon)}-per-support route of Dong and Yang's
 * paper (error {@code O(s^delta epsilon)}, {@code delta >= 1/2}), as we reconstruct it.
 *
 * @param sparsity the sparsity s the search assumes
 * @param accuracy the accuracy of predictions and comparison under noise, in units of epsilon (default 0.5)
 * @param delta the failure probability under noise (default 0.05)
 * @see <a href="https://arxiv.org/abs/2303.16998">Dong, Yang (2023), Does Sparsity Help in Learning
 *     Misspecified Linear Bandits?, arXiv:2303.16998</a>
 * @see <a href="https://arxiv.org/abs/1911.07676">Lattimore, Szepesvari, Weisz (2020), arXiv:1911.07676</a>
 */
public record SparseDesignSearch(int sparsity, double accuracy, double delta) implements BestArmSearch {

    /** Validates the fields. */
    public SparseDesignSearch {
        if (sparsity < 1) {
            throw new IllegalArgumentException("sparsity must be at least 1, got " + sparsity);
        }
        if (!(accuracy > 0) || !(delta > 0 && delta < 1)) {
            throw new IllegalArgumentException("need accuracy > 0 and delta in (0, 1)");
        }
    }

    /** Sparsity {@code s}, accuracy epsilon / 2, delta 0.05. */
    public static SparseDesignSearch defaults(int sparsity) {
        return new SparseDesignSearch(sparsity, 0.5, 0.05);
    }

    @Override
    public String name() {
        return "sparse-design";
    }

    @Override
    public int search(MisspecifiedArms arms) {
        boolean[] candidate = new boolean[arms.size()];
        double acc = accuracy * Math.max(arms.epsilon(), SparseNetSearch.MIN_RESOLUTION);
        Supports.forEach(arms.dim(), sparsity, support -> {
            int[] coords = support.clone();
            double[][] vectors = DesignLeastSquares.project(arms, coords);
            GOptimalDesign design = GOptimalDesign.of(vectors, DenseDesignSearch.TOLERANCE);
            double[] theta = DesignLeastSquares.fit(arms, coords, design, vectors, acc, delta);
            candidate[DesignLeastSquares.argmax(vectors, theta)] = true;
        });
        return FinalComparison.best(arms, SparseNetSearch.indices(candidate), acc, delta);
    }
}
