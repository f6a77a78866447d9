package dev.quiver.eval.holdout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.seed.Seeds;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;

class ReusableHoldoutTest {

    @Test
    void withoutNoiseItIsAPlainThresholdAndTheBudgetCountsHoldoutUses() {
        ReusableHoldout h = new ReusableHoldout(0.04, 0, 2, Seeds.rng(1));
        assertEquals(0.70, h.answer(0.70, 0.67), 0.0, "within T: the training value");
        assertEquals(0.70, h.answer(0.70, 0.73), 0.0, "within T on the other side too");
        assertEquals(2, h.remainingBudget());
        assertEquals(0.55, h.answer(0.70, 0.55), 0.0, "over T: the holdout value (no noise)");
        assertEquals(1, h.remainingBudget());
        assertEquals(1, h.overThresholdAnswers());
        assertEquals(0.30, h.answer(0.30, 0.30), 0.0);
        assertEquals(0.90, h.answer(0.30, 0.90), 0.0);
        assertTrue(h.isExhausted());
        assertEquals(5, h.queries());
        // step 2a: once B < 1 every query is refused, even one the training value would answer
        BudgetExhaustedException e = assertThrows(BudgetExhaustedException.class, () -> h.answer(0.5, 0.5));
        assertTrue(e.getMessage().contains("budget of 2") && e.getMessage().contains("after 5 queries"), e.getMessage());
        assertEquals(5, h.queries(), "a refused query is not counted");
    }

    /** Replays the paper's pseudo-code with a second generator of the same seed: same draws, same answers. */
    @Test
    void laplaceModeFollowsThePseudoCodeDrawForDraw() {
        double t = 0.04;
        double sigma = 0.01;
        ReusableHoldout h = new ReusableHoldout(t, sigma, 5000, Seeds.rng(7));
        UniformRandomProvider replay = Seeds.rng(7);
        double noisyT = t + laplace(replay, 2 * sigma); // step 1
        UniformRandomProvider queries = Seeds.rng(8);
        int over = 0;
        for (int q = 0; q < 5000; q++) {
            double train = queries.nextDouble();
            double holdout = train + (queries.nextDouble() - 0.5) * 0.2;
            double expected;
            double eta = laplace(replay, 4 * sigma);
            if (Math.abs(holdout - train) > noisyT + eta) {
                double xi = laplace(replay, sigma);
                noisyT = t + laplace(replay, 2 * sigma); // gamma is redrawn after each over-threshold answer
                expected = holdout + xi;
                over++;
            } else {
                expected = train;
            }
            assertEquals(expected, h.answer(train, holdout), 0.0, "query " + q);
        }
        assertEquals(over, h.overThresholdAnswers());
        assertTrue(over > 500 && over < 4500, "both branches are exercised: " + over);
    }

    private static double laplace(UniformRandomProvider rng, double scale) {
        double e = -Math.log1p(-rng.nextDouble());
        return rng.nextBoolean() ? scale * e : -scale * e;
    }

    @Test
    void gaussianModeFollowsTheReleasedExperimentCode() {
        double t = 0.04;
        double sigma = 0.01;
        ReusableHoldout h = new ReusableHoldout(t, sigma, 2000, ReusableHoldout.Noise.GAUSSIAN, Seeds.rng(3));
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(Seeds.rng(3));
        UniformRandomProvider queries = Seeds.rng(4);
        for (int q = 0; q < 2000; q++) {
            double train = queries.nextDouble();
            double holdout = train + (queries.nextDouble() - 0.5) * 0.2;
            double eta = sigma * g.sample();
            double expected = Math.abs(holdout - train) > t + eta ? holdout + sigma * g.sample() : train;
            assertEquals(expected, h.answer(train, holdout), 0.0, "query " + q);
        }
    }

    /** xi ~ Lap(sigma): mean |xi| = sigma, within 5 standard errors (sd of |xi| is sigma) over 20,000 answers. */
    @Test
    void revealedHoldoutValuesCarryLaplaceNoiseOfScaleSigma() {
        double sigma = 0.01;
        int m = 20_000;
        ReusableHoldout h = new ReusableHoldout(0.04, sigma, m, Seeds.rng(11));
        double sumAbs = 0;
        double sum = 0;
        for (int q = 0; q < m; q++) {
            double a = h.answer(0.0, 10.0) - 10.0; // a gap far above any threshold: always over it
            sumAbs += Math.abs(a);
            sum += a;
        }
        assertEquals(sigma, sumAbs / m, 5 * sigma / Math.sqrt(m));
        assertEquals(0, sum / m, 5 * Math.sqrt(2) * sigma / Math.sqrt(m));
        assertTrue(h.isExhausted());
    }

    /** Gaussian mode: xi ~ N(0, sigma^2) (sd within 5 standard errors, about sigma / sqrt(2m) each). */
    @Test
    void gaussianNoiseHasStandardDeviationSigma() {
        double sigma = 0.02;
        int m = 20_000;
        ReusableHoldout h = new ReusableHoldout(0.04, sigma, m, ReusableHoldout.Noise.GAUSSIAN, Seeds.rng(12));
        double ss = 0;
        for (int q = 0; q < m; q++) {
            double a = h.answer(0.0, 10.0) - 10.0;
            ss += a * a;
        }
        assertEquals(sigma, Math.sqrt(ss / m), 5 * sigma / Math.sqrt(2.0 * m));
    }

    /** Gaussian mode at a gap of exactly T: over the threshold with probability 1/2 (eta's median is 0). */
    @Test
    void atAGapOfTTheGaussianModeRevealsHalfTheTime() {
        int m = 20_000;
        ReusableHoldout h = new ReusableHoldout(0.04, 0.01, m, ReusableHoldout.Noise.GAUSSIAN, Seeds.rng(13));
        int revealed = 0;
        for (int q = 0; q < m; q++) {
            revealed += h.answer(0.5, 0.54) != 0.5 ? 1 : 0;
        }
        assertEquals(0.5, (double) revealed / m, 5 * 0.5 / Math.sqrt(m));
    }

    @Test
    void sameSeedSameAnswers() {
        ReusableHoldout a = new ReusableHoldout(0.04, 0.01, 100, Seeds.rng(5));
        ReusableHoldout b = new ReusableHoldout(0.04, 0.01, 100, Seeds.rng(5));
        for (int q = 0; q < 100; q++) {
            double x = q / 100.0;
            assertEquals(a.answer(x, x * 0.9), b.answer(x, x * 0.9), 0.0);
        }
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> new ReusableHoldout(-0.1, 0.01, 1, Seeds.rng(0)));
        assertThrows(IllegalArgumentException.class, () -> new ReusableHoldout(Double.NaN, 0.01, 1, Seeds.rng(0)));
        assertThrows(IllegalArgumentException.class, () -> new ReusableHoldout(0.04, -1, 1, Seeds.rng(0)));
        assertThrows(IllegalArgumentException.class, () -> new ReusableHoldout(0.04, 0.01, 0, Seeds.rng(0)));
        ReusableHoldout h = new ReusableHoldout(0.04, 0.01, 1, Seeds.rng(0));
        assertThrows(IllegalArgumentException.class, () -> h.answer(Double.NaN, 0.5));
        assertThrows(IllegalArgumentException.class, () -> h.answer(0.5, Double.POSITIVE_INFINITY));
        assertEquals(0, h.queries());
        assertFalse(h.isExhausted());
        assertTrue(h.toString().contains("laplace noise"), h.toString());
    }

    @Test
    void standardHoldoutReturnsTheHoldoutValue() {
        StandardHoldout s = new StandardHoldout();
        assertEquals(0.63, s.answer(0.9, 0.63), 0.0);
        assertEquals(2.0, s.answer(new double[] {1, 1}, new double[] {1, 3}), 0.0);
        assertEquals(0.25, s.answer(Query.ofMeans(0.5, 0.25)), 0.0);
        assertEquals(3, s.queries());
        assertThrows(IllegalArgumentException.class, () -> s.answer(new double[0], new double[] {1}));
    }

    @Test
    void queriesOfPerPointValuesUseTheirMeans() {
        ReusableHoldout h = new ReusableHoldout(0.1, 0, 5, Seeds.rng(0));
        assertEquals(0.5, h.answer(new double[] {0, 1}, new double[] {1, 0, 1, 0}), 0.0);
        assertEquals(1.0, h.answer(new double[] {0, 0}, new double[] {1, 1}), 0.0);
    }
}
