package dev.quiver.uq.conformal.classification;

import dev.quiver.core.seed.Seeds;
import dev.quiver.uq.conformal.ConformalQuantile;
import dev.quiver.uq.data.DataSplit;
import dev.quiver.uq.data.Matrix;
import dev.quiver.uq.model.Classifier;
import dev.quiver.uq.model.ClassifierModel;
import java.util.Arrays;

/**
 * Split conformal classification: fit a {@link Classifier} on the proper-training part, calibrate a
 * {@link ClassificationScore} (LAC, APS, RAPS or your own) on the calibration part, and predict the sets of
 * {@link ConformalSets}; marginal coverage at least 1 − α, or within every class when
 * {@code classConditional} (Mondrian by label). {@link #fit} splits the rows with
 * {@code seeds.child("split")}; the model gets {@code seeds.child("model")}; randomised scores draw
 * calibration u's from {@code seeds.child("calibration-u")} and test u's from {@code seeds.child("test-u")}
 * (so predicting the same rows twice gives the same sets).
 *
 * @param classifier the classification algorithm
 * @param score the nonconformity score
 * @param alpha the miscoverage α
 * @param calibrationFraction the calibration share, in (0, 1)
 * @param classConditional whether thresholds are per class
 * @see <a href="https://arxiv.org/abs/2107.07511">Angelopoulos and Bates (2021), A Gentle Introduction to
 *     Conformal Prediction, arXiv:2107.07511</a>
 */
public record SplitConformalClassifier(Classifier classifier, ClassificationScore score, double alpha,
        double calibrationFraction, boolean classConditional) {
    /** Validates the settings. */
    public SplitConformalClassifier {
        ConformalQuantile.checkAlpha(alpha);
        if (!(calibrationFraction > 0 && calibrationFraction < 1)) {
            throw new IllegalArgumentException("calibration fraction must be in (0, 1), got " + calibrationFraction);
        }
    }

    /** Marginal coverage, half the rows calibrate. */
    public static SplitConformalClassifier of(Classifier classifier, ClassificationScore score, double alpha) {
        return new SplitConformalClassifier(classifier, score, alpha, 0.5, false);
    }

    /** A copy with per-class thresholds on or off. */
    public SplitConformalClassifier withClassConditional(boolean on) {
        return new SplitConformalClassifier(classifier, score, alpha, calibrationFraction, on);
    }

    /** A copy with another calibration share. */
    public SplitConformalClassifier withCalibrationFraction(double f) {
        return new SplitConformalClassifier(classifier, score, alpha, f, classConditional);
    }

    /** Splits {@code x, labels} into parts, fits and calibrates. */
    public SetPredictor fit(Matrix x, int[] labels, int numClasses, Seeds seeds) {
        DataSplit split = DataSplit.random(x.rows(), 0, calibrationFraction, seeds.child("split").rng());
        int[] tr = split.train();
        int[] cal = split.calibration();
        return fit(x.selectRows(tr), select(labels, tr), x.selectRows(cal), select(labels, cal), numClasses, seeds);
    }

    /** Fits on the proper-training part and calibrates on the calibration part. */
    public SetPredictor fit(Matrix xTrain, int[] yTrain, Matrix xCal, int[] yCal, int numClasses, Seeds seeds) {
        ClassifierModel model = classifier.fit(xTrain, yTrain, numClasses, seeds.child("model"));
        return calibrate(model, xCal, yCal, seeds);
    }

    /** Calibrates a fitted model on {@code xCal, yCal}. */
    public SetPredictor calibrate(ClassifierModel model, Matrix xCal, int[] yCal, Seeds seeds) {
        int k = model.numClasses();
        double[][] probs = model.predictProba(xCal);
        double[] thresholds;
        if (classConditional) {
            thresholds = ConformalSets.classConditionalThresholds(probs, yCal, k, score, alpha,
                    seeds.child("calibration-u").rng());
        } else {
            thresholds = new double[k];
            Arrays.fill(thresholds, ConformalSets.threshold(probs, yCal, score, alpha,
                    seeds.child("calibration-u").rng()));
        }
        return x -> ConformalSets.sets(model.predictProba(x), score, thresholds, alpha, seeds.child("test-u").rng());
    }

    private static int[] select(int[] labels, int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = labels[rows[i]];
        }
        return out;
    }
}
