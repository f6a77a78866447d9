package dev.quiver.eval.poi;

import dev.quiver.core.estimate.Estimate;
import dev.quiver.core.seed.Seeds;
import dev.quiver.eval.aggregate.ScoreMatrices;
import dev.quiver.eval.bootstrap.BlockRunner;
import dev.quiver.eval.bootstrap.BootstrapConfig;
import dev.quiver.eval.bootstrap.BootstrapDistribution;
import dev.quiver.eval.bootstrap.IndexSampler;
import dev.quiver.eval.bootstrap.Jackknife;
import dev.quiver.eval.bootstrap.StratifiedBootstrap;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * The average probability of improvement of algorithm X over algorithm Y (rliable's {@code
 * probability_of_improvement}): {@code P(X > Y) = (1/T) sum over tasks t of P(X_t > Y_t)}, where
 * {@code P(X_t > Y_t) = (1 / (n m)) sum_i sum_j S(x[t][i], y[t][j])} with {@code S(a, b) = 1} if
 * {@code a > b}, {@code 1/2} if {@code a == b}, {@code 0} otherwise: the Mann-Whitney U statistic of
 * task {@code t} divided by {@code n m}. It says how likely a run of X beats a run of Y on a task
 * picked at random, not by how much.
 *
 * <p><b>Intervals</b> come from a stratified <i>independent</i> bootstrap (rliable's {@code
 * StratifiedIndependentBootstrap}): in each replicate X's runs and Y's runs are resampled with
 * replacement separately, task by task. With {@link BootstrapConfig#taskBootstrap()} the tasks are
 * resampled too, the same task draw for X and Y (rliable does not offer this for POI). Per replicate
 * and task the statistic is computed exactly, in integers, from the resampling counts and
 * precomputed ranks in {@code O(n + m)}. Blocks and seed streams are those of {@link
 * StratifiedBootstrap}; in each task slot X's runs are drawn first, then Y's; runs are indexed in
 * ascending order of score within each task (the statistic does not depend on run order).
 *
 * <p>BCa's jackknife leaves out run {@code i} of every task of both X and Y when all have the same
 * run count (arch's rule for rliable's independent bootstrap), else one observation at a time per
 * (algorithm, task) stratum (see {@link Jackknife}).
 *
 * @see <a href="https://arxiv.org/abs/2108.13264">Agarwal et al. (2021), arXiv:2108.13264, section 4</a>
 * @see <a href="https://doi.org/10.1214/aoms/1177730491">Mann, H. B. and Whitney, D. R. (1947). On a
 *     test of whether one of two random variables is stochastically larger than the other. Ann. Math.
 *     Statist. 18(1)</a>
 */
public final class ProbabilityOfImprovement {
    private ProbabilityOfImprovement() {
    }

    /** {@code P(X > Y)} averaged over tasks, for matrices {@code [task][run]} with the same tasks. */
    public static double of(double[][] x, double[][] y) {
        Prepared p = new Prepared(x, y);
        return p.point();
    }

    /** {@code P(X > Y) + P(X = Y) / 2} for one task's runs of X and of Y. */
    public static double taskProbability(double[] x, double[] y) {
        return of(new double[][] {x}, new double[][] {y});
    }

    /** The bootstrap distribution of {@code P(X > Y)} (name {@code "poi"}). */
    public static BootstrapDistribution bootstrap(double[][] x, double[][] y, BootstrapConfig config) {
        Objects.requireNonNull(config, "config");
        Prepared p = new Prepared(x, y);
        double point = p.point();
        int reps = config.reps();
        double[] replicates = new double[reps];
        Seeds seeds = config.seeds();
        int tasks = p.tasks;
        BlockRunner.run(BlockRunner.blocks(reps, StratifiedBootstrap.BLOCK_SIZE), config.threads(),
                () -> new Scratch(tasks, p.maxX, p.maxY),
                (w, b) -> {
                    IndexSampler sampler = StratifiedBootstrap.blockSampler(seeds, b);
                    int end = Math.min(reps, (b + 1) * StratifiedBootstrap.BLOCK_SIZE);
                    for (int r = b * StratifiedBootstrap.BLOCK_SIZE; r < end; r++) {
                        if (config.taskBootstrap()) {
                            for (int s = 0; s < tasks; s++) {
                                w.source[s] = sampler.nextIndex(tasks);
                            }
                        } else {
                            for (int s = 0; s < tasks; s++) {
                                w.source[s] = s;
                            }
                        }
                        double sum = 0;
                        for (int s = 0; s < tasks; s++) {
                            int t = w.source[s];
                            int n = p.xs[t].length;
                            int m = p.ys[t].length;
                            Arrays.fill(w.cx, 0, n, 0);
                            Arrays.fill(w.cy, 0, m, 0);
                            sampler.drawCounts(n, w.cx, 0);
                            sampler.drawCounts(m, w.cy, 0);
                            sum += p.taskProbability(t, w.cx, w.cy, w.prefix);
                        }
                        replicates[r] = sum / tasks;
                    }
                });
        double[][] xc = ScoreMatrices.copy(x);
        double[][] yc = ScoreMatrices.copy(y);
        String label = StratifiedBootstrap.label(config).replace("stratified bootstrap", "stratified independent bootstrap");
        return new BootstrapDistribution("poi", point, replicates, label,
                () -> Jackknife.accelerations(new double[][][] {xc, yc}, s -> new double[] {of(s[0], s[1])})[0]);
    }

    /** {@code P(X > Y)} with its interval under {@code config} (method and confidence included). */
    public static Estimate estimate(double[][] x, double[][] y, BootstrapConfig config) {
        return bootstrap(x, y, config).interval(config.method(), config.confidence());
    }

    /** Per-thread scratch. */
    private static final class Scratch {
        final int[] source;
        final int[] cx;
        final int[] cy;
        final long[] prefix;

        Scratch(int tasks, int maxX, int maxY) {
            source = new int[tasks];
            cx = new int[maxX];
            cy = new int[maxY];
            prefix = new long[maxY + 1];
        }
    }

    /** Sorted runs and, for each run of X, how many runs of Y lie below it and at or below it. */
    private static final class Prepared {
        final int tasks;
        final double[][] xs;
        final double[][] ys;
        final int[][] below;
        final int[][] atOrBelow;
        final int maxX;
        final int maxY;

        Prepared(double[][] x, double[][] y) {
            ScoreMatrices.validate(x, "scores of X");
            ScoreMatrices.validate(y, "scores of Y");
            if (x.length != y.length) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "X has %d tasks and Y has %d: the probability of improvement compares the same tasks",
                        x.length, y.length));
            }
            tasks = x.length;
            xs = new double[tasks][];
            ys = new double[tasks][];
            below = new int[tasks][];
            atOrBelow = new int[tasks][];
            int mx = 0;
            int my = 0;
            for (int t = 0; t < tasks; t++) {
                xs[t] = x[t].clone();
                ys[t] = y[t].clone();
                Arrays.sort(xs[t]);
                Arrays.sort(ys[t]);
                int n = xs[t].length;
                below[t] = new int[n];
                atOrBelow[t] = new int[n];
                int lo = 0;
                int le = 0;
                for (int i = 0; i < n; i++) {
                    double v = xs[t][i];
                    while (lo < ys[t].length && ys[t][lo] < v) {
                        lo++;
                    }
                    while (le < ys[t].length && ys[t][le] <= v) {
                        le++;
                    }
                    below[t][i] = lo;
                    atOrBelow[t][i] = le;
                }
                mx = Math.max(mx, n);
                my = Math.max(my, ys[t].length);
            }
            maxX = mx;
            maxY = my;
        }

        double point() {
            int[] cx = new int[maxX];
            int[] cy = new int[maxY];
            long[] prefix = new long[maxY + 1];
            double sum = 0;
            for (int t = 0; t < tasks; t++) {
                Arrays.fill(cx, 0, xs[t].length, 1);
                Arrays.fill(cy, 0, ys[t].length, 1);
                sum += taskProbability(t, cx, cy, prefix);
            }
            return sum / tasks;
        }

        /** The task's probability for copy counts over its sorted runs of X and of Y: 2U / (2 n m), exact in integers. */
        double taskProbability(int t, int[] cx, int[] cy, long[] prefix) {
            int n = xs[t].length;
            int m = ys[t].length;
            prefix[0] = 0;
            for (int j = 0; j < m; j++) {
                prefix[j + 1] = prefix[j] + cy[j];
            }
            int[] lo = below[t];
            int[] le = atOrBelow[t];
            long twiceU = 0;
            for (int i = 0; i < n; i++) {
                twiceU += cx[i] * (prefix[lo[i]] + prefix[le[i]]);
            }
            return twiceU / (2.0 * n * m);
        }
    }
}
