package dev.quiver.eval.profile;

import dev.quiver.core.estimate.Estimate;
import dev.quiver.core.seed.Seeds;
import dev.quiver.eval.aggregate.ScoreMatrices;
import dev.quiver.eval.bootstrap.BlockRunner;
import dev.quiver.eval.bootstrap.BootstrapConfig;
import dev.quiver.eval.bootstrap.IndexSampler;
import dev.quiver.eval.bootstrap.Intervals;
import dev.quiver.eval.bootstrap.Jackknife;
import dev.quiver.eval.bootstrap.StratifiedBootstrap;
import dev.quiver.eval.bootstrap.StratifiedResampler;
import java.util.Arrays;
import java.util.Objects;

/**
 * A performance profile: for each threshold {@code tau} of a grid, the fraction of scores above
 * {@code tau}, with a stratified-bootstrap confidence band (rliable's {@code
 * create_performance_profile}).
 *
 * <p>Two kinds, as rliable:
 * <ul>
 *   <li>{@link Kind#RUN_SCORE} (the "score distribution", rliable's default {@code
 *       run_score_deviation}): {@code F(tau) = (1/T) sum over tasks t of #{runs r: x[t][r] > tau} /
 *       n_t}, the mean over tasks of the fraction of that task's runs above {@code tau}. With equal run
 *       counts this is rliable's {@code mean(scores > tau)} over all runs and tasks; with ragged data
 *       each task weighs the same (as the mean of per-task means does), not each run.
 *   <li>{@link Kind#AVERAGE_SCORE} (rliable's {@code mean_score_deviation}): {@code F(tau) =
 *       #{tasks t: mean_r x[t][r] > tau} / T}, the fraction of tasks whose mean score is above
 *       {@code tau}. Noisier; the paper recommends run-score profiles.
 * </ul>
 *
 * <p>Each bootstrap replicate resamples runs within each task (and tasks, with task bootstrap) exactly
 * as {@link StratifiedBootstrap} does (same blocks and seed streams), and evaluates the whole profile;
 * the band at each {@code tau} is read off that {@code tau}'s replicates with the configured {@link
 * dev.quiver.eval.bootstrap.IntervalMethod}. A replicate profile is non-increasing in {@code tau}, so
 * for a sorted grid the point curve and (for the percentile method) both band edges are
 * non-increasing too. rliable uses 2,000 replicates for profiles ({@link #DEFAULT_REPS}).
 *
 * @see <a href="https://arxiv.org/abs/2108.13264">Agarwal et al. (2021), arXiv:2108.13264, section 4</a>
 * @see <a href="https://doi.org/10.1007/s101070100263">Dolan, E. D. and More, J. J. (2002).
 *     Benchmarking optimization software with performance profiles. Math. Programming 91(2)</a>
 */
public final class PerformanceProfile {
    /** rliable's number of replicates for profiles. */
    public static final int DEFAULT_REPS = 2000;

    /** Which fraction a profile counts. */
    public enum Kind {
        /** Mean over tasks of the fraction of runs above the threshold (score distribution). */
        RUN_SCORE,
        /** Fraction of tasks whose mean score is above the threshold (average-score distribution). */
        AVERAGE_SCORE
    }

    private final Kind kind;
    private final double[] taus;
    private final double[] point;
    private final double[] low;
    private final double[] high;
    private final double confidence;
    private final String method;

    private PerformanceProfile(Kind kind, double[] taus, double[] point, double[] low, double[] high,
            double confidence, String method) {
        this.kind = kind;
        this.taus = taus;
        this.point = point;
        this.low = low;
        this.high = high;
        this.confidence = confidence;
        this.method = method;
    }

    /** The run-score profile (score distribution) with its band. */
    public static PerformanceProfile runScore(double[][] scores, double[] taus, BootstrapConfig config) {
        return of(Kind.RUN_SCORE, scores, taus, config);
    }

    /** The average-score profile with its band. */
    public static PerformanceProfile averageScore(double[][] scores, double[] taus, BootstrapConfig config) {
        return of(Kind.AVERAGE_SCORE, scores, taus, config);
    }

    /**
     * The profile of {@code kind} over thresholds {@code taus} with its stratified-bootstrap band.
     *
     * @param scores the matrix {@code [task][run]} (ragged allowed)
     * @param taus the thresholds (finite; any order, usually ascending, e.g. {@link #linspace})
     * @param config replicates (rliable uses {@link #DEFAULT_REPS}), coverage, method, task
     *     bootstrap, threads, seed
     */
    public static PerformanceProfile of(Kind kind, double[][] scores, double[] taus, BootstrapConfig config) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(config, "config");
        ScoreMatrices.validate(scores);
        checkTaus(taus);
        double[][] data = ScoreMatrices.copy(scores);
        double[] grid = taus.clone();
        Evaluator ev = new Evaluator(kind, data, grid);
        int k = grid.length;
        int reps = config.reps();

        StratifiedResampler.State original = ev.resampler.newState(false);
        ev.resampler.identity(original);
        double[] point = new double[k];
        ev.evaluate(original, new double[data.length], point);

        double[][] replicates = new double[k][reps];
        Seeds seeds = config.seeds();
        BlockRunner.run(BlockRunner.blocks(reps, StratifiedBootstrap.BLOCK_SIZE), config.threads(),
                () -> new Object[] {ev.resampler.newState(false), new double[data.length], new double[k]},
                (w, b) -> {
                    StratifiedResampler.State st = (StratifiedResampler.State) w[0];
                    double[] scratch = (double[]) w[1];
                    double[] out = (double[]) w[2];
                    IndexSampler sampler = StratifiedBootstrap.blockSampler(seeds, b);
                    int end = Math.min(reps, (b + 1) * StratifiedBootstrap.BLOCK_SIZE);
                    for (int r = b * StratifiedBootstrap.BLOCK_SIZE; r < end; r++) {
                        ev.resampler.draw(sampler, config.taskBootstrap(), st);
                        ev.evaluate(st, scratch, out);
                        for (int i = 0; i < k; i++) {
                            replicates[i][r] = out[i];
                        }
                    }
                });

        double[] accel = new double[k];
        boolean[] haveAccel = {false};
        double[] low = new double[k];
        double[] high = new double[k];
        for (int i = 0; i < k; i++) {
            Arrays.sort(replicates[i]);
            int col = i;
            double[] b = Intervals.bounds(point[i], replicates[i], config.method(), config.confidence(), () -> {
                if (!haveAccel[0]) {
                    double[] a = Jackknife.accelerations(new double[][][] {data},
                            s -> curve(kind, s[0], grid));
                    System.arraycopy(a, 0, accel, 0, k);
                    haveAccel[0] = true;
                }
                return accel[col];
            });
            low[i] = b[0];
            high[i] = b[1];
        }
        String method = StratifiedBootstrap.label(config) + ", " + config.method().label();
        return new PerformanceProfile(kind, grid, point, low, high, config.confidence(), method);
    }

    /** The run-score profile of {@code scores} at each threshold (no band). */
    public static double[] runScoreCurve(double[][] scores, double[] taus) {
        return curve(Kind.RUN_SCORE, scores, taus);
    }

    /** The average-score profile of {@code scores} at each threshold (no band). */
    public static double[] averageScoreCurve(double[][] scores, double[] taus) {
        return curve(Kind.AVERAGE_SCORE, scores, taus);
    }

    /** The profile of {@code kind} at each threshold (no band). */
    public static double[] curve(Kind kind, double[][] scores, double[] taus) {
        ScoreMatrices.validate(scores);
        checkTaus(taus);
        Evaluator ev = new Evaluator(kind, scores, taus);
        StratifiedResampler.State st = ev.resampler.newState(false);
        ev.resampler.identity(st);
        double[] out = new double[taus.length];
        ev.evaluate(st, new double[scores.length], out);
        return out;
    }

    /** {@code n} evenly spaced thresholds from {@code from} to {@code to} inclusive ({@code numpy.linspace}). */
    public static double[] linspace(double from, double to, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, got " + n);
        }
        if (!Double.isFinite(from) || !Double.isFinite(to)) {
            throw new IllegalArgumentException("linspace needs finite ends, got " + from + " and " + to);
        }
        double[] g = new double[n];
        if (n == 1) {
            g[0] = from;
            return g;
        }
        double step = (to - from) / (n - 1);
        for (int i = 0; i < n; i++) {
            g[i] = from + i * step;
        }
        g[n - 1] = to;
        return g;
    }

    private static void checkTaus(double[] taus) {
        if (taus == null || taus.length == 0) {
            throw new IllegalArgumentException("no thresholds: give at least one tau");
        }
        for (int i = 0; i < taus.length; i++) {
            if (!Double.isFinite(taus[i])) {
                throw new IllegalArgumentException("threshold tau " + i + " is not finite: " + taus[i]);
            }
        }
    }

    /** Which profile this is. */
    public Kind kind() {
        return kind;
    }

    /** The number of thresholds. */
    public int size() {
        return taus.length;
    }

    /** A copy of the thresholds. */
    public double[] taus() {
        return taus.clone();
    }

    /** A copy of the profile on the original data. */
    public double[] point() {
        return point.clone();
    }

    /** A copy of the lower band edge. */
    public double[] low() {
        return low.clone();
    }

    /** A copy of the upper band edge. */
    public double[] high() {
        return high.clone();
    }

    /** The nominal coverage of the band at each threshold (pointwise, not simultaneous). */
    public double confidence() {
        return confidence;
    }

    /** How the band was made. */
    public String method() {
        return method;
    }

    /** The profile and band at threshold index {@code i}. */
    public Estimate at(int i) {
        return new Estimate(point[i], low[i], high[i], confidence, method);
    }

    /**
     * Computes a profile from a resample. Run-score: counts sit on positions sorted within each task,
     * so the copies above {@code tau} are a suffix of the task's positions. Average-score: sorts the
     * slot means.
     */
    private static final class Evaluator {
        final Kind kind;
        final StratifiedResampler resampler;
        final int tasks;
        final int[] offset;
        final int[] runs;
        /** [task][tau]: the number of the task's values at or below tau (first position above tau). */
        final int[][] firstAbove;
        final double[] taus;

        Evaluator(Kind kind, double[][] data, double[] taus) {
            this.kind = kind;
            this.taus = taus;
            this.tasks = data.length;
            this.offset = new int[tasks + 1];
            this.runs = new int[tasks];
            int[] map = new int[ScoreMatrices.totalRuns(data)];
            this.firstAbove = new int[tasks][];
            for (int t = 0; t < tasks; t++) {
                int n = data[t].length;
                runs[t] = n;
                offset[t + 1] = offset[t] + n;
                int[] rank = rankWithinTask(data[t]);
                for (int r = 0; r < n; r++) {
                    map[offset[t] + r] = offset[t] + rank[r];
                }
                if (kind == Kind.RUN_SCORE) {
                    double[] sorted = data[t].clone();
                    Arrays.sort(sorted);
                    firstAbove[t] = new int[taus.length];
                    for (int i = 0; i < taus.length; i++) {
                        firstAbove[t][i] = upperBound(sorted, taus[i]);
                    }
                }
            }
            this.resampler = new StratifiedResampler(data, map, map.length);
        }

        void evaluate(StratifiedResampler.State st, double[] scratch, double[] out) {
            int k = taus.length;
            if (kind == Kind.AVERAGE_SCORE) {
                System.arraycopy(st.slotMeans, 0, scratch, 0, tasks);
                Arrays.sort(scratch, 0, tasks);
                for (int i = 0; i < k; i++) {
                    out[i] = (tasks - upperBound(scratch, tasks, taus[i])) / (double) tasks;
                }
                return;
            }
            Arrays.fill(out, 0);
            int[] counts = st.counts;
            for (int t = 0; t < tasks; t++) {
                int base = offset[t];
                int n = runs[t];
                // suffix counts: above[p] = copies at positions >= p of this task, for p = 0..n
                int[] fa = firstAbove[t];
                int taskCopies = 0;
                for (int p = base; p < base + n; p++) {
                    taskCopies += counts[p];
                }
                if (taskCopies == 0) {
                    continue;
                }
                // walk thresholds; prefix counts computed on demand (positions are few)
                double inv = 1.0 / n;
                int prefixPos = 0;
                int prefix = 0;
                for (int i = 0; i < k; i++) {
                    int f = fa[i];
                    if (f < prefixPos) {
                        prefixPos = 0;
                        prefix = 0;
                    }
                    while (prefixPos < f) {
                        prefix += counts[base + prefixPos];
                        prefixPos++;
                    }
                    out[i] += (taskCopies - prefix) * inv;
                }
            }
            for (int i = 0; i < k; i++) {
                out[i] /= tasks;
            }
        }

        private static int[] rankWithinTask(double[] row) {
            Integer[] order = new Integer[row.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> {
                int c = Double.compare(row[a], row[b]);
                return c != 0 ? c : Integer.compare(a, b);
            });
            int[] rank = new int[row.length];
            for (int k = 0; k < order.length; k++) {
                rank[order[k]] = k;
            }
            return rank;
        }
    }

    /** The number of values {@code <= x} in sorted values. */
    static int upperBound(double[] sorted, double x) {
        return upperBound(sorted, sorted.length, x);
    }

    private static int upperBound(double[] sorted, int n, double x) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
