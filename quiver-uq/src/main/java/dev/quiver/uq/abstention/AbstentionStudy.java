package dev.quiver.uq.abstention;

import dev.quiver.core.seed.Seeds;
import dev.quiver.uq.conformal.PredictionSets;
import dev.quiver.uq.conformal.classification.ApsScore;
import dev.quiver.uq.conformal.classification.ConformalSets;
import dev.quiver.uq.conformal.classification.LacScore;
import dev.quiver.uq.data.FourWaySplit;
import dev.quiver.uq.data.Matrix;
import dev.quiver.uq.data.Standardizer;
import dev.quiver.uq.data.TabularDataset;
import dev.quiver.uq.model.Classifier;
import dev.quiver.uq.model.ClassifierModel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One random split of the conformal-abstention experiment: the rows (optionally a random subsample of
 * {@code maxRows}) are split into test rows ({@code testFraction}) and, of the rest, classifier-training rows,
 * policy rows ({@code policyFraction}) and calibration rows ({@code calibrationFraction}). One classifier is fitted
 * on the training rows; LAC and APS (randomised) are calibrated on the calibration rows at miscoverage α; the
 * abstention policy is learned on the policy rows and calibrated on the same calibration rows; all are scored on
 * the test rows ({@link AbstentionMetrics}, with the policy's utility). The uncalibrated policy is scored too, to
 * show what the calibration step does. Seeds: {@code child("subsample")}, {@code child("split")},
 * {@code child("model")}, {@code child("aps-calibration")}, {@code child("aps-test")}, {@code child("policy")}.
 *
 * @param classifier the probabilistic classifier
 * @param policy the abstention policy settings
 * @param alpha the target miscoverage α
 * @param testFraction the test share of the rows
 * @param policyFraction the policy share of the non-test rows
 * @param calibrationFraction the calibration share of the non-test rows
 * @param maxRows use a random subsample of at most this many rows (0: all rows)
 * @see <a href="https://arxiv.org/abs/2502.06884">Tayebati et al. (2025), Learning Conformal Abstention
 *     Policies, arXiv:2502.06884</a>
 */
public record AbstentionStudy(Classifier classifier, ConformalAbstentionPolicy policy, double alpha,
        double testFraction, double policyFraction, double calibrationFraction, int maxRows) {
    /** Validates the settings. */
    public AbstentionStudy {
        Objects.requireNonNull(classifier, "classifier");
        Objects.requireNonNull(policy, "policy");
        dev.quiver.uq.conformal.ConformalQuantile.checkAlpha(alpha);
        if (!(testFraction > 0 && testFraction < 1) || !(policyFraction > 0) || !(calibrationFraction > 0)
                || !(policyFraction + calibrationFraction < 1)) {
            throw new IllegalArgumentException("need test fraction in (0, 1) and positive policy and calibration"
                    + " fractions summing below 1, got " + testFraction + ", " + policyFraction + ", "
                    + calibrationFraction);
        }
        if (maxRows < 0) {
            throw new IllegalArgumentException("maxRows must be >= 0, got " + maxRows);
        }
    }

    /** Runs one split of a classification data set. */
    public AbstentionSplit run(TabularDataset data, Seeds seeds) {
        if (!data.isClassification()) {
            throw new IllegalArgumentException("the abstention study needs a classification data set");
        }
        long start = System.nanoTime();
        FourWaySplit split = FourWaySplit.random(data.size(), maxRows, testFraction, policyFraction, calibrationFraction,
                "policy", seeds);
        TabularDataset train = data.select(split.train());
        TabularDataset pol = data.select(split.stage());
        TabularDataset cal = data.select(split.calibration());
        TabularDataset test = data.select(split.test());
        int k = data.classNames().size();
        ClassifierModel model = classifier.fit(train.features(), train.labels(), k, seeds.child("model"));
        Standardizer std = Standardizer.fit(train.features());
        double[][] pPol = model.predictProba(pol.features());
        double[][] pCal = model.predictProba(cal.features());
        double[][] pTest = model.predictProba(test.features());
        double[][] xPol = rows(std.transform(pol.features()));
        double[][] xCal = rows(std.transform(cal.features()));
        double[][] xTest = rows(std.transform(test.features()));
        int[] yCal = cal.labels();
        int[] yTest = test.labels();
        AbstentionUtility u = policy.utility();
        Map<String, AbstentionMetrics> metrics = new LinkedHashMap<>();
        LacScore lac = new LacScore();
        double tLac = ConformalSets.threshold(pCal, yCal, lac, alpha, seeds.child("lac").rng());
        PredictionSets lacSets = ConformalSets.sets(pTest, k, lac, tLac, alpha, seeds.child("lac").rng());
        metrics.put("lac", AbstentionMetrics.of(AbstentionPredictions.of(lacSets), yTest, u));
        ApsScore aps = new ApsScore(true);
        double tAps = ConformalSets.threshold(pCal, yCal, aps, alpha, seeds.child("aps-calibration").rng());
        PredictionSets apsSets = ConformalSets.sets(pTest, k, aps, tAps, alpha, seeds.child("aps-test").rng());
        metrics.put("aps", AbstentionMetrics.of(AbstentionPredictions.of(apsSets), yTest, u));
        LearnedAbstentionPolicy learned = policy.learn(pPol, xPol, pol.labels(), seeds.child("policy"));
        metrics.put("policy-uncalibrated", AbstentionMetrics.of(learned.predict(pTest, xTest), yTest, u));
        CalibratedAbstentionPolicy calibrated = learned.calibrate(pCal, xCal, yCal, alpha);
        int[] arms = calibrated.act(pTest, xTest);
        AbstentionPredictions out = LearnedAbstentionPolicy.outputs(learned.arms(), arms, pTest);
        metrics.put("policy", AbstentionMetrics.of(out, yTest, u));
        Map<String, Double> shares = new LinkedHashMap<>();
        for (int a = 0; a < learned.arms().count(); a++) {
            int c = 0;
            for (int v : arms) {
                if (v == a) {
                    c++;
                }
            }
            shares.put(learned.arms().label(a), (double) c / arms.length);
        }
        return new AbstentionSplit(train.size(), pol.size(), cal.size(), test.size(), metrics, calibrated.missCost(), shares,
                (System.nanoTime() - start) / 1e9);
    }

    private static double[][] rows(Matrix m) {
        return m.toArray();
    }
}
