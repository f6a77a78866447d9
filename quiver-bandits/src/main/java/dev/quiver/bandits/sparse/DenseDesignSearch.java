package dev.quiver.bandits.sparse;

/**
 * The dense baseline of Lattimore, Szepesvari and Weisz (2020): one G-optimal design on all {@code d}
 * coordinates of all arms, least squares on the design's answers ({@link DesignLeastSquares}), and the arm
 * of largest predicted reward. About {@code d log log d} design arms, so few queries; but with
 * misspecification {@code epsilon} its predictions can be off by {@code epsilon sqrt(2 d)}, so it only
 * promises an {@code O(epsilon sqrt(d))}-optimal arm, and that is tight for some instances.
 *
 * @param accuracy the prediction accuracy aimed at under noise, in units of epsilon (default 0.5)
 * @param delta the failure probability under noise (default 0.05)
 * @see <a href="https://arxiv.org/abs/1911.07676">Lattimore, Szepesvari, Weisz (2020), Learning with Good
 *     Feature Representations in Bandits and in RL with a Generative Model, arXiv:1911.07676</a>
 */
public record DenseDesignSearch(double accuracy, double delta) implements BestArmSearch {

    /** The design's tolerance: {@code max g <= 2 d}. */
    public static final double TOLERANCE = 1.0;

    /** Accuracy 0.5 epsilon, delta 0.05. */
    public static DenseDesignSearch defaults() {
        return new DenseDesignSearch(0.5, 0.05);
    }

    /** The design this search uses on {@code vectors} (also what an adversary of it can compute). */
    public static GOptimalDesign design(double[][] vectors) {
        return GOptimalDesign.of(vectors, TOLERANCE);
    }

    @Override
    public String name() {
        return "dense-design";
    }

    @Override
    public int search(MisspecifiedArms arms) {
        int[] all = new int[arms.dim()];
        for (int j = 0; j < all.length; j++) {
            all[j] = j;
        }
        double[][] vectors = DesignLeastSquares.project(arms, all);
        GOptimalDesign design = design(vectors);
        double[] theta = DesignLeastSquares.fit(arms, all, design, vectors, accuracy * arms.epsilon(), delta);
        return DesignLeastSquares.argmax(vectors, theta);
    }
}
