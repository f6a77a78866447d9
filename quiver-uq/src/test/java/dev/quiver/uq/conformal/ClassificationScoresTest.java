package dev.quiver.uq.conformal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.seed.Seeds;
import dev.quiver.uq.Synthetic;
import dev.quiver.uq.conformal.classification.ApsScore;
import dev.quiver.uq.conformal.classification.ConformalSets;
import dev.quiver.uq.conformal.classification.LacScore;
import dev.quiver.uq.conformal.classification.RapsScore;
import dev.quiver.uq.conformal.classification.SplitConformalClassifier;
import dev.quiver.uq.metrics.GroupCoverage;
import dev.quiver.uq.metrics.SetMetrics;
import dev.quiver.uq.model.linear.LogisticRegression;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClassificationScoresTest {
    private static final double[] P = {0.2, 0.5, 0.3};

    @Test
    void scoresMatchHandComputations() {
        assertEquals(0.7, new LacScore().score(P, 2, 0.4), 1e-15);
        // ranking: 1 (0.5), 2 (0.3), 0 (0.2)
        assertEquals(0.8, new ApsScore(false).score(P, 2, 0.4), 1e-15);
        assertEquals(0.5 + 0.4 * 0.3, new ApsScore(true).score(P, 2, 0.4), 1e-15);
        assertEquals(0.4 * 0.5, new ApsScore(true).score(P, 1, 0.4), 1e-15);
        // RAPS, k_reg = 1, lambda = 0.1: label 0 has rank 3 -> penalty 0.1 * (3 - 1)
        assertEquals(0.8 + 0.4 * 0.2 + 0.2, new RapsScore(1, 0.1, true).score(P, 0, 0.4), 1e-15);
        assertEquals(0.5, new RapsScore(1, 0.1, false).score(P, 1, 0.9), 1e-15);
        assertEquals(0.5 + 0.3 + 0.1, new RapsScore(1, 0.1, false).score(P, 2, 0.9), 1e-15);
    }

    @Test
    void setsThresholdTheScore() {
        double[][] probs = {P};
        // LAC with threshold 0.75 keeps labels with p >= 0.25: {1, 2}
        assertArrayEquals(new int[] {1, 2}, ConformalSets.sets(probs, 3, new LacScore(), 0.75, 0.1,
                Seeds.of(0).rng()).labels(0));
        // non-randomised APS with threshold 0.8 keeps the labels whose cumulative mass is <= 0.8: {1, 2}
        assertArrayEquals(new int[] {1, 2}, ConformalSets.sets(probs, 3, new ApsScore(false), 0.8, 0.1,
                Seeds.of(0).rng()).labels(0));
    }

    @Test
    void classConditionalCoverageHoldsForEveryClass() {
        // Per class the calibration size n_k is random; the per-class coverage given n_k is
        // Beta(ceil((n_k+1)(1-a)), .) so its mean is >= 1 - alpha: check the pooled per-class coverage over
        // 200 repetitions against 1 - alpha minus 4 standard errors computed from those laws.
        int reps = 200;
        double alpha = 0.1;
        double[] sum = new double[3];
        double[] var = new double[3];
        for (int r = 0; r < reps; r++) {
            Seeds seeds = Seeds.of(12).child("rep", r);
            Synthetic.Labelled d = Synthetic.threeClasses(450, seeds.child("data").rng());
            int[] l = d.labels();
            var pred = SplitConformalClassifier.of(LogisticRegression.defaults(), new ApsScore(true), alpha)
                    .withClassConditional(true)
                    .fit(Synthetic.rows(d.x(), 0, 150), Arrays.copyOfRange(l, 0, 150), Synthetic.rows(d.x(), 150, 150),
                            Arrays.copyOfRange(l, 150, 300), 3, seeds);
            int[] lt = Arrays.copyOfRange(l, 300, 450);
            Map<Integer, GroupCoverage> cc = SetMetrics.classCoverage(pred.predict(Synthetic.rows(d.x(), 300, 150)), lt);
            for (int k = 0; k < 3; k++) {
                int nCal = 0;
                for (int i = 150; i < 300; i++) {
                    nCal += l[i] == k ? 1 : 0;
                }
                sum[k] += cc.get(k).coverage();
                var[k] += new SplitCoverageLaw(nCal, alpha).varianceOfEmpiricalCoverage(cc.get(k).count());
            }
        }
        for (int k = 0; k < 3; k++) {
            double avg = sum[k] / reps;
            double se = Math.sqrt(var[k]) / reps;
            assertTrue(avg >= 1 - alpha - 4 * se, "class " + k + " coverage " + avg + " < 1 - alpha - 4 se");
        }
    }

    @Test
    void sizeStratifiedCoverageCountsEverySet() {
        Synthetic.Labelled d = Synthetic.threeClasses(600, Seeds.of(1).rng());
        int[] l = d.labels();
        var pred = SplitConformalClassifier.of(LogisticRegression.defaults(), new LacScore(), 0.1)
                .fit(Synthetic.rows(d.x(), 0, 400), Arrays.copyOf(l, 400), 3, Seeds.of(2));
        var sets = pred.predict(Synthetic.rows(d.x(), 400, 200));
        int[] lt = Arrays.copyOfRange(l, 400, 600);
        Map<Integer, GroupCoverage> bySize = SetMetrics.sizeStratifiedCoverage(sets, lt);
        int total = 0;
        int covered = 0;
        for (GroupCoverage g : bySize.values()) {
            total += g.count();
            covered += g.covered();
        }
        assertEquals(200, total);
        assertEquals(SetMetrics.coverage(sets, lt), covered / 200.0, 1e-15);
        // determinism: same seeds, same sets
        var again = SplitConformalClassifier.of(LogisticRegression.defaults(), new LacScore(), 0.1)
                .fit(Synthetic.rows(d.x(), 0, 400), Arrays.copyOf(l, 400), 3, Seeds.of(2))
                .predict(Synthetic.rows(d.x(), 400, 200));
        for (int i = 0; i < 200; i++) {
            assertArrayEquals(sets.labels(i), again.labels(i));
        }
    }
}
