package dev.quiver.eval.bootstrap;

import dev.quiver.core.estimate.Estimate;
import dev.quiver.core.seed.Seeds;
import dev.quiver.eval.aggregate.InterquartileMean;
import dev.quiver.eval.aggregate.Mean;
import dev.quiver.eval.aggregate.Median;
import dev.quiver.eval.aggregate.Metric;
import dev.quiver.eval.aggregate.OptimalityGap;
import dev.quiver.eval.aggregate.ScoreMatrices;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Stratified bootstrap confidence intervals for aggregate metrics of a score matrix {@code
 * [task][run]}, as rliable's {@code get_interval_estimates}: each replicate resamples every task's runs
 * with replacement, separately per task (and, with {@link BootstrapConfig#taskBootstrap()}, the tasks
 * too), and recomputes every metric.
 *
 * <p><b>Fast path.</b> A replicate is held as counts per original value, never as a copied matrix: per
 * task the drawn run indices add the drawn value to the task's sum and a count to the value's rank
 * among all values pooled (ranks sorted once per matrix). From that one pass, the mean and median of
 * the per-task means, the IQM (a walk over the sorted positions that skips a quarter of the copies at
 * each end, no sorting) and the optimality gaps (a sum over the positions below {@code gamma}) all
 * follow in time linear in the number of runs, with no allocation. Metrics other than the four
 * built-ins get a materialised copy of each resample (a reused buffer) and are slower.
 *
 * <p><b>Determinism.</b> The replicates are cut into blocks of {@link #BLOCK_SIZE}; block {@code b}
 * draws from {@code config.seeds().child("bootstrap-block", b)} with an {@link IndexSampler}, in the
 * draw order of {@link StratifiedResampler}. Blocks run on {@code config.threads()} threads in any
 * order, and every replicate lands at its own index: the results are identical for any thread count,
 * and adding a metric to the list does not change the others' replicates.
 *
 * @see <a href="https://arxiv.org/abs/2108.13264">Agarwal, R., Schwarzer, M., Castro, P. S.,
 *     Courville, A. and Bellemare, M. G. (2021). Deep Reinforcement Learning at the Edge of the
 *     Statistical Precipice. NeurIPS 2021, arXiv:2108.13264</a>
 * @see <a href="https://doi.org/10.1201/9780429246593">Efron, B. and Tibshirani, R. J. (1993). An
 *     Introduction to the Bootstrap</a>
 */
public final class StratifiedBootstrap {
    /** Replicates per block: the unit of seeding and of parallel work. Part of the reproducibility contract. */
    public static final int BLOCK_SIZE = 250;
    /** The name of the per-block child seed stream. */
    public static final String BLOCK_STREAM = "bootstrap-block";

    private static final int MEAN = 0;
    private static final int MEDIAN = 1;
    private static final int IQM = 2;
    private static final int OG = 3;
    private static final int CUSTOM = 4;

    private StratifiedBootstrap() {
    }

    /**
     * Bootstraps several metrics of one score matrix together (one resample feeds all of them).
     *
     * @param scores the matrix {@code [task][run]}: at least one task, every task at least one run, all
     *     values finite; tasks may have different run counts
     * @param metrics the metrics, with distinct names
     * @param config replicates, coverage, interval method, task bootstrap, threads, seed
     * @return per metric its point estimate, replicates and interval
     * @throws IllegalArgumentException if the scores or metrics are not valid (the message names the
     *     task and run at fault)
     */
    public static BootstrapResult run(double[][] scores, List<? extends Metric> metrics, BootstrapConfig config) {
        Objects.requireNonNull(config, "config");
        ScoreMatrices.validate(scores);
        checkMetrics(metrics);
        double[][] data = ScoreMatrices.copy(scores);
        Plan plan = new Plan(data, metrics);
        int m = metrics.size();
        int reps = config.reps();
        double[][] replicates = new double[m][reps];
        boolean materialise = plan.hasCustom;

        StratifiedResampler.State original = plan.resampler.newState(materialise);
        plan.resampler.identity(original);
        double[] points = new double[m];
        plan.evaluate(original, new double[data.length], points);

        Seeds seeds = config.seeds();
        int blocks = BlockRunner.blocks(reps, BLOCK_SIZE);
        BlockRunner.run(blocks, config.threads(), () -> new Scratch(plan.resampler.newState(materialise), data.length, m),
                (w, b) -> {
                    IndexSampler sampler = new IndexSampler(seeds.child(BLOCK_STREAM, b).rng());
                    int end = Math.min(reps, (b + 1) * BLOCK_SIZE);
                    for (int r = b * BLOCK_SIZE; r < end; r++) {
                        plan.resampler.draw(sampler, config.taskBootstrap(), w.state);
                        plan.evaluate(w.state, w.medianScratch, w.out);
                        for (int k = 0; k < m; k++) {
                            replicates[k][r] = w.out[k];
                        }
                    }
                });

        String label = label(config);
        List<BootstrapDistribution> out = new ArrayList<>(m);
        for (int k = 0; k < m; k++) {
            Metric metric = metrics.get(k);
            out.add(new BootstrapDistribution(metric.name(), points[k], replicates[k], label,
                    () -> Jackknife.acceleration(data, metric)));
        }
        BlockRunner.run(m, config.threads(), () -> null, (w, k) -> out.get(k).prepare());
        return new BootstrapResult(config, out);
    }

    /** The interval of one metric (see {@link #run}). */
    public static Estimate estimate(double[][] scores, Metric metric, BootstrapConfig config) {
        return run(scores, List.of(metric), config).estimate(metric.name());
    }

    /**
     * Bootstraps each algorithm's matrix in turn (e.g. the seven agents of the Atari 100k table).
     * Algorithm {@code name} uses root seed {@code config.seeds().child(name).seed()}, so its result
     * does not depend on which other algorithms are in the map or on their order.
     *
     * @param scoresByAlgorithm matrices {@code [task][run]} by algorithm name (run counts may differ
     *     between algorithms)
     * @return the results by algorithm name, in the map's iteration order
     */
    public static Map<String, BootstrapResult> runAll(Map<String, double[][]> scoresByAlgorithm,
            List<? extends Metric> metrics, BootstrapConfig config) {
        Map<String, BootstrapResult> out = new LinkedHashMap<>();
        Seeds root = config.seeds();
        for (Map.Entry<String, double[][]> e : scoresByAlgorithm.entrySet()) {
            BootstrapConfig c = config.withSeed(root.child(e.getKey()).seed());
            try {
                out.put(e.getKey(), run(e.getValue(), metrics, c));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("algorithm '" + e.getKey() + "': " + ex.getMessage(), ex);
            }
        }
        return out;
    }

    /** How replicates made under {@code config} are described in an {@link Estimate}'s method. */
    public static String label(BootstrapConfig config) {
        return String.format(Locale.ROOT, "stratified bootstrap%s, %d reps",
                config.taskBootstrap() ? " over runs and tasks" : "", config.reps());
    }

    /** The sampler of block {@code block} under root seeds {@code seeds}. */
    public static IndexSampler blockSampler(Seeds seeds, int block) {
        return new IndexSampler(seeds.child(BLOCK_STREAM, block).rng());
    }

    static void checkMetrics(List<? extends Metric> metrics) {
        if (metrics == null || metrics.isEmpty()) {
            throw new IllegalArgumentException("no metrics: give at least one (e.g. Metric.standard())");
        }
        Set<String> names = new HashSet<>();
        for (Metric metric : metrics) {
            Objects.requireNonNull(metric, "metric");
            if (!names.add(metric.name())) {
                throw new IllegalArgumentException("two metrics are named '" + metric.name() + "': names must be distinct");
            }
        }
    }

    /** Per-thread scratch. */
    private static final class Scratch {
        final StratifiedResampler.State state;
        final double[] medianScratch;
        final double[] out;

        Scratch(StratifiedResampler.State state, int tasks, int metrics) {
            this.state = state;
            this.medianScratch = new double[tasks];
            this.out = new double[metrics];
        }
    }

    /** What to compute per replicate, prepared once per matrix. */
    private static final class Plan {
        final StratifiedResampler resampler;
        final int tasks;
        final double[] sorted;
        final int[] kinds;
        final double[][] gaps;
        final Metric[] metrics;
        final boolean hasCustom;

        Plan(double[][] data, List<? extends Metric> list) {
            this.tasks = data.length;
            this.resampler = StratifiedResampler.pooledRanks(data);
            this.sorted = ScoreMatrices.pooledSorted(data);
            int m = list.size();
            this.kinds = new int[m];
            this.gaps = new double[m][];
            this.metrics = list.toArray(new Metric[0]);
            boolean custom = false;
            for (int k = 0; k < m; k++) {
                Metric metric = metrics[k];
                if (metric instanceof Mean) {
                    kinds[k] = MEAN;
                } else if (metric instanceof Median) {
                    kinds[k] = MEDIAN;
                } else if (metric instanceof InterquartileMean) {
                    kinds[k] = IQM;
                } else if (metric instanceof OptimalityGap) {
                    OptimalityGap og = (OptimalityGap) metric;
                    kinds[k] = OG;
                    gaps[k] = og.gaps(sorted, og.belowEnd(sorted));
                } else {
                    kinds[k] = CUSTOM;
                    custom = true;
                }
            }
            this.hasCustom = custom;
        }

        void evaluate(StratifiedResampler.State st, double[] medianScratch, double[] out) {
            for (int k = 0; k < kinds.length; k++) {
                double v;
                switch (kinds[k]) {
                    case MEAN:
                        v = Mean.ofTaskMeans(st.slotMeans, tasks);
                        break;
                    case MEDIAN:
                        System.arraycopy(st.slotMeans, 0, medianScratch, 0, tasks);
                        v = Median.ofInPlace(medianScratch, tasks);
                        break;
                    case IQM:
                        v = InterquartileMean.fromCounts(sorted, st.counts, st.total);
                        break;
                    case OG:
                        v = OptimalityGap.fromCounts(gaps[k], st.counts, st.total);
                        break;
                    default:
                        v = metrics[k].apply(st.matrix);
                        break;
                }
                out[k] = v;
            }
        }
    }
}
