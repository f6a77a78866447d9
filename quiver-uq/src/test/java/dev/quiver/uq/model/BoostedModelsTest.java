package dev.quiver.uq.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.seed.Seeds;
import dev.quiver.uq.Synthetic;
import dev.quiver.uq.data.Matrix;
import dev.quiver.uq.model.xgb.XgbClassifier;
import dev.quiver.uq.model.xgb.XgbConfig;
import dev.quiver.uq.model.xgb.XgbQuantileRegressor;
import dev.quiver.uq.model.xgb.XgbRegressor;
import org.junit.jupiter.api.Test;

/**
 * xgboost through the model interfaces: deterministic for a seed, mean model better than a constant, quantile
 * levels ordered and roughly calibrated on held-out rows, class probabilities normalised. The calibration
 * check is a sanity bound for a finite boosted model, not a theorem: held-out exceedance within 0.05 of τ
 * (the binomial standard error on 2000 rows is below 0.007).
 */
class BoostedModelsTest {
    private static final XgbConfig SMALL = XgbConfig.defaults().withRounds(60);

    @Test
    void meanModelIsDeterministicAndBeatsAConstant() {
        Synthetic.Data d = Synthetic.heteroscedastic(3000, Seeds.of(1).rng());
        Matrix xTr = Synthetic.rows(d.x(), 0, 1000);
        double[] yTr = Synthetic.slice(d.y(), 0, 1000);
        Matrix xTe = Synthetic.rows(d.x(), 1000, 2000);
        double[] yTe = Synthetic.slice(d.y(), 1000, 2000);
        double[] a = new XgbRegressor(SMALL).fit(xTr, yTr, Seeds.of(3)).predict(xTe);
        double[] b = new XgbRegressor(SMALL).fit(xTr, yTr, Seeds.of(3)).predict(xTe);
        assertArrayEquals(a, b, 0.0);
        double mean = java.util.Arrays.stream(yTr).average().orElseThrow();
        double mseModel = 0;
        double mseConst = 0;
        for (int i = 0; i < yTe.length; i++) {
            mseModel += (yTe[i] - a[i]) * (yTe[i] - a[i]);
            mseConst += (yTe[i] - mean) * (yTe[i] - mean);
        }
        assertTrue(mseModel < 0.8 * mseConst, "MSE " + mseModel / yTe.length + " vs constant " + mseConst / yTe.length);
    }

    @Test
    void quantileModelGivesOrderedRoughlyCalibratedLevels() {
        Synthetic.Data d = Synthetic.heteroscedastic(4000, Seeds.of(2).rng());
        double[] levels = {0.1, 0.5, 0.9};
        QuantileModel q = new XgbQuantileRegressor(SMALL).fit(Synthetic.rows(d.x(), 0, 2000),
                Synthetic.slice(d.y(), 0, 2000), levels, Seeds.of(5));
        assertArrayEquals(levels, q.levels());
        double[][] p = q.predict(Synthetic.rows(d.x(), 2000, 2000));
        double[] yTe = Synthetic.slice(d.y(), 2000, 2000);
        int[] below = new int[3];
        int ordered = 0;
        for (int i = 0; i < yTe.length; i++) {
            for (int k = 0; k < 3; k++) {
                below[k] += yTe[i] <= p[i][k] ? 1 : 0;
            }
            ordered += p[i][0] <= p[i][1] && p[i][1] <= p[i][2] ? 1 : 0;
        }
        assertTrue(ordered > 0.95 * yTe.length, ordered + " ordered rows");
        for (int k = 0; k < 3; k++) {
            assertEquals(levels[k], below[k] / (double) yTe.length, 0.05, "held-out share below level " + levels[k]);
        }
    }

    @Test
    void classifierGivesNormalisedProbabilitiesAndLearns() {
        Synthetic.Labelled d = Synthetic.threeClasses(2000, Seeds.of(3).rng());
        ClassifierModel m = new XgbClassifier(SMALL).fit(Synthetic.rows(d.x(), 0, 1000),
                java.util.Arrays.copyOf(d.labels(), 1000), 3, Seeds.of(1));
        double[][] p = m.predictProba(Synthetic.rows(d.x(), 1000, 1000));
        int correct = 0;
        for (int i = 0; i < 1000; i++) {
            assertEquals(1.0, p[i][0] + p[i][1] + p[i][2], 1e-9);
            int best = p[i][0] >= p[i][1] && p[i][0] >= p[i][2] ? 0 : p[i][1] >= p[i][2] ? 1 : 2;
            correct += best == d.labels()[1000 + i] ? 1 : 0;
        }
        // three unit-variance Gaussians at distance sqrt(3): the Bayes accuracy is about 0.6, chance 1/3
        assertTrue(correct > 500, correct + " of 1000 correct");
    }
}
