package dev.quiver.uq.abstention;

import java.util.Arrays;

/**
 * The state a conformal abstention policy sees for one input: summaries of the classifier's probabilities
 * (as the paper's policy sees the model's confidence) — an intercept, the three largest probabilities
 * {@code p(1) ≥ p(2) ≥ p(3)} (zero-padded), the squared largest, the normalised entropy
 * {@code −Σ p log p / log K} — and, optionally, the input's standardised features, so the policy can learn where
 * the classifier is over- or under-confident.
 *
 * <p>Each arm's features ({@link #arm}) add what that arm would output: the number of extra labels
 * {@code |C_a| − 1} and the probability mass the set leaves out, {@code m_a = 1 − Σ_{y ∈ C_a} π̂_y} (the model's
 * own estimate of the miss probability), and {@code m_a} times the context, so that a linear reward model can
 * express {@code E[r | x, a] ≈ −missCost·P(miss) − sizeCost·(|C_a| − 1)} with the miss probability recalibrated
 * as a function of x. The abstention arm's extra features are zero (its reward is a constant).
 *
 * @param includeFeatures whether to append the standardised features
 * @see <a href="https://arxiv.org/abs/2502.06884">Tayebati et al. (2025), Learning Conformal Abstention
 *     Policies, arXiv:2502.06884</a>
 */
public record ContextFeatures(boolean includeFeatures) {
    /** The number of probability summaries. */
    public static final int SUMMARIES = 6;

    /** The context dimension for inputs with {@code featureCount} features. */
    public int dimension(int featureCount) {
        return SUMMARIES + (includeFeatures ? featureCount : 0);
    }

    /** The dimension of an arm's features: context, extra labels, left-out mass, mass times context. */
    public int armDimension(int featureCount) {
        return 2 * dimension(featureCount) + 2;
    }

    /**
     * The features of one arm for one input.
     *
     * @param c the input's context ({@link #of})
     * @param set the arm's label set, or null for the abstention arm
     * @param probs the class probabilities
     */
    public double[] arm(double[] c, boolean[] set, double[] probs) {
        double[] f = new double[2 * c.length + 2];
        System.arraycopy(c, 0, f, 0, c.length);
        if (set != null) {
            int size = 0;
            double mass = 0;
            for (int y = 0; y < set.length; y++) {
                if (set[y]) {
                    size++;
                    mass += probs[y];
                }
            }
            double m = Math.max(0, 1 - mass);
            f[c.length] = size - 1;
            f[c.length + 1] = m;
            for (int j = 0; j < c.length; j++) {
                f[c.length + 2 + j] = m * c[j];
            }
        }
        return f;
    }

    /**
     * The context of one input.
     *
     * @param probs the class probabilities
     * @param standardized the input's standardised features (read only when {@link #includeFeatures()})
     */
    public double[] of(double[] probs, double[] standardized) {
        double[] s = probs.clone();
        Arrays.sort(s);
        int k = s.length;
        double entropy = 0;
        for (double p : probs) {
            if (p > 0) {
                entropy -= p * Math.log(p);
            }
        }
        double[] c = new double[dimension(standardized == null ? 0 : standardized.length)];
        c[0] = 1;
        c[1] = s[k - 1];
        c[2] = k > 1 ? s[k - 2] : 0;
        c[3] = k > 2 ? s[k - 3] : 0;
        c[4] = s[k - 1] * s[k - 1];
        c[5] = k > 1 ? entropy / Math.log(k) : 0;
        if (includeFeatures) {
            System.arraycopy(standardized, 0, c, SUMMARIES, standardized.length);
        }
        return c;
    }
}
