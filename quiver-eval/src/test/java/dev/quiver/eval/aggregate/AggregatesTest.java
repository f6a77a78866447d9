package dev.quiver.eval.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.seed.Seeds;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class AggregatesTest {

    // task means 2, 5, 10 (ragged: 3, 2 and 1 runs)
    private static final double[][] RAGGED = {{1, 2, 3}, {4, 6}, {10}};

    @Test
    void meanAndMedianAreOverPerTaskMeans() {
        assertEquals(17.0 / 3, Mean.of(RAGGED), 1e-15);
        assertEquals(5.0, Median.of(RAGGED), 0.0);
        // even number of tasks: the average of the two middle task means (numpy.median)
        double[][] four = {{1}, {3}, {2, 2}, {10, 30}};
        assertEquals(2.5, Median.of(four), 0.0);
        assertEquals((1 + 3 + 2 + 20) / 4.0, Mean.of(four), 1e-15);
        // pooled runs would give a different answer: each task weighs the same
        assertTrue(Math.abs(Mean.of(RAGGED) - 26.0 / 6) > 1);
    }

    @Test
    void iqmMatchesScipyTrimMeanForEveryResidueOfNModulo4() {
        // scipy.stats.trim_mean(x, 0.25): drop int(0.25 * N) values at each end
        // N = 10: drop 2 + 2, keep 3..8 -> 5.5
        assertEquals(5.5, InterquartileMean.of(new double[][] {{10, 1, 7}, {3, 9, 2, 8}, {4, 6, 5}}), 1e-15);
        // N = 7: drop 1 + 1 (the outlier 100 and the 1), keep 2..6 -> 4
        assertEquals(4.0, InterquartileMean.of(new double[] {100, 1, 2, 3, 4, 5, 6}), 1e-15);
        // N = 9: drop 2 + 2, keep 2..6 of 0..8 -> 4
        assertEquals(4.0, InterquartileMean.of(new double[] {8, 7, 6, 5, 4, 3, 2, 1, 0}), 1e-15);
        // N = 11 (0..10): drop 2 + 2, keep 2..8 -> 5
        assertEquals(5.0, InterquartileMean.of(new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}), 1e-15);
        // N = 8 of {0, 0, 0, 1, 2, 50, 50, 50}: drop 2 + 2, keep {0, 1, 2, 50} -> 13.25
        assertEquals(13.25, InterquartileMean.of(new double[] {50, 0, 2, 50, 0, 1, 50, 0}), 1e-15);
        // N = 3: nothing dropped
        assertEquals(2.0, InterquartileMean.of(new double[] {1, 2, 3}), 1e-15);
        assertEquals(7.0, InterquartileMean.of(new double[] {7}), 0.0);
        // the generic trimmed mean agrees, and other proportions cut int(p N)
        UniformRandomProvider rng = Seeds.rng(5);
        for (int n = 1; n <= 40; n++) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = Math.floor(rng.nextDouble() * 10); // ties on purpose
            }
            assertEquals(InterquartileMean.trimmedMean(x, 0.25), InterquartileMean.of(x), 1e-12, "n = " + n);
        }
        assertEquals(5.5, InterquartileMean.trimmedMean(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 0.1), 1e-15);
        assertEquals(5.5, InterquartileMean.trimmedMean(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 100}, 0.1), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> InterquartileMean.trimmedMean(new double[] {1, 2}, 0.5));
    }

    @Test
    void iqmFromCountsIsTheIqmOfTheExpandedMultiset() {
        UniformRandomProvider rng = Seeds.rng(9);
        for (int trial = 0; trial < 500; trial++) {
            int n = 1 + rng.nextInt(30);
            double[] sorted = new double[n];
            for (int i = 0; i < n; i++) {
                sorted[i] = rng.nextInt(5) == 0 ? Math.floor(rng.nextDouble() * 3) : rng.nextDouble() * 10 - 3;
            }
            Arrays.sort(sorted);
            int[] counts = new int[n];
            int total = 0;
            for (int i = 0; i < n; i++) {
                counts[i] = rng.nextInt(4); // zeros included
                total += counts[i];
            }
            if (total == 0) {
                counts[rng.nextInt(n)] = 1 + rng.nextInt(3);
                total = Arrays.stream(counts).sum();
            }
            double[] expanded = new double[total];
            int k = 0;
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < counts[i]; c++) {
                    expanded[k++] = sorted[i];
                }
            }
            double naive = InterquartileMean.trimmedMean(expanded, 0.25);
            // same kept multiset, different summation order: agree to rounding (N * eps * max |x|)
            assertEquals(naive, InterquartileMean.fromCounts(sorted, counts, total), 1e-12, "trial " + trial);
        }
        // with every count 1 the additions are exactly those of ofSorted
        double[] s = new double[37];
        for (int i = 0; i < s.length; i++) {
            s[i] = Math.sqrt(i) * 1.1;
        }
        int[] ones = new int[s.length];
        Arrays.fill(ones, 1);
        assertEquals(InterquartileMean.ofSorted(s), InterquartileMean.fromCounts(s, ones, s.length), 0.0);
    }

    @Test
    void optimalityGapAveragesTheShortfallBelowGammaOverAllRuns() {
        // gaps: 0.5, 0, 0.2, 0 (scores above gamma count as gamma)
        double[][] x = {{0.5, 1.5}, {0.8, 1.0}};
        assertEquals(0.175, OptimalityGap.of(x), 1e-15);
        assertEquals(0.175, Metric.optimalityGap().apply(x), 1e-15);
        // rliable's formula gamma - mean(min(x, gamma))
        assertEquals(1 - (0.5 + 1 + 0.8 + 1) / 4, OptimalityGap.of(x), 1e-15);
        // gamma 2: gaps 1.5, 0.5, 1.2, 1.0
        assertEquals(4.2 / 4, Metric.optimalityGap(2).apply(x), 1e-15);
        // pooled over runs: a ragged matrix weighs each run, not each task
        double[][] ragged = {{0, 0, 0}, {1}};
        assertEquals(0.75, OptimalityGap.of(ragged), 0.0);
        // all above gamma: no gap
        assertEquals(0.0, OptimalityGap.of(new double[][] {{3, 4}, {5}}), 0.0);
    }

    @Test
    void quickselectMedianAgreesWithSorting() {
        UniformRandomProvider rng = Seeds.rng(3);
        for (int trial = 0; trial < 2000; trial++) {
            int n = 1 + rng.nextInt(60);
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = rng.nextBoolean() ? rng.nextInt(4) : rng.nextDouble();
            }
            double[] s = x.clone();
            Arrays.sort(s);
            double expected = n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
            assertEquals(expected, Median.median(x), 0.0, Arrays.toString(x));
        }
    }

    @Test
    void metricKeysAndFactories() {
        assertEquals("mean", Metric.mean().name());
        assertEquals("median", Metric.median().name());
        assertEquals("iqm", Metric.iqm().name());
        assertEquals("og", Metric.optimalityGap().name());
        assertEquals("og@0.5", Metric.optimalityGap(0.5).name());
        assertSame(Metric.iqm(), Metric.byName("IQM"));
        assertSame(Metric.optimalityGap(), Metric.byName("og"));
        assertEquals(0.5, ((OptimalityGap) Metric.byName("og@0.5")).gamma(), 0.0);
        assertEquals(List.of("median", "iqm", "mean", "og"), Metric.standard().stream().map(Metric::name).toList());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Metric.byName("max"));
        assertTrue(e.getMessage().contains("mean, median, iqm, og"), e.getMessage());
        Metric best = Metric.of("best", m -> Arrays.stream(m).flatMapToDouble(Arrays::stream).max().orElseThrow());
        assertEquals(10.0, best.apply(RAGGED), 0.0);
        assertEquals("best", best.name());
    }

    @Test
    void invalidMatricesAreRejectedNamingTheTask() {
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> Mean.of(new double[][] {{1, 2}, {3}, {4, 5, Double.NaN}}));
        assertTrue(nan.getMessage().contains("task 2, run 2"), nan.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> InterquartileMean.of(new double[][] {{1}, {}}));
        assertTrue(empty.getMessage().contains("task 1 has no runs"), empty.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Median.of(new double[0][]));
        assertThrows(IllegalArgumentException.class, () -> OptimalityGap.of(new double[][] {{1, Double.POSITIVE_INFINITY}}));
        assertThrows(IllegalArgumentException.class, () -> Metric.optimalityGap(Double.NaN));
    }
}
