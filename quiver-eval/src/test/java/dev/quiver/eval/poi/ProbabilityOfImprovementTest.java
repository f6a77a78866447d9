package dev.quiver.eval.poi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.estimate.Estimate;
import dev.quiver.core.seed.Seeds;
import dev.quiver.core.space.Spaces;
import dev.quiver.eval.bootstrap.BootstrapConfig;
import dev.quiver.eval.bootstrap.BootstrapDistribution;
import dev.quiver.eval.bootstrap.IndexSampler;
import dev.quiver.eval.bootstrap.IntervalMethod;
import dev.quiver.eval.bootstrap.StratifiedBootstrap;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class ProbabilityOfImprovementTest {

    @Test
    void handComputedMannWhitney() {
        // pairs (x, y): 1 beats 0; 2 beats 0 and ties 2 twice; 3 beats all: 1 + 2 + 3 = 6 of 9
        // (scipy.stats.mannwhitneyu([1,2,3], [2,2,0], alternative='greater').statistic / 9 = 0.6667)
        assertEquals(6.0 / 9, ProbabilityOfImprovement.taskProbability(new double[] {1, 2, 3}, new double[] {2, 2, 0}), 1e-15);
        assertEquals(3.0 / 9, ProbabilityOfImprovement.taskProbability(new double[] {2, 2, 0}, new double[] {1, 2, 3}), 1e-15);
        // averaged over tasks; different run counts for X and Y
        double[][] x = {{1, 2, 3}, {5}};
        double[][] y = {{2, 2, 0}, {4, 6}};
        assertEquals((6.0 / 9 + 0.5) / 2, ProbabilityOfImprovement.of(x, y), 1e-15);
    }

    @Test
    void identicalScoresGiveOneHalfAndAShiftGivesOne() {
        double[][] y = normal(1, 6, 10, 0);
        assertEquals(0.5, ProbabilityOfImprovement.of(y, y), 0.0);
        Estimate same = ProbabilityOfImprovement.estimate(y, y, BootstrapConfig.seeded(3).withReps(2000));
        assertEquals(0.5, same.point(), 0.0);
        assertTrue(same.low() < 0.5 && same.high() > 0.5, same.toString());
        double[][] x = new double[y.length][];
        for (int t = 0; t < y.length; t++) {
            x[t] = y[t].clone();
            for (int r = 0; r < x[t].length; r++) {
                x[t][r] += 1 + Arrays.stream(y[t]).max().orElseThrow() - Arrays.stream(y[t]).min().orElseThrow();
            }
        }
        Estimate better = ProbabilityOfImprovement.estimate(x, y, BootstrapConfig.seeded(3).withReps(500));
        assertEquals(new Estimate(1, 1, 1, 0.95, better.method()), better);
        assertEquals(0.0, ProbabilityOfImprovement.of(y, x), 0.0);
        // scores in [0, 1) and X = Y + 1: every run of X beats every run of Y
        UniformRandomProvider rng = Seeds.rng(8);
        double[][] unit = new double[7][12];
        double[][] plusOne = new double[7][12];
        for (int t = 0; t < 7; t++) {
            for (int r = 0; r < 12; r++) {
                unit[t][r] = rng.nextDouble();
                plusOne[t][r] = unit[t][r] + 1;
            }
        }
        assertEquals(1.0, ProbabilityOfImprovement.of(plusOne, unit), 0.0);
        // when the ranges overlap, X = Y + 1 wins the pairs it wins: {1,2,3} vs {0,1,2} has 6 wins
        // and 2 ties of 9 pairs, 7/9
        assertEquals(7.0 / 9, ProbabilityOfImprovement.of(new double[][] {{1, 2, 3}}, new double[][] {{0, 1, 2}}), 1e-15);
    }

    /**
     * X and Y from the same continuous distribution: under the null, U / (n m) has mean 1/2 and
     * variance (n + m + 1) / (12 n m) per task, so the average over T independent tasks has sd
     * sqrt((n + m + 1) / (12 n m T)) = 0.0184 for T = 10, n = m = 50. The point lies within 4 sd of
     * 1/2, and the independent bootstrap's standard error estimates that sd: its expectation is
     * close to it (the bootstrap variance of a U statistic is (n+m-1)/(n+m+1)-ish of the true one up
     * to O(1/n)), and for B = 2000 its own Monte Carlo error is about 2%; we allow 20%.
     */
    @Test
    void sameDistributionGivesAboutOneHalfWithTheRightSpread() {
        int tasks = 10;
        int n = 50;
        double[][] x = normal(11, tasks, n, 0);
        double[][] y = normal(12, tasks, n, 0);
        double sd = Math.sqrt((n + n + 1) / (12.0 * n * n * tasks));
        BootstrapDistribution d = ProbabilityOfImprovement.bootstrap(x, y, BootstrapConfig.seeded(5).withReps(2000));
        assertEquals(0.5, d.point(), 4 * sd);
        assertEquals(sd, d.standardError(), 0.2 * sd);
        assertEquals("poi", d.name());
        assertTrue(d.interval(IntervalMethod.PERCENTILE, 0.95).method().startsWith("stratified independent bootstrap"));
    }

    /**
     * The counts-based replicates equal a naive computation on explicit copies of the same
     * resample: same sampler per block, per task slot X's runs first then Y's, runs indexed in
     * ascending order of score. Both compute the same rationals with one rounding each, so they are
     * equal exactly.
     */
    @Test
    void replicatesEqualANaiveResample() {
        double[][] x = normal(21, 4, 7, 0.3);
        double[][] y = normal(22, 4, 5, 0);
        x[2] = Arrays.copyOf(x[2], 3);
        for (boolean tb : new boolean[] {false, true}) {
            int reps = 2 * StratifiedBootstrap.BLOCK_SIZE + 9;
            BootstrapConfig c = BootstrapConfig.seeded(17).withReps(reps).withThreads(2).withTaskBootstrap(tb);
            BootstrapDistribution d = ProbabilityOfImprovement.bootstrap(x, y, c);
            double[][] xs = sortedRows(x);
            double[][] ys = sortedRows(y);
            int tasks = x.length;
            for (int b = 0; b * StratifiedBootstrap.BLOCK_SIZE < reps; b++) {
                IndexSampler sampler = StratifiedBootstrap.blockSampler(c.seeds(), b);
                for (int r = b * StratifiedBootstrap.BLOCK_SIZE; r < Math.min(reps, (b + 1) * StratifiedBootstrap.BLOCK_SIZE); r++) {
                    int[] source = new int[tasks];
                    for (int s = 0; s < tasks; s++) {
                        source[s] = tb ? sampler.nextIndex(tasks) : s;
                    }
                    double sum = 0;
                    for (int s = 0; s < tasks; s++) {
                        double[] rx = resample(xs[source[s]], sampler);
                        double[] ry = resample(ys[source[s]], sampler);
                        double u = 0;
                        for (double a : rx) {
                            for (double bb : ry) {
                                u += a > bb ? 1 : a == bb ? 0.5 : 0;
                            }
                        }
                        sum += u / (rx.length * ry.length);
                    }
                    assertEquals(sum / tasks, d.replicate(r), 0.0, "task bootstrap " + tb + ", rep " + r);
                }
            }
            assertEquals(d.replicates().length, reps);
            BootstrapDistribution again = ProbabilityOfImprovement.bootstrap(x, y, c.withThreads(1));
            assertEquals(Arrays.toString(d.replicates()), Arrays.toString(again.replicates()));
        }
    }

    @Test
    void bcaAndRejections() {
        double[][] x = normal(31, 5, 8, 0.2);
        double[][] y = normal(32, 5, 8, 0);
        Estimate bca = ProbabilityOfImprovement.estimate(x, y, BootstrapConfig.seeded(1).withReps(2000).withMethod(IntervalMethod.BCA));
        assertTrue(bca.low() < bca.point() && bca.point() < bca.high(), bca.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProbabilityOfImprovement.of(new double[][] {{1}, {2}}, new double[][] {{1}}));
        assertTrue(e.getMessage().contains("same tasks"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ProbabilityOfImprovement.of(new double[][] {{1}, {2}}, new double[][] {{1}, {Double.NaN}}));
        assertTrue(e.getMessage().contains("scores of Y") && e.getMessage().contains("task 1"), e.getMessage());
    }

    private static double[] resample(double[] sortedRow, IndexSampler sampler) {
        double[] out = new double[sortedRow.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = sortedRow[sampler.nextIndex(sortedRow.length)];
        }
        return out;
    }

    private static double[][] sortedRows(double[][] m) {
        double[][] s = new double[m.length][];
        for (int t = 0; t < m.length; t++) {
            s[t] = m[t].clone();
            Arrays.sort(s[t]);
        }
        return s;
    }

    private static double[][] normal(long seed, int tasks, int n, double shift) {
        UniformRandomProvider rng = Seeds.rng(seed);
        double[][] s = new double[tasks][n];
        for (int t = 0; t < tasks; t++) {
            for (int r = 0; r < n; r++) {
                s[t][r] = shift + t + Spaces.standardNormal(rng);
            }
        }
        // a few ties
        s[0][1] = s[0][0];
        return s;
    }
}
