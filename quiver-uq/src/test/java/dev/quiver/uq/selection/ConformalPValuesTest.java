package dev.quiver.uq.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.seed.Seeds;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Conformal p-values for selection: a hand example, and their law under exchangeability. With R independent
 * repetitions (fresh calibration and test units each time, one p-value kept per repetition) the count of
 * {@code p ≤ t} is Binomial(R, P(p ≤ t)); we accept the law when the count is within 4 binomial standard
 * deviations of {@code R t} (a false alarm has probability about 6e-5 per check under the normal
 * approximation).
 */
class ConformalPValuesTest {
    private static final double[] LEVELS = {0.05, 0.1, 0.3, 0.5, 0.8};

    @Test
    void handExample() {
        // V = {1, 2, 2, 3, +inf}, V̂ = 2, u = 0.5: (1 + 0.5 (1 + 2)) / 6
        double[] sorted = ConformalPValues.sortedScores(new double[] {3, 2, Double.POSITIVE_INFINITY, 1, 2});
        assertEquals(2.5 / 6, ConformalPValues.randomized(sorted, 2, 0.5), 1e-15);
        assertEquals(1 / 6.0 * 0.25, ConformalPValues.randomized(sorted, 0.5, 0.25), 1e-15);
        assertEquals(4.9 / 6, ConformalPValues.randomized(sorted, 4, 0.9), 1e-15);
    }

    @Test
    void clippedScoreIsInfiniteAboveTheThresholdAndTheTestScoreBelowIt() {
        ClippedScore s = new ClippedScore(1.5);
        assertEquals(Double.POSITIVE_INFINITY, s.score(0.2, 1.6));
        assertEquals(1.3, s.score(0.2, 1.5), 1e-15);
        assertEquals(s.testScore(0.2), s.score(0.2, -7), 0);
        ResidualScore r = new ResidualScore(1.5);
        assertEquals(1.4, r.score(0.2, 1.6), 1e-15);
        assertEquals(1.3, r.testScore(0.2), 1e-15);
    }

    /**
     * Every unit null (c above every outcome) and predictions rounded to a coarse grid, so scores tie often:
     * the randomised p-value is then exactly uniform, so the count is checked on both sides.
     */
    @ParameterizedTest
    @ValueSource(ints = {5, 20})
    void uniformUnderTheNullWithTies(int nCal) {
        int reps = 4000;
        UniformRandomProvider rng = Seeds.of(11).child("n", nCal).rng();
        int[] counts = new int[LEVELS.length];
        for (int r = 0; r < reps; r++) {
            double[] pred = new double[nCal + 3];
            double[] y = new double[nCal];
            for (int i = 0; i < pred.length; i++) {
                pred[i] = Math.rint(4 * rng.nextDouble()) / 2; // 5 distinct values
            }
            for (int i = 0; i < nCal; i++) {
                y[i] = pred[i] + rng.nextDouble() - 10;
            }
            Selection s = ConformalSelection.clipped(5, 0.1).select(java.util.Arrays.copyOf(pred, nCal), y,
                    java.util.Arrays.copyOfRange(pred, nCal, nCal + 3), rng);
            double p = s.pValues()[0];
            for (int t = 0; t < LEVELS.length; t++) {
                if (p <= LEVELS[t]) {
                    counts[t]++;
                }
            }
        }
        for (int t = 0; t < LEVELS.length; t++) {
            double mean = reps * LEVELS[t];
            double sd = Math.sqrt(reps * LEVELS[t] * (1 - LEVELS[t]));
            assertTrue(Math.abs(counts[t] - mean) <= 4 * sd, "P(p <= " + LEVELS[t] + ") count " + counts[t]
                    + ", expected " + mean + " +- " + 4 * sd);
        }
    }

    /**
     * Jin and Candès's setting 6 with a fixed (pre-trained, deliberately imperfect) model: the guarantee is the
     * joint {@code P(p_j ≤ t, Y_j ≤ c) ≤ t} (Jin and Candès, Lemma 2.2 there) — conditionally on the null the
     * p-value is not super-uniform, since calibration units above c never count against the test unit — so the
     * count of repetitions with a null test unit and {@code p ≤ t} is checked against Binomial(R, t), one-sided.
     */
    @Test
    void jointlySuperUniformWithTheNull() {
        SelectionSimulation sim = new SelectionSimulation(6, 0.5);
        UniformRandomProvider rng = Seeds.of(12).rng();
        int reps = 3000;
        int nulls = 0;
        int[] counts = new int[LEVELS.length];
        for (int r = 0; r < reps; r++) {
            SelectionSimulation.Sample cal = sim.sample(30, rng);
            SelectionSimulation.Sample test = sim.sample(1, rng);
            double p = ConformalSelection.clipped(0, 0.1).select(predict(cal), cal.y(), predict(test), rng)
                    .pValues()[0];
            if (test.y()[0] > 0) {
                continue;
            }
            nulls++;
            for (int t = 0; t < LEVELS.length; t++) {
                if (p <= LEVELS[t]) {
                    counts[t]++;
                }
            }
        }
        assertTrue(nulls > reps / 3, "too few null test units: " + nulls);
        for (int t = 0; t < LEVELS.length; t++) {
            double mean = reps * LEVELS[t];
            double sd = Math.sqrt(reps * LEVELS[t] * (1 - LEVELS[t]));
            assertTrue(counts[t] <= mean + 4 * sd, "#{p <= " + LEVELS[t] + ", null} = " + counts[t] + " of " + reps);
        }
    }

    private static double[] predict(SelectionSimulation.Sample s) {
        SelectionSimulation other = new SelectionSimulation(2, 1); // setting 2's mean on setting 6's features
        double[] out = new double[s.y().length];
        for (int i = 0; i < out.length; i++) {
            out[i] = other.mean(s.x().get(i, 0), s.x().get(i, 1), s.x().get(i, 2), s.x().get(i, 3));
        }
        return out;
    }
}
