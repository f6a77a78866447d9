package dev.quiver.uq.conformal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.seed.Seeds;
import dev.quiver.uq.Synthetic;
import dev.quiver.uq.conformal.classification.ApsScore;
import dev.quiver.uq.conformal.classification.ClassificationScore;
import dev.quiver.uq.conformal.classification.LacScore;
import dev.quiver.uq.conformal.classification.RapsScore;
import dev.quiver.uq.conformal.classification.SplitConformalClassifier;
import dev.quiver.uq.conformal.regression.AsymmetricCqr;
import dev.quiver.uq.conformal.regression.GroupFunction;
import dev.quiver.uq.conformal.regression.MondrianConformalRegressor;
import dev.quiver.uq.conformal.regression.AbsoluteResidualScore;
import dev.quiver.uq.conformal.regression.SplitConformalRegressor;
import dev.quiver.uq.data.Matrix;
import dev.quiver.uq.metrics.GroupCoverage;
import dev.quiver.uq.metrics.IntervalMetrics;
import dev.quiver.uq.metrics.SetMetrics;
import dev.quiver.uq.model.linear.LinearQuantileRegression;
import dev.quiver.uq.model.linear.LinearRegression;
import dev.quiver.uq.model.linear.LogisticRegression;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The finite-sample guarantee of split conformal methods, checked over R = 200 seeded repetitions (fresh
 * training, calibration and test data each time). Bound used: for tie-free scores the coverage given the
 * calibration set is Beta(k, n + 1 − k), k = ⌈(n + 1)(1 − α)⌉ ({@link SplitCoverageLaw}), so the marginal
 * coverage lies in [1 − α, 1 − α + 1/(n + 1)]; the average empirical coverage over R repetitions with m test
 * points each has variance (Var C + E[C(1 − C)]/m)/R. We accept the average when it lies in the band widened
 * by 4 such standard errors (a false alarm has probability below 1e-4 under the normal approximation).
 */
class SplitCoverageTest {
    private static final int REPS = 200;
    private static final int N_TRAIN = 100;
    private static final int N_CAL = 100;
    private static final int N_TEST = 100;
    private static final double ALPHA = 0.1;

    /** Fits a method on the training part and calibrates it on the calibration part. */
    interface Method {
        PredictionIntervals run(Matrix xTr, double[] yTr, Matrix xCal, double[] yCal, Matrix xTest, Seeds seeds);
    }

    static Stream<Arguments> regressionMethods() {
        return Stream.of(
                Arguments.of("split (OLS)", (Method) (a, b, c, d, e, s) -> SplitConformalRegressor
                        .absolute(LinearRegression.ols(), ALPHA).fit(a, b, c, d, s).predict(e)),
                Arguments.of("normalized (OLS, OLS spread)", (Method) (a, b, c, d, e, s) -> SplitConformalRegressor
                        .normalized(LinearRegression.ols(), LinearRegression.ols(), ALPHA).fit(a, b, c, d, s)
                        .predict(e)),
                Arguments.of("CQR (linear QR)", (Method) (a, b, c, d, e, s) -> SplitConformalRegressor
                        .cqr(LinearQuantileRegression.defaults(), ALPHA).fit(a, b, c, d, s).predict(e)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("regressionMethods")
    void regressionCoverageIsInTheFiniteSampleBand(String name, Method method) {
        double sum = 0;
        for (int r = 0; r < REPS; r++) {
            Seeds seeds = Seeds.of(20240601).child("rep", r);
            Synthetic.Data d = Synthetic.heteroscedastic(N_TRAIN + N_CAL + N_TEST, seeds.child("data").rng());
            PredictionIntervals pi = method.run(Synthetic.rows(d.x(), 0, N_TRAIN), Synthetic.slice(d.y(), 0, N_TRAIN),
                    Synthetic.rows(d.x(), N_TRAIN, N_CAL), Synthetic.slice(d.y(), N_TRAIN, N_CAL),
                    Synthetic.rows(d.x(), N_TRAIN + N_CAL, N_TEST), seeds.child("method"));
            sum += IntervalMetrics.coverage(pi, Synthetic.slice(d.y(), N_TRAIN + N_CAL, N_TEST));
        }
        assertInBand(name, sum / REPS);
    }

    @Test
    void asymmetricCqrCoversAtLeastOneMinusAlpha() {
        // Guarantee (union bound over the two ends): coverage >= 1 - alpha; no tight upper end.
        double sum = 0;
        for (int r = 0; r < REPS; r++) {
            Seeds seeds = Seeds.of(77).child("rep", r);
            Synthetic.Data d = Synthetic.heteroscedastic(N_TRAIN + N_CAL + N_TEST, seeds.child("data").rng());
            PredictionIntervals pi = AsymmetricCqr.of(LinearQuantileRegression.defaults(), ALPHA)
                    .fit(Synthetic.rows(d.x(), 0, N_TRAIN), Synthetic.slice(d.y(), 0, N_TRAIN),
                            Synthetic.rows(d.x(), N_TRAIN, N_CAL), Synthetic.slice(d.y(), N_TRAIN, N_CAL), seeds)
                    .predict(Synthetic.rows(d.x(), N_TRAIN + N_CAL, N_TEST));
            sum += IntervalMetrics.coverage(pi, Synthetic.slice(d.y(), N_TRAIN + N_CAL, N_TEST));
        }
        double avg = sum / REPS;
        // each end has coverage law Beta(k', n + 1 - k') with k' for alpha/2; the two-sided coverage's
        // variance is at most that of the sum of the two one-sided miss indicators: bound it by 2x.
        double se = 2 * new SplitCoverageLaw(N_CAL, ALPHA / 2).standardErrorOfAverage(N_TEST, REPS);
        assertTrue(avg >= 1 - ALPHA - 4 * se, "asymmetric CQR coverage " + avg + " < 1 - alpha - 4 se = "
                + (1 - ALPHA - 4 * se));
    }

    @Test
    void mondrianCoverageHoldsWithinEachGroup() {
        // Per repetition r and group g the test coverage has the law of SplitCoverageLaw(n_g,r): we add the
        // exact means and variances over repetitions (groups: x1 below or above 0.5, random sizes).
        GroupFunction half = x -> {
            int[] g = new int[x.rows()];
            for (int i = 0; i < g.length; i++) {
                g[i] = x.get(i, 0) > 0.5 ? 1 : 0;
            }
            return g;
        };
        double[] covered = new double[2];
        double[] expected = new double[2];
        double[] variance = new double[2];
        for (int r = 0; r < REPS; r++) {
            Seeds seeds = Seeds.of(5).child("rep", r);
            Synthetic.Data d = Synthetic.heteroscedastic(N_TRAIN + N_CAL + N_TEST, seeds.child("data").rng());
            Matrix xCal = Synthetic.rows(d.x(), N_TRAIN, N_CAL);
            Matrix xTest = Synthetic.rows(d.x(), N_TRAIN + N_CAL, N_TEST);
            double[] yTest = Synthetic.slice(d.y(), N_TRAIN + N_CAL, N_TEST);
            PredictionIntervals pi = new MondrianConformalRegressor(new AbsoluteResidualScore(LinearRegression.ols()),
                    half, ALPHA, 0.5).fit(Synthetic.rows(d.x(), 0, N_TRAIN), Synthetic.slice(d.y(), 0, N_TRAIN), xCal,
                            Synthetic.slice(d.y(), N_TRAIN, N_CAL), seeds).predict(xTest);
            int[] calGroups = half.groups(xCal);
            Map<Integer, GroupCoverage> byGroup = IntervalMetrics.groupCoverage(pi, yTest, half.groups(xTest));
            for (int g = 0; g < 2; g++) {
                GroupCoverage gc = byGroup.get(g);
                int nCal = 0;
                for (int c : calGroups) {
                    nCal += c == g ? 1 : 0;
                }
                SplitCoverageLaw law = new SplitCoverageLaw(nCal, ALPHA);
                covered[g] += gc.coverage();
                expected[g] += law.mean();
                variance[g] += law.varianceOfEmpiricalCoverage(gc.count());
            }
        }
        for (int g = 0; g < 2; g++) {
            double avg = covered[g] / REPS;
            double mean = expected[g] / REPS;
            double se = Math.sqrt(variance[g]) / REPS;
            assertTrue(mean >= 1 - ALPHA, "theory: group mean coverage >= 1 - alpha");
            assertTrue(Math.abs(avg - mean) <= 4 * se, "group " + g + ": average coverage " + avg
                    + " vs exact expectation " + mean + " (4 se = " + 4 * se + ")");
        }
    }

    static Stream<Arguments> classificationScores() {
        return Stream.of(Arguments.of(new LacScore()), Arguments.of(new ApsScore(true)),
                Arguments.of(new ApsScore(false)), Arguments.of(new RapsScore(1, 0.05, true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("classificationScores")
    void classificationCoverageIsInTheFiniteSampleBand(ClassificationScore score) {
        double sum = 0;
        for (int r = 0; r < REPS; r++) {
            Seeds seeds = Seeds.of(99).child("rep", r);
            Synthetic.Labelled d = Synthetic.threeClasses(N_TRAIN + N_CAL + N_TEST, seeds.child("data").rng());
            int[] l = d.labels();
            PredictionSets sets = SplitConformalClassifier.of(LogisticRegression.defaults(), score, ALPHA)
                    .fit(Synthetic.rows(d.x(), 0, N_TRAIN), java.util.Arrays.copyOfRange(l, 0, N_TRAIN),
                            Synthetic.rows(d.x(), N_TRAIN, N_CAL), java.util.Arrays.copyOfRange(l, N_TRAIN,
                                    N_TRAIN + N_CAL), 3, seeds)
                    .predict(Synthetic.rows(d.x(), N_TRAIN + N_CAL, N_TEST));
            sum += SetMetrics.coverage(sets, java.util.Arrays.copyOfRange(l, N_TRAIN + N_CAL, l.length));
        }
        assertInBand(score.name() + (score.randomized() ? " randomized" : ""), sum / REPS);
    }

    private static void assertInBand(String name, double avg) {
        SplitCoverageLaw law = new SplitCoverageLaw(N_CAL, ALPHA);
        double se = law.standardErrorOfAverage(N_TEST, REPS);
        double lo = law.lowerBound() - 4 * se;
        double hi = law.upperBound() + 4 * se;
        assertTrue(avg >= lo && avg <= hi, name + ": mean coverage " + avg + " outside [" + lo + ", " + hi
                + "] = [1 - alpha, 1 - alpha + 1/(n+1)] widened by 4 se (" + se + ")");
    }
}
