package dev.quiver.eval.profile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.estimate.Estimate;
import dev.quiver.core.seed.Seeds;
import dev.quiver.core.space.Spaces;
import dev.quiver.eval.bootstrap.BootstrapConfig;
import dev.quiver.eval.bootstrap.IntervalMethod;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class PerformanceProfileTest {

    private static final double[][] SMALL = {{0, 1, 2, 3}, {10, 20}};
    private static final double[] TAUS = {-1, 0, 1.5, 15, 100};

    @Test
    void handComputedRunScoreAndAverageScoreProfiles() {
        // task 0: fraction of runs > tau = 1, 3/4, 2/4, 0, 0; task 1: 1, 1, 1, 1/2, 0; mean over tasks:
        assertArrayEquals(new double[] {1, 0.875, 0.75, 0.25, 0}, PerformanceProfile.runScoreCurve(SMALL, TAUS), 1e-15);
        // task means 1.5 and 15; strictly above tau
        assertArrayEquals(new double[] {1, 1, 0.5, 0, 0}, PerformanceProfile.averageScoreCurve(SMALL, TAUS), 0.0);
    }

    @Test
    void runScoreProfileOfEqualRunCountsIsRliablesPooledFraction() {
        double[][] s = scores(3, 7, 12);
        double[] taus = PerformanceProfile.linspace(-1, 4, 41);
        double[] profile = PerformanceProfile.runScoreCurve(s, taus);
        for (int i = 0; i < taus.length; i++) {
            int above = 0;
            for (double[] row : s) {
                for (double v : row) {
                    above += v > taus[i] ? 1 : 0;
                }
            }
            assertEquals(above / (7.0 * 12), profile[i], 1e-14);
        }
    }

    @Test
    void profilesAndBandsAreNonIncreasingAndTheBandContainsThePointCurve() {
        double[][] s = scores(5, 10, 15);
        s[3] = Arrays.copyOf(s[3], 4); // ragged
        double[] taus = PerformanceProfile.linspace(-0.5, 5, 60);
        for (PerformanceProfile.Kind kind : PerformanceProfile.Kind.values()) {
            for (boolean tb : new boolean[] {false, true}) {
                BootstrapConfig c = BootstrapConfig.seeded(4).withReps(PerformanceProfile.DEFAULT_REPS).withTaskBootstrap(tb);
                PerformanceProfile p = PerformanceProfile.of(kind, s, taus, c);
                double[] point = p.point();
                double[] low = p.low();
                double[] high = p.high();
                assertArrayEquals(PerformanceProfile.curve(kind, s, taus), point, 0.0);
                for (int i = 0; i < taus.length; i++) {
                    String at = kind + ", task bootstrap " + tb + ", tau " + taus[i];
                    assertTrue(low[i] <= point[i] && point[i] <= high[i], at + ": " + p.at(i));
                    assertTrue(low[i] >= 0 && high[i] <= 1, at);
                    if (i > 0) {
                        assertTrue(point[i] <= point[i - 1], at);
                        // each replicate profile is non-increasing, so are its pointwise order statistics
                        assertTrue(low[i] <= low[i - 1] && high[i] <= high[i - 1], at);
                    }
                }
                // below every score the profile is 1 in every replicate; above every score, 0
                assertEquals(new Estimate(1, 1, 1, 0.95, p.method()), p.at(0));
                assertEquals(0.0, p.at(taus.length - 1).high(), 0.0);
            }
        }
    }

    /**
     * The band's width against theory: at a threshold where every task's fraction is near 1/2, the
     * run-score profile is a mean of T per-task proportions, each with bootstrap sd sqrt(p(1-p)/n);
     * so the 95% band is about 2 * 1.96 * sqrt(mean p(1-p) / (T n)) wide. With T = 8, n = 50 and
     * p = 1/2: 0.098. Monte Carlo error of 2000 replicates is a few percent; we allow 20%.
     */
    @Test
    void bandWidthMatchesTheBinomialStandardError() {
        int tasks = 8;
        int n = 50;
        double[][] s = new double[tasks][n];
        for (int t = 0; t < tasks; t++) {
            for (int r = 0; r < n; r++) {
                s[t][r] = r < n / 2 ? -1 - r : 1 + r; // exactly half above 0
            }
        }
        PerformanceProfile p = PerformanceProfile.runScore(s, new double[] {0}, BootstrapConfig.seeded(8).withReps(2000));
        double expected = 2 * 1.96 * Math.sqrt(0.25 / (tasks * n));
        assertEquals(0.5, p.at(0).point(), 0.0);
        assertEquals(expected, p.at(0).width(), 0.2 * expected);
    }

    @Test
    void threadCountDoesNotMatterAndOtherMethodsWork() {
        double[][] s = scores(6, 6, 9);
        double[] taus = PerformanceProfile.linspace(0, 3, 13);
        BootstrapConfig c = BootstrapConfig.seeded(5).withReps(777);
        PerformanceProfile one = PerformanceProfile.runScore(s, taus, c.withThreads(1));
        PerformanceProfile three = PerformanceProfile.runScore(s, taus, c.withThreads(3));
        assertArrayEquals(one.low(), three.low(), 0.0);
        assertArrayEquals(one.high(), three.high(), 0.0);
        for (IntervalMethod m : IntervalMethod.values()) {
            PerformanceProfile p = PerformanceProfile.averageScore(s, taus, c.withMethod(m));
            for (int i = 0; i < taus.length; i++) {
                assertTrue(p.low()[i] <= p.high()[i], m + " at " + i);
            }
            assertTrue(p.method().endsWith(m.label()), p.method());
        }
    }

    @Test
    void rejectsBadInput() {
        BootstrapConfig c = BootstrapConfig.seeded(0).withReps(10);
        assertThrows(IllegalArgumentException.class, () -> PerformanceProfile.runScore(SMALL, new double[0], c));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PerformanceProfile.runScore(SMALL, new double[] {0, Double.NaN}, c));
        assertTrue(e.getMessage().contains("tau 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PerformanceProfile.runScore(new double[][] {{1}, {}}, TAUS, c));
        assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75, 1}, PerformanceProfile.linspace(0, 1, 5), 0.0);
    }

    private static double[][] scores(long seed, int tasks, int n) {
        UniformRandomProvider rng = Seeds.rng(seed);
        double[][] s = new double[tasks][n];
        for (int t = 0; t < tasks; t++) {
            double mu = rng.nextDouble() * 2;
            for (int r = 0; r < n; r++) {
                s[t][r] = Math.max(0, mu + 0.6 * Spaces.standardNormal(rng));
            }
        }
        return s;
    }
}
