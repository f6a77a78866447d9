package dev.quiver.uq.conformal.classification;

/**
 * LAC, the least ambiguous set-valued classifier's score {@code s(x, y) = 1 − π̂_y(x)}: the prediction set
 * holds every label whose estimated probability is at least {@code 1 − q̂}. Among sets built from the true
 * probabilities it has the smallest expected size at coverage 1 − α.
 *
 * @see <a href="https://arxiv.org/abs/1609.00451">Sadinle, Lei and Wasserman (2019), Least Ambiguous
 *     Set-Valued Classifiers with Bounded Error Levels, arXiv:1609.00451</a>
 */
public record LacScore() implements ClassificationScore {
    @Override
    public double score(double[] probs, int label, double u) {
        return 1 - probs[label];
    }

    @Override
    public boolean randomized() {
        return false;
    }

    @Override
    public String name() {
        return "lac";
    }
}
