package dev.quiver.uq.conformal.classification;

import dev.quiver.uq.conformal.CalibrationScores;
import dev.quiver.uq.conformal.ConformalQuantile;
import dev.quiver.uq.conformal.PredictionSets;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Split conformal classification on probabilities you already have (from any model): the calibration
 * threshold (marginal, or one per class for class-conditional coverage) and the prediction sets
 * {@code {y : s(π̂(x), y, u) ≤ t_y}}. Randomised scores draw one uniform u per row from the generator given
 * (calibration and test draws should come from different streams).
 *
 * @see <a href="https://arxiv.org/abs/2107.07511">Angelopoulos and Bates (2021), A Gentle Introduction to
 *     Conformal Prediction, arXiv:2107.07511</a>
 * @see <a href="https://arxiv.org/abs/1209.2673">Vovk (2012), Conditional validity of inductive conformal
 *     predictors, arXiv:1209.2673 (label-conditional, i.e. Mondrian by class)</a>
 */
public final class ConformalSets {
    private ConformalSets() {
    }

    /** The scores of the true labels of calibration rows. */
    public static double[] calibrationScores(double[][] probs, int[] labels, ClassificationScore score,
            UniformRandomProvider rng) {
        if (probs.length != labels.length) {
            throw new IllegalArgumentException(probs.length + " probability rows but " + labels.length + " labels");
        }
        double[] s = new double[labels.length];
        for (int i = 0; i < s.length; i++) {
            double u = score.randomized() ? rng.nextDouble() : 1.0;
            s[i] = score.score(probs[i], labels[i], u);
        }
        return s;
    }

    /** The marginal threshold: the conformal quantile of all calibration scores. */
    public static double threshold(double[][] probs, int[] labels, ClassificationScore score, double alpha,
            UniformRandomProvider rng) {
        return CalibrationScores.of(calibrationScores(probs, labels, score, rng)).quantile(alpha);
    }

    /**
     * One threshold per class: the conformal quantile of the calibration scores of that class's rows
     * ({@code +∞} for a class with too few rows), giving coverage at least 1 − α within every class.
     */
    public static double[] classConditionalThresholds(double[][] probs, int[] labels, int numClasses,
            ClassificationScore score, double alpha, UniformRandomProvider rng) {
        double[] s = calibrationScores(probs, labels, score, rng);
        double[] t = new double[numClasses];
        for (int k = 0; k < numClasses; k++) {
            int c = 0;
            for (int l : labels) {
                if (l == k) {
                    c++;
                }
            }
            double[] sk = new double[c];
            c = 0;
            for (int i = 0; i < s.length; i++) {
                if (labels[i] == k) {
                    sk[c++] = s[i];
                }
            }
            t[k] = ConformalQuantile.upper(sk, alpha);
        }
        return t;
    }

    /** The sets {@code {y : s(π̂(x), y, u) ≤ thresholds[y]}}, one u per row. */
    public static PredictionSets sets(double[][] probs, ClassificationScore score, double[] thresholds, double alpha,
            UniformRandomProvider rng) {
        int k = thresholds.length;
        boolean[][] member = new boolean[probs.length][k];
        for (int i = 0; i < probs.length; i++) {
            if (probs[i].length != k) {
                throw new IllegalArgumentException("row " + i + " has " + probs[i].length + " probabilities, expected " + k);
            }
            double u = score.randomized() ? rng.nextDouble() : 1.0;
            for (int y = 0; y < k; y++) {
                member[i][y] = score.score(probs[i], y, u) <= thresholds[y];
            }
        }
        return new PredictionSets(member, k, alpha);
    }

    /** The sets with one threshold for every class. */
    public static PredictionSets sets(double[][] probs, int numClasses, ClassificationScore score, double threshold,
            double alpha, UniformRandomProvider rng) {
        double[] t = new double[numClasses];
        Arrays.fill(t, threshold);
        return sets(probs, score, t, alpha, rng);
    }
}
