package dev.quiver.uq.abstention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.bandits.algo.AlgorithmConfig;
import dev.quiver.bandits.algo.LinTsConfig;
import dev.quiver.bandits.algo.LinUcbConfig;
import dev.quiver.bandits.algo.SquareCbConfig;
import dev.quiver.core.seed.Seeds;
import dev.quiver.uq.conformal.SplitCoverageLaw;
import dev.quiver.uq.data.HeterogeneousClassification;
import dev.quiver.uq.data.Matrix;
import dev.quiver.uq.data.Standardizer;
import dev.quiver.uq.data.TabularDataset;
import dev.quiver.uq.model.ClassifierModel;
import dev.quiver.uq.model.linear.LogisticRegression;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The calibrated abstention policy on the seeded synthetic heterogeneous-difficulty task.
 *
 * <p>Coverage: over R = 200 repetitions with fresh data (classifier on 300 rows, policy learned on 200,
 * calibrated on n = 100, tested on m = 100), the average coverage (an abstention counting as covered) must lie in
 * the split-conformal band [1 − α, 1 − α + 1/(n + 1)] widened by 4 standard errors of the average
 * ({@link SplitCoverageLaw}: the coverage given the calibration rows is Beta(k, n + 1 − k) when μ̂ falls among
 * tie-free scores; the score S also has an atom at 0 (rows whose label is the argmax), which can only push the
 * coverage up when the k-th smallest score is 0 — here that needs over 90% of the calibration rows to be argmax hits,
 * which with a top-1 accuracy near 75% has probability below 1e-3 per repetition). Also: at every miss cost μ a row
 * is covered exactly when its score S is at most μ (the nestedness the guarantee rests on), and fixed seeds give
 * identical outputs.
 */
class ConformalAbstentionPolicyTest {
    private static final double ALPHA = 0.1;

    /** One repetition's parts: probabilities, standardised features and labels of the policy, calibration, test rows. */
    private record Parts(double[][] pPol, double[][] xPol, int[] yPol, double[][] pCal, double[][] xCal, int[] yCal,
            double[][] pTest, double[][] xTest, int[] yTest) {
    }

    private static Parts parts(long seed, int nTrain, int nPolicy, int nCal, int nTest) {
        TabularDataset d = HeterogeneousClassification.generate(nTrain + nPolicy + nCal + nTest, 4,
                Seeds.of(seed).child("data").rng());
        int[] labels = d.labels();
        Matrix x = d.features();
        Matrix xTr = rows(x, 0, nTrain);
        ClassifierModel model = LogisticRegression.defaults().fit(xTr, slice(labels, 0, nTrain), 4, Seeds.of(seed));
        Standardizer std = Standardizer.fit(xTr);
        int o1 = nTrain;
        int o2 = o1 + nPolicy;
        int o3 = o2 + nCal;
        return new Parts(model.predictProba(rows(x, o1, nPolicy)), std.transform(rows(x, o1, nPolicy)).toArray(),
                slice(labels, o1, nPolicy), model.predictProba(rows(x, o2, nCal)),
                std.transform(rows(x, o2, nCal)).toArray(), slice(labels, o2, nCal),
                model.predictProba(rows(x, o3, nTest)), std.transform(rows(x, o3, nTest)).toArray(),
                slice(labels, o3, nTest));
    }

    @Test
    void calibratedCoverageIsWithinTheFiniteSampleBand() {
        int reps = 200;
        int nCal = 100;
        int nTest = 100;
        ConformalAbstentionPolicy config = ConformalAbstentionPolicy.defaults().withEpochs(2);
        double covered = 0;
        double uncalibratedCovered = 0;
        double abstained = 0;
        for (int r = 0; r < reps; r++) {
            Parts p = parts(1000 + r, 300, 200, nCal, nTest);
            LearnedAbstentionPolicy learned = config.learn(p.pPol(), p.xPol(), p.yPol(), Seeds.of(r).child("policy"));
            AbstentionPredictions raw = learned.predict(p.pTest(), p.xTest());
            AbstentionPredictions out = learned.calibrate(p.pCal(), p.xCal(), p.yCal(), ALPHA).predict(p.pTest(),
                    p.xTest());
            AbstentionMetrics m = AbstentionMetrics.of(out, p.yTest(), config.utility());
            covered += m.coverage() / reps;
            abstained += m.abstentionRate() / reps;
            uncalibratedCovered += AbstentionMetrics.of(raw, p.yTest(), config.utility()).coverage() / reps;
        }
        SplitCoverageLaw law = new SplitCoverageLaw(nCal, ALPHA);
        double se = law.standardErrorOfAverage(nTest, reps);
        assertTrue(covered >= law.lowerBound() - 4 * se && covered <= law.upperBound() + 4 * se, "coverage " + covered
                + " outside [" + law.lowerBound() + ", " + law.upperBound() + "] +- 4 se (" + se + "); uncalibrated "
                + uncalibratedCovered + ", abstention rate " + abstained);
        assertTrue(abstained < 0.9, "the policy should not abstain on almost everything: " + abstained);
    }

    @Test
    void coveredAtAMissCostExactlyWhenTheScoreIsAtMostIt() {
        Parts p = parts(7, 600, 400, 300, 500);
        ConformalAbstentionPolicy config = ConformalAbstentionPolicy.defaults();
        LearnedAbstentionPolicy learned = config.learn(p.pPol(), p.xPol(), p.yPol(), Seeds.of(1));
        double calibrated = learned.calibrate(p.pCal(), p.xCal(), p.yCal(), ALPHA).missCost();
        for (double mu : new double[] {0, 0.05, 0.2, 0.5, 1, 2, 5, calibrated}) {
            AbstentionPredictions out = LearnedAbstentionPolicy.outputs(learned.arms(),
                    learned.act(p.pTest(), p.xTest(), mu), p.pTest());
            for (int i = 0; i < out.size(); i++) {
                double s = learned.score(p.pTest()[i], p.xTest()[i], p.yTest()[i]);
                assertEquals(s <= mu, out.covers(i, p.yTest()[i]), "row " + i + ", miss cost " + mu + ", score " + s);
            }
        }
    }

    static Stream<AlgorithmConfig> bandits() {
        return Stream.of(LinUcbConfig.defaults(), LinTsConfig.defaults(), SquareCbConfig.defaults());
    }

    @ParameterizedTest
    @MethodSource("bandits")
    void sameSeedsGiveIdenticalOutputs(AlgorithmConfig bandit) {
        Parts p = parts(3, 300, 150, 150, 150);
        ConformalAbstentionPolicy config = ConformalAbstentionPolicy.defaults().withBandit(bandit).withEpochs(1);
        CalibratedAbstentionPolicy a = config.learn(p.pPol(), p.xPol(), p.yPol(), Seeds.of(9))
                .calibrate(p.pCal(), p.xCal(), p.yCal(), ALPHA);
        CalibratedAbstentionPolicy b = config.learn(p.pPol(), p.xPol(), p.yPol(), Seeds.of(9))
                .calibrate(p.pCal(), p.xCal(), p.yCal(), ALPHA);
        assertEquals(a.missCost(), b.missCost(), 0);
        AbstentionPredictions oa = a.predict(p.pTest(), p.xTest());
        AbstentionPredictions ob = b.predict(p.pTest(), p.xTest());
        for (int i = 0; i < oa.size(); i++) {
            assertEquals(oa.abstained(i), ob.abstained(i));
            assertArrayEquals(oa.labels(i), ob.labels(i));
        }
    }

    private static Matrix rows(Matrix x, int from, int len) {
        int[] idx = new int[len];
        for (int i = 0; i < len; i++) {
            idx[i] = from + i;
        }
        return x.selectRows(idx);
    }

    private static int[] slice(int[] v, int from, int len) {
        return java.util.Arrays.copyOfRange(v, from, from + len);
    }
}
