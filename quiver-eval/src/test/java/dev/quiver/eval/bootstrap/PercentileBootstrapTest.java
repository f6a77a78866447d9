package dev.quiver.eval.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.estimate.Estimate;
import dev.quiver.core.seed.Seeds;
import dev.quiver.core.space.Spaces;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class PercentileBootstrapTest {

    @Test
    void pointIsTheSampleMeanAndMethodNamesReps() {
        double[] xs = {1, 2, 3, 4, 10};
        Estimate e = PercentileBootstrap.mean(xs, 0.95, 500, Seeds.rng(1));
        assertEquals(4.0, e.point(), 0.0);
        assertEquals(0.95, e.confidence(), 0.0);
        assertEquals("percentile bootstrap, 500 reps", e.method());
        assertTrue(e.low() <= e.point() && e.point() <= e.high(), e.toString());
        // resampled means can never leave [min, max] of the data
        assertTrue(e.low() >= 1 && e.high() <= 10, e.toString());
    }

    @Test
    void sameSeedGivesTheSameInterval() {
        double[] xs = normalSample(Seeds.rng(7), 60, 3.0, 2.0);
        Estimate a = PercentileBootstrap.mean(xs, 0.95, 2000, Seeds.rng(42));
        Estimate b = PercentileBootstrap.mean(xs, 0.95, 2000, Seeds.rng(42));
        assertEquals(a, b);
        Estimate c = PercentileBootstrap.mean(xs, 0.95, 2000, Seeds.rng(43));
        assertTrue(a.low() != c.low() || a.high() != c.high(), "another seed should resample differently");
    }

    @Test
    void constantSampleGivesADegenerateInterval() {
        Estimate e = PercentileBootstrap.mean(new double[] {2.5, 2.5, 2.5}, 0.9, 100, Seeds.rng(0));
        assertEquals(2.5, e.point(), 0.0);
        assertEquals(2.5, e.low(), 0.0);
        assertEquals(2.5, e.high(), 0.0);
        Estimate one = PercentileBootstrap.mean(new double[] {-1}, 0.95, 10, Seeds.rng(0));
        assertEquals(-1, one.low(), 0.0);
        assertEquals(-1, one.high(), 0.0);
    }

    @Test
    void quantileInterpolatesLinearly() {
        double[] sorted = {0, 10, 20, 30, 40};
        assertEquals(0, PercentileBootstrap.quantile(sorted, 0), 0);
        assertEquals(40, PercentileBootstrap.quantile(sorted, 1), 0);
        assertEquals(20, PercentileBootstrap.quantile(sorted, 0.5), 0);
        assertEquals(1, PercentileBootstrap.quantile(sorted, 0.025), 1e-12);
        assertEquals(39, PercentileBootstrap.quantile(sorted, 0.975), 1e-12);
    }

    @Test
    void rejectsBadArguments() {
        UniformRandomProvider rng = Seeds.rng(0);
        assertThrows(IllegalArgumentException.class, () -> PercentileBootstrap.mean(new double[0], 0.95, 10, rng));
        assertThrows(IllegalArgumentException.class, () -> PercentileBootstrap.mean(new double[] {1}, 1.0, 10, rng));
        assertThrows(IllegalArgumentException.class, () -> PercentileBootstrap.mean(new double[] {1}, 0.0, 10, rng));
        assertThrows(IllegalArgumentException.class, () -> PercentileBootstrap.mean(new double[] {1}, 0.95, 0, rng));
        assertThrows(IllegalArgumentException.class,
                () -> PercentileBootstrap.mean(new double[] {1, Double.NaN}, 0.95, 10, rng));
    }

    /**
     * Coverage of the nominal 95% interval for the mean of N(mu, sigma^2) samples of size n = 50.
     *
     * <p>Expected coverage: for normal data the percentile interval is, up to the Monte Carlo error
     * of B = 2000 resamples, {@code xbar +- 1.96 * s_plugin / sqrt(n)} with {@code s_plugin = s *
     * sqrt((n-1)/n)}, so its coverage is {@code P(|T_49| <= 1.96 * sqrt(49/50)) = P(|T_49| <= 1.940)}
     * which is about 0.942 (Student t with 49 degrees of freedom). Allowing for the resampling noise,
     * the true coverage p lies in [0.935, 0.950].
     *
     * <p>The observed coverage over m = 400 independent repetitions is Binomial(m, p) / m, with
     * standard deviation sqrt(p(1-p)/m): 0.0119 at p = 0.935 and 0.0109 at p = 0.95. We accept
     * [0.935 - 4 * 0.0119, 0.95 + 4 * 0.0109] = [0.887, 0.994]: four standard deviations on either
     * side, so a correct implementation fails for fewer than 1 in 10^4 seeds (normal approximation),
     * while an interval with the wrong width (e.g. 90% or 99% coverage, or a standard error off by
     * sqrt(n)) falls outside. The seed is fixed, so the test is deterministic.
     */
    @Test
    void nominal95CoversTheTrueMeanAbout95PercentOfTheTime() {
        int m = 400;
        int n = 50;
        double mu = 1.5;
        double sigma = 2.0;
        Seeds root = Seeds.of(20261127L);
        UniformRandomProvider data = root.child("data").rng();
        UniformRandomProvider boot = root.child("bootstrap").rng();
        int covered = 0;
        double widthSum = 0;
        for (int rep = 0; rep < m; rep++) {
            double[] xs = normalSample(data, n, mu, sigma);
            Estimate e = PercentileBootstrap.mean(xs, 0.95, 2000, boot);
            if (e.covers(mu)) {
                covered++;
            }
            widthSum += e.width();
        }
        double coverage = covered / (double) m;
        assertTrue(coverage >= 0.887 && coverage <= 0.994, "coverage " + coverage + " outside [0.887, 0.994]");
        // Mean width: about 2 * 1.96 * sigma * sqrt(49/50) / sqrt(50) * c4(50) = 1.092 (sd of the
        // average over 400 reps about 0.006); 10% either side catches a wrong scale.
        double meanWidth = widthSum / m;
        double expected = 2 * 1.96 * sigma * Math.sqrt((n - 1.0) / n) / Math.sqrt(n) * 0.99491;
        assertEquals(expected, meanWidth, 0.1 * expected, "mean interval width");
    }

    private static double[] normalSample(UniformRandomProvider rng, int n, double mu, double sigma) {
        double[] xs = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = mu + sigma * Spaces.standardNormal(rng);
        }
        return xs;
    }
}
