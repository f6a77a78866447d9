package dev.quiver.eval.bootstrap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.estimate.Estimate;
import dev.quiver.core.seed.Seeds;
import dev.quiver.core.space.Spaces;
import dev.quiver.eval.aggregate.InterquartileMean;
import dev.quiver.eval.aggregate.Mean;
import dev.quiver.eval.aggregate.Median;
import dev.quiver.eval.aggregate.Metric;
import dev.quiver.eval.aggregate.OptimalityGap;
import dev.quiver.eval.aggregate.ScoreMatrices;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class StratifiedBootstrapTest {

    static double[][] lognormalScores(long seed, int[] runsPerTask) {
        UniformRandomProvider rng = Seeds.rng(seed);
        double[][] s = new double[runsPerTask.length][];
        for (int t = 0; t < s.length; t++) {
            double mu = rng.nextDouble() * 2 - 1.5;
            s[t] = new double[runsPerTask[t]];
            for (int r = 0; r < s[t].length; r++) {
                s[t][r] = Math.exp(mu + 0.7 * Spaces.standardNormal(rng)) - 0.2;
            }
        }
        return s;
    }

    static int[] runs(int tasks, int n) {
        int[] r = new int[tasks];
        Arrays.fill(r, n);
        return r;
    }

    /**
     * The counts-based fast path against a naive implementation of the same resample: the test draws
     * the same run indices itself (block b's sampler, draw order of StratifiedResampler), copies the
     * resampled matrix, and computes each metric the obvious way (mean of row means, numpy-style
     * median, scipy-style trimmed mean of the sorted copies, mean of max(1 - x, 0)).
     *
     * <p>Mean and median use the same additions in the same order (the task sums in draw order), so
     * they agree exactly. IQM and optimality gap add the same multiset of values in another order
     * (counts times values, eight partial sums): they agree to rounding, |error| <= N * eps * sum|x| /
     * keep, about 1e-13 here; we allow 1e-11.
     */
    @Test
    void fastPathEqualsANaiveMaterialisedResample() {
        for (boolean taskBootstrap : new boolean[] {false, true}) {
            for (int[] shape : new int[][] {runs(6, 9), {5, 1, 12, 7, 3, 8, 2}}) {
                double[][] scores = lognormalScores(31, shape);
                int reps = 2 * StratifiedBootstrap.BLOCK_SIZE + 37;
                BootstrapConfig config = BootstrapConfig.seeded(77).withReps(reps).withThreads(2)
                        .withTaskBootstrap(taskBootstrap);
                BootstrapResult result = StratifiedBootstrap.run(scores, Metric.standard(), config);
                double[][] naive = naiveReplicates(scores, reps, config);
                String what = "taskBootstrap " + taskBootstrap + ", runs " + Arrays.toString(shape);
                BootstrapDistribution mean = result.distribution("mean");
                BootstrapDistribution median = result.distribution("median");
                BootstrapDistribution iqm = result.distribution("iqm");
                BootstrapDistribution og = result.distribution("og");
                for (int r = 0; r < reps; r++) {
                    assertEquals(naive[0][r], mean.replicate(r), 0.0, what + ", rep " + r);
                    assertEquals(naive[1][r], median.replicate(r), 0.0, what + ", rep " + r);
                    assertEquals(naive[2][r], iqm.replicate(r), 1e-11, what + ", rep " + r);
                    assertEquals(naive[3][r], og.replicate(r), 1e-11, what + ", rep " + r);
                }
            }
        }
    }

    /** Replicates of mean, median, IQM, OG computed from an explicit copy of each resample. */
    static double[][] naiveReplicates(double[][] scores, int reps, BootstrapConfig config) {
        int tasks = scores.length;
        double[][] out = new double[4][reps];
        Seeds seeds = config.seeds();
        for (int b = 0; b * StratifiedBootstrap.BLOCK_SIZE < reps; b++) {
            IndexSampler sampler = StratifiedBootstrap.blockSampler(seeds, b);
            for (int r = b * StratifiedBootstrap.BLOCK_SIZE; r < Math.min(reps, (b + 1) * StratifiedBootstrap.BLOCK_SIZE); r++) {
                int[] source = new int[tasks];
                for (int s = 0; s < tasks; s++) {
                    source[s] = config.taskBootstrap() ? sampler.nextIndex(tasks) : s;
                }
                double[][] copy = new double[tasks][];
                for (int s = 0; s < tasks; s++) {
                    double[] row = scores[source[s]];
                    copy[s] = new double[row.length];
                    for (int i = 0; i < row.length; i++) {
                        copy[s][i] = row[sampler.nextIndex(row.length)];
                    }
                }
                double[] means = new double[tasks];
                for (int s = 0; s < tasks; s++) {
                    double sum = 0;
                    for (double v : copy[s]) {
                        sum += v;
                    }
                    means[s] = sum / copy[s].length;
                }
                double sumMeans = 0;
                for (double m : means) {
                    sumMeans += m;
                }
                out[0][r] = sumMeans / tasks;
                double[] sortedMeans = means.clone();
                Arrays.sort(sortedMeans);
                out[1][r] = tasks % 2 == 1 ? sortedMeans[tasks / 2]
                        : (sortedMeans[tasks / 2 - 1] + sortedMeans[tasks / 2]) / 2;
                double[] pooled = ScoreMatrices.pooled(copy);
                out[2][r] = InterquartileMean.trimmedMean(pooled, 0.25);
                double gap = 0;
                for (double v : pooled) {
                    gap += Math.max(1 - v, 0);
                }
                out[3][r] = gap / pooled.length;
            }
        }
        return out;
    }

    /** The resample itself (counts per original value) is the naive one, exactly. */
    @Test
    void resamplerCountsAreTheDrawnIndices() {
        double[][] scores = lognormalScores(5, new int[] {4, 9, 1, 6});
        int[] rank = StratifiedResampler.pooledRankMap(scores);
        StratifiedResampler resampler = StratifiedResampler.pooledRanks(scores);
        StratifiedResampler.State st = resampler.newState(true);
        IndexSampler fast = new IndexSampler(Seeds.rng(12));
        IndexSampler slow = new IndexSampler(Seeds.rng(12));
        double[] sorted = ScoreMatrices.pooledSorted(scores);
        for (int rep = 0; rep < 200; rep++) {
            boolean tb = rep % 2 == 1;
            resampler.draw(fast, tb, st);
            int[] expected = new int[rank.length];
            int[] source = new int[scores.length];
            for (int s = 0; s < scores.length; s++) {
                source[s] = tb ? slow.nextIndex(scores.length) : s;
            }
            int total = 0;
            for (int s = 0; s < scores.length; s++) {
                int t = source[s];
                int offset = 0;
                for (int u = 0; u < t; u++) {
                    offset += scores[u].length;
                }
                for (int i = 0; i < scores[t].length; i++) {
                    int j = slow.nextIndex(scores[t].length);
                    expected[rank[offset + j]]++;
                    assertEquals(scores[t][j], st.matrix[s][i], 0.0);
                    assertEquals(scores[t][j], sorted[rank[offset + j]], 0.0);
                    total++;
                }
            }
            assertArrayEquals(source, st.source);
            assertArrayEquals(expected, st.counts, "rep " + rep);
            assertEquals(total, st.total);
        }
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        double[][] scores = lognormalScores(8, new int[] {10, 10, 3, 10, 7});
        List<Metric> metrics = List.of(Metric.iqm(), Metric.mean(), Metric.median(), Metric.optimalityGap(),
                Metric.of("max", m -> Arrays.stream(m).flatMapToDouble(Arrays::stream).max().orElseThrow()));
        for (boolean tb : new boolean[] {false, true}) {
            BootstrapConfig c = BootstrapConfig.seeded(2024).withReps(3 * StratifiedBootstrap.BLOCK_SIZE + 11)
                    .withTaskBootstrap(tb).withMethod(IntervalMethod.BCA);
            BootstrapResult one = StratifiedBootstrap.run(scores, metrics, c.withThreads(1));
            for (int threads : new int[] {2, 3}) {
                BootstrapResult many = StratifiedBootstrap.run(scores, metrics, c.withThreads(threads));
                for (Metric m : metrics) {
                    assertArrayEquals(one.distribution(m.name()).replicates(), many.distribution(m.name()).replicates(),
                            m.name() + " with " + threads + " threads");
                    assertEquals(one.estimate(m.name()), many.estimate(m.name()));
                }
            }
        }
    }

    @Test
    void metricsDoNotDisturbEachOthersReplicatesAndSeedsMatter() {
        double[][] scores = lognormalScores(3, runs(8, 6));
        BootstrapConfig c = BootstrapConfig.seeded(1).withReps(600).withThreads(2);
        BootstrapResult alone = StratifiedBootstrap.run(scores, List.of(Metric.iqm()), c);
        BootstrapResult together = StratifiedBootstrap.run(scores,
                List.of(Metric.of("custom", Mean::of), Metric.median(), Metric.iqm()), c);
        assertArrayEquals(alone.distribution("iqm").replicates(), together.distribution("iqm").replicates());
        // a custom metric on the materialised resample sees the same data as the fast path
        assertArrayEquals(StratifiedBootstrap.run(scores, List.of(Metric.mean()), c).distribution("mean").replicates(),
                together.distribution("custom").replicates());
        BootstrapResult other = StratifiedBootstrap.run(scores, List.of(Metric.iqm()), c.withSeed(2));
        assertNotEquals(alone.estimate("iqm"), other.estimate("iqm"));
    }

    @Test
    void pointEstimatesAreTheMetricsOfTheData() {
        double[][] scores = lognormalScores(4, new int[] {5, 8, 2, 9, 9});
        BootstrapResult r = StratifiedBootstrap.run(scores, Metric.standard(), BootstrapConfig.seeded(0).withReps(100));
        assertEquals(Mean.of(scores), r.point("mean"), 0.0);
        assertEquals(Median.of(scores), r.point("median"), 0.0);
        assertEquals(InterquartileMean.of(scores), r.point("iqm"), 0.0);
        assertEquals(OptimalityGap.of(scores), r.point("og"), 0.0);
        Estimate e = r.estimate("iqm");
        assertEquals("stratified bootstrap, 100 reps, percentile", e.method());
        assertEquals(0.95, e.confidence(), 0.0);
        assertTrue(e.low() < e.point() && e.point() < e.high(), e.toString());
        assertEquals(List.of("median", "iqm", "mean", "og"), r.names());
        assertEquals("stratified bootstrap over runs and tasks, 100 reps, bca",
                StratifiedBootstrap.estimate(scores, Metric.mean(), BootstrapConfig.seeded(0).withReps(100)
                        .withTaskBootstrap(true).withMethod(IntervalMethod.BCA)).method());
    }

    @Test
    void oneRunPerTaskGivesDegenerateIntervals() {
        double[][] scores = {{0.5}, {1.5}, {0.2}, {3.0}};
        for (IntervalMethod m : IntervalMethod.values()) {
            BootstrapResult r = StratifiedBootstrap.run(scores, Metric.standard(),
                    BootstrapConfig.seeded(1).withReps(300).withMethod(m));
            for (String name : r.names()) {
                Estimate e = r.estimate(name);
                assertEquals(e.point(), e.low(), 0.0, name + " " + m);
                assertEquals(e.point(), e.high(), 0.0, name + " " + m);
            }
        }
    }

    @Test
    void intervalsWidenWithConfidenceAndMethodsDiffer() {
        double[][] scores = lognormalScores(10, runs(10, 5));
        BootstrapResult r = StratifiedBootstrap.run(scores, List.of(Metric.iqm()), BootstrapConfig.seeded(3).withReps(4000));
        BootstrapDistribution d = r.distribution("iqm");
        Estimate e90 = d.interval(IntervalMethod.PERCENTILE, 0.90);
        Estimate e95 = d.interval(IntervalMethod.PERCENTILE, 0.95);
        assertTrue(e95.low() < e90.low() && e90.high() < e95.high());
        Estimate basic = d.interval(IntervalMethod.BASIC, 0.95);
        assertEquals(2 * d.point() - e95.high(), basic.low(), 1e-12);
        assertEquals(2 * d.point() - e95.low(), basic.high(), 1e-12);
        Estimate bca = d.interval(IntervalMethod.BCA, 0.95);
        assertTrue(Double.isFinite(d.acceleration()) && Math.abs(d.acceleration()) < 0.5);
        assertTrue(bca.low() >= d.quantile(0) && bca.high() <= d.quantile(1));
        // the bootstrap standard error of a mean-like statistic is about the width / (2 * 1.96)
        assertEquals(e95.width() / (2 * 1.96), d.standardError(), 0.15 * d.standardError());
    }

    @Test
    void runAllSeedsEachAlgorithmByName() {
        Map<String, double[][]> m = new LinkedHashMap<>();
        m.put("A", lognormalScores(1, runs(4, 5)));
        m.put("B", lognormalScores(2, runs(4, 3)));
        Map<String, double[][]> reversed = new LinkedHashMap<>();
        reversed.put("B", m.get("B"));
        reversed.put("A", m.get("A"));
        BootstrapConfig c = BootstrapConfig.seeded(9).withReps(300);
        Map<String, BootstrapResult> r1 = StratifiedBootstrap.runAll(m, Metric.standard(), c);
        Map<String, BootstrapResult> r2 = StratifiedBootstrap.runAll(reversed, Metric.standard(), c);
        assertEquals(List.of("A", "B"), List.copyOf(r1.keySet()));
        assertEquals(r1.get("A").estimates(), r2.get("A").estimates());
        assertEquals(r1.get("B").estimates(), r2.get("B").estimates());
        assertEquals(r1.get("A").estimates(),
                StratifiedBootstrap.run(m.get("A"), Metric.standard(), c.withSeeds(c.seeds().child("A"))).estimates());
        m.put("bad", new double[][] {{1}, {Double.NaN}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StratifiedBootstrap.runAll(m, Metric.standard(), c));
        assertTrue(e.getMessage().contains("algorithm 'bad'") && e.getMessage().contains("task 1, run 0"), e.getMessage());
    }

    @Test
    void rejectsBadInput() {
        BootstrapConfig c = BootstrapConfig.seeded(0).withReps(10);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StratifiedBootstrap.run(new double[][] {{1, 2}, {3, Double.NaN}}, Metric.standard(), c));
        assertTrue(e.getMessage().contains("task 1, run 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> StratifiedBootstrap.run(new double[][] {{1}, {}}, Metric.standard(), c));
        assertThrows(IllegalArgumentException.class, () -> StratifiedBootstrap.run(new double[][] {{1}}, List.of(), c));
        e = assertThrows(IllegalArgumentException.class,
                () -> StratifiedBootstrap.run(new double[][] {{1}}, List.of(Metric.iqm(), Metric.of("iqm", Mean::of)), c));
        assertTrue(e.getMessage().contains("'iqm'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> c.withReps(0));
        assertThrows(IllegalArgumentException.class, () -> c.withConfidence(1.0));
        assertThrows(IllegalArgumentException.class, () -> c.withThreads(0));
        assertThrows(IllegalArgumentException.class, () -> IntervalMethod.parse("studentized"));
        assertEquals(IntervalMethod.BCA, IntervalMethod.parse("BCa"));
    }

    @Test
    void defaultsAreRliables() {
        BootstrapConfig d = BootstrapConfig.defaults();
        assertEquals(50_000, d.reps());
        assertEquals(0.95, d.confidence(), 0.0);
        assertEquals(IntervalMethod.PERCENTILE, d.method());
        assertEquals(false, d.taskBootstrap());
        assertEquals(Runtime.getRuntime().availableProcessors(), d.threads());
    }
}
