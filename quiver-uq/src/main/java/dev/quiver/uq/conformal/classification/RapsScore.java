package dev.quiver.uq.conformal.classification;

/**
 * Regularised adaptive prediction sets (RAPS): the APS score plus a penalty on the rank o(y) of y,
 * {@code s(x, y, u) = Σ_{j ranked before y} π̂_j + u·π̂_y + λ·max(0, o(y) − k_reg)} (o = 1 for the most
 * likely label), which discourages large sets when the probabilities' tail is noisy.
 *
 * @param kReg the rank from which the penalty applies, k_reg ≥ 0
 * @param lambda the penalty per rank beyond k_reg, λ ≥ 0
 * @param randomized whether to use the uniform draw u (else u = 1)
 * @see <a href="https://arxiv.org/abs/2009.14193">Angelopoulos, Bates, Malik and Jordan (2021),
 *     Uncertainty Sets for Image Classifiers using Conformal Prediction, arXiv:2009.14193</a>
 */
public record RapsScore(int kReg, double lambda, boolean randomized) implements ClassificationScore {
    /** Validates the settings. */
    public RapsScore {
        if (kReg < 0 || !(lambda >= 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("need k_reg >= 0 and finite lambda >= 0, got " + kReg + ", " + lambda);
        }
    }

    @Override
    public double score(double[] probs, int label, double u) {
        int rank = rank(probs, label);
        return massBefore(probs, label) + (randomized ? u : 1.0) * probs[label] + lambda * Math.max(0, rank - kReg);
    }

    @Override
    public String name() {
        return "raps";
    }

    /** Whether label j is ranked before label y: larger probability, ties broken by the smaller index. */
    static boolean before(double[] probs, int j, int y) {
        return probs[j] > probs[y] || (probs[j] == probs[y] && j < y);
    }

    /** The probability mass of the labels ranked before {@code y}. */
    static double massBefore(double[] probs, int y) {
        double s = 0;
        for (int j = 0; j < probs.length; j++) {
            if (j != y && before(probs, j, y)) {
                s += probs[j];
            }
        }
        return s;
    }

    /** The 1-based rank of {@code y}. */
    static int rank(double[] probs, int y) {
        int r = 1;
        for (int j = 0; j < probs.length; j++) {
            if (j != y && before(probs, j, y)) {
                r++;
            }
        }
        return r;
    }
}
