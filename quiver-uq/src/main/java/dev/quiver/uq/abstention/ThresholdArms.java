package dev.quiver.uq.abstention;

import dev.quiver.uq.conformal.CalibrationScores;
import java.util.Arrays;

/**
 * The actions of a conformal abstention policy: arm 0 predicts the single most likely label; arms
 * {@code 1..A} predict the LAC set {@code {argmax} ∪ {y : 1 − π̂_y(x) ≤ q_a}} at the conformal threshold
 * {@code q_a} of miscoverage level {@code α_a} (from a grid, computed from held-out LAC scores); the last arm
 * abstains. Thresholds turn into decisions: a set of one label is a single prediction. Always including the
 * argmax (the label with the smallest LAC score, so only empty sets change) makes sets nested in the threshold.
 *
 * <p>The single-label arm is the LAC set at the input's own threshold {@code q_0(x) = 1 − max_y π̂_y(x)}, which
 * holds the argmax alone (barring exact ties), so for every input the arms' sets are nested in the order of
 * their thresholds, the single label first.
 *
 * @see <a href="https://arxiv.org/abs/2502.06884">Tayebati et al. (2025), Learning Conformal Abstention
 *     Policies, arXiv:2502.06884 (conformal thresholds as actions)</a>
 * @see <a href="https://arxiv.org/abs/1609.00451">Sadinle, Lei and Wasserman (2019), Least Ambiguous Set-Valued
 *     Classifiers with Bounded Error Levels, arXiv:1609.00451</a>
 */
public final class ThresholdArms {
    private final double[] alphas;
    private final double[] thresholds;

    private ThresholdArms(double[] alphas, double[] thresholds) {
        this.alphas = alphas;
        this.thresholds = thresholds;
    }

    /**
     * Arms at the levels {@code alphas} with thresholds from the LAC scores {@code 1 − π̂_y(x)} of labelled
     * rows (the conformal quantile of each level).
     */
    public static ThresholdArms fromScores(double[] alphas, double[] lacScores) {
        if (alphas.length == 0) {
            throw new IllegalArgumentException("need at least one threshold level");
        }
        CalibrationScores scores = CalibrationScores.of(lacScores);
        double[] t = new double[alphas.length];
        for (int a = 0; a < alphas.length; a++) {
            t[a] = scores.quantile(alphas[a]);
        }
        return new ThresholdArms(alphas.clone(), t);
    }

    /** Arms with given thresholds (for tests and hand-made policies). */
    public static ThresholdArms of(double[] thresholds) {
        double[] a = new double[thresholds.length];
        Arrays.fill(a, Double.NaN);
        return new ThresholdArms(a, thresholds.clone());
    }

    /** The default grid of levels: 0.01, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3. */
    public static double[] defaultAlphas() {
        return new double[] {0.01, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3};
    }

    /** The number of arms: single label, one per threshold, abstain. */
    public int count() {
        return thresholds.length + 2;
    }

    /** The index of the single-label arm. */
    public int singleArm() {
        return 0;
    }

    /** The index of the abstention arm. */
    public int abstainArm() {
        return thresholds.length + 1;
    }

    /**
     * The LAC threshold of arm {@code a} for an input with probabilities {@code probs}: {@code 1 − max π̂} for the
     * single-label arm, {@code q_a} for a set arm (undefined for abstention).
     */
    public double threshold(int a, double[] probs) {
        if (a == singleArm()) {
            return 1 - probs[argmax(probs)];
        }
        if (a == abstainArm() || a < 0 || a > abstainArm()) {
            throw new IllegalArgumentException("arm " + a + " has no threshold");
        }
        return thresholds[a - 1];
    }

    /** The fixed LAC threshold {@code q_a} of set arm {@code a} (1..A). */
    public double threshold(int a) {
        if (a < 1 || a > thresholds.length) {
            throw new IllegalArgumentException("arm " + a + " has no fixed threshold");
        }
        return thresholds[a - 1];
    }

    /** The levels of the threshold arms (a copy; NaN for hand-made thresholds). */
    public double[] alphas() {
        return alphas.clone();
    }

    /** A short label of arm a for tables, e.g. {@code single}, {@code lac@0.05}, {@code abstain}. */
    public String label(int a) {
        if (a == singleArm()) {
            return "single";
        }
        if (a == abstainArm()) {
            return "abstain";
        }
        return Double.isNaN(alphas[a - 1]) ? "lac@" + thresholds[a - 1] : "lac@" + alphas[a - 1];
    }

    /** The set of arm {@code a} (not the abstention arm): {@code {argmax} ∪ {y : 1 − π̂_y ≤ q_a(x)}}. */
    public boolean[] set(int a, double[] probs) {
        boolean[] member = new boolean[probs.length];
        member[argmax(probs)] = true;
        double t = threshold(a, probs);
        for (int y = 0; y < probs.length; y++) {
            if (1 - probs[y] <= t) {
                member[y] = true;
            }
        }
        return member;
    }

    /** The most likely label (the smallest index on ties). */
    public static int argmax(double[] probs) {
        int best = 0;
        for (int y = 1; y < probs.length; y++) {
            if (probs[y] > probs[best]) {
                best = y;
            }
        }
        return best;
    }
}
