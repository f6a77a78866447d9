package dev.quiver.uq.conformal.risk;

import dev.quiver.uq.conformal.PredictionSets;
import java.util.Arrays;
import java.util.TreeSet;

/**
 * The false-negative rate of multi-label set prediction, the example of conformal risk control: with
 * estimated label probabilities {@code p_k(x)} the set {@code C_λ(x) = {k : p_k(x) ≥ 1 − λ}} grows with λ,
 * and the loss of an example with true label set Y (non-empty) is
 * {@code 1 − |C_λ(x) ∩ Y| / |Y|}, in [0, 1] and non-increasing in λ. At λ = 1 every set is full and the
 * loss is 0.
 *
 * @see <a href="https://arxiv.org/abs/2208.02814">Angelopoulos, Bates, Fisch, Lei and Schuster (2022),
 *     Conformal Risk Control, arXiv:2208.02814, Section 3</a>
 */
public final class FalseNegativeRateLoss implements MonotoneLoss {
    private final double[][] probs;
    private final boolean[][] truth;

    /**
     * Calibration examples: {@code probs[i][k]} the estimated probability that label k applies to example
     * i, {@code truth[i][k]} whether it does (at least one per example).
     */
    public FalseNegativeRateLoss(double[][] probs, boolean[][] truth) {
        if (probs.length != truth.length) {
            throw new IllegalArgumentException(probs.length + " probability rows but " + truth.length + " label sets");
        }
        this.probs = new double[probs.length][];
        this.truth = new boolean[truth.length][];
        for (int i = 0; i < probs.length; i++) {
            if (probs[i].length != truth[i].length) {
                throw new IllegalArgumentException("row " + i + ": " + probs[i].length + " probabilities but "
                        + truth[i].length + " label flags");
            }
            boolean any = false;
            for (boolean b : truth[i]) {
                any |= b;
            }
            if (!any) {
                throw new IllegalArgumentException("example " + i + " has no true label; the FNR needs at least one");
            }
            this.probs[i] = probs[i].clone();
            this.truth[i] = truth[i].clone();
        }
    }

    @Override
    public int size() {
        return probs.length;
    }

    @Override
    public double loss(int i, double lambda) {
        int positives = 0;
        int found = 0;
        for (int k = 0; k < probs[i].length; k++) {
            if (truth[i][k]) {
                positives++;
                if (probs[i][k] >= 1 - lambda) {
                    found++;
                }
            }
        }
        return 1 - (double) found / positives;
    }

    @Override
    public double bound() {
        return 1;
    }

    /** Every λ at which some loss can change ({@code 1 − p_ik}), plus 0 and 1, ascending. */
    public double[] candidates() {
        TreeSet<Double> s = new TreeSet<>();
        s.add(0.0);
        s.add(1.0);
        for (double[] row : probs) {
            for (double p : row) {
                s.add(Math.min(1, Math.max(0, 1 - p)));
            }
        }
        return s.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The sets {@code C_λ(x) = {k : p_k ≥ 1 − λ}} for new rows' probabilities. */
    public static PredictionSets sets(double[][] probs, double lambda, double alpha) {
        int k = probs.length == 0 ? 0 : probs[0].length;
        boolean[][] member = new boolean[probs.length][k];
        for (int i = 0; i < probs.length; i++) {
            for (int j = 0; j < k; j++) {
                member[i][j] = probs[i][j] >= 1 - lambda;
            }
        }
        return new PredictionSets(member, k, alpha);
    }

    @Override
    public String toString() {
        return "FalseNegativeRateLoss[" + probs.length + " examples, " + (probs.length > 0 ? probs[0].length : 0)
                + " labels, first " + (probs.length > 0 ? Arrays.toString(truth[0]) : "-") + "]";
    }
}
