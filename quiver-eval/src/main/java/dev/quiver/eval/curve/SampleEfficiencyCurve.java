package dev.quiver.eval.curve;

import dev.quiver.core.estimate.Estimate;
import dev.quiver.core.seed.Seeds;
import dev.quiver.eval.aggregate.Metric;
import dev.quiver.eval.aggregate.ScoreMatrices;
import dev.quiver.eval.bootstrap.BootstrapConfig;
import dev.quiver.eval.bootstrap.BootstrapResult;
import dev.quiver.eval.bootstrap.StratifiedBootstrap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A sample-efficiency curve: one aggregate metric (e.g. IQM) with its stratified-bootstrap interval at
 * each checkpoint of training, from scores {@code [checkpoint][task][run]}.
 *
 * <p>Each checkpoint is bootstrapped on its own, as rliable does when it computes a curve with {@code
 * get_interval_estimates} on a {@code runs x tasks x checkpoints} array (its stratified bootstrap
 * draws an independent run index for every task <i>and</i> checkpoint). Checkpoint {@code c} uses root
 * seed {@code config.seeds().child("checkpoint", c).seed()}, so its result equals {@link
 * StratifiedBootstrap#run} on {@code scores[c]} with that seed. Run counts may differ between
 * checkpoints and tasks.
 *
 * @see <a href="https://arxiv.org/abs/2108.13264">Agarwal et al. (2021), arXiv:2108.13264</a>
 */
public final class SampleEfficiencyCurve {
    /** The name of the per-checkpoint child seed stream. */
    public static final String CHECKPOINT_STREAM = "checkpoint";

    private final String metric;
    private final double[] checkpoints;
    private final Estimate[] estimates;

    private SampleEfficiencyCurve(String metric, double[] checkpoints, Estimate[] estimates) {
        this.metric = metric;
        this.checkpoints = checkpoints;
        this.estimates = estimates;
    }

    /**
     * One curve per metric, checkpoints numbered {@code 0, 1, ...}.
     *
     * @param scores {@code [checkpoint][task][run]}
     * @return the curves by metric name, in metric order
     */
    public static Map<String, SampleEfficiencyCurve> compute(double[][][] scores, List<? extends Metric> metrics,
            BootstrapConfig config) {
        Objects.requireNonNull(scores, "scores");
        double[] x = new double[scores.length];
        for (int c = 0; c < x.length; c++) {
            x[c] = c;
        }
        return compute(scores, x, metrics, config);
    }

    /**
     * One curve per metric.
     *
     * @param scores {@code [checkpoint][task][run]}: at least one checkpoint, each a valid score matrix
     * @param checkpoints the x value of each checkpoint (e.g. environment steps), same length
     * @param metrics the metrics (distinct names)
     * @param config the bootstrap configuration (its seed is the root of the checkpoint streams)
     * @return the curves by metric name, in metric order
     */
    public static Map<String, SampleEfficiencyCurve> compute(double[][][] scores, double[] checkpoints,
            List<? extends Metric> metrics, BootstrapConfig config) {
        Objects.requireNonNull(config, "config");
        if (scores == null || scores.length == 0) {
            throw new IllegalArgumentException("no checkpoints: scores must be [checkpoint][task][run] with at least one checkpoint");
        }
        if (checkpoints == null || checkpoints.length != scores.length) {
            throw new IllegalArgumentException("checkpoints has " + (checkpoints == null ? "no" : checkpoints.length)
                    + " entries for " + scores.length + " checkpoints of scores");
        }
        for (int c = 0; c < scores.length; c++) {
            ScoreMatrices.validate(scores[c], "scores at checkpoint " + c);
        }
        int n = scores.length;
        Seeds root = config.seeds();
        List<Estimate[]> perMetric = new ArrayList<>();
        for (int k = 0; k < metrics.size(); k++) {
            perMetric.add(new Estimate[n]);
        }
        for (int c = 0; c < n; c++) {
            BootstrapConfig cc = config.withSeed(root.child(CHECKPOINT_STREAM, c).seed());
            BootstrapResult r = StratifiedBootstrap.run(scores[c], metrics, cc);
            for (int k = 0; k < metrics.size(); k++) {
                perMetric.get(k)[c] = r.estimate(metrics.get(k).name());
            }
        }
        Map<String, SampleEfficiencyCurve> out = new LinkedHashMap<>();
        for (int k = 0; k < metrics.size(); k++) {
            String name = metrics.get(k).name();
            out.put(name, new SampleEfficiencyCurve(name, checkpoints.clone(), perMetric.get(k)));
        }
        return out;
    }

    /** The curve of one metric (see {@link #compute(double[][][], double[], List, BootstrapConfig)}). */
    public static SampleEfficiencyCurve of(double[][][] scores, double[] checkpoints, Metric metric,
            BootstrapConfig config) {
        return compute(scores, checkpoints, List.of(metric), config).get(metric.name());
    }

    /** The metric's name. */
    public String metric() {
        return metric;
    }

    /** The number of checkpoints. */
    public int size() {
        return checkpoints.length;
    }

    /** A copy of the checkpoints' x values. */
    public double[] checkpoints() {
        return checkpoints.clone();
    }

    /** The estimate at checkpoint index {@code c}. */
    public Estimate at(int c) {
        return estimates[c];
    }

    /** A copy of the estimates, one per checkpoint. */
    public Estimate[] estimates() {
        return estimates.clone();
    }

    /** The point estimates, one per checkpoint. */
    public double[] points() {
        double[] p = new double[estimates.length];
        for (int c = 0; c < p.length; c++) {
            p[c] = estimates[c].point();
        }
        return p;
    }

    /** The lower interval ends, one per checkpoint. */
    public double[] lows() {
        double[] p = new double[estimates.length];
        for (int c = 0; c < p.length; c++) {
            p[c] = estimates[c].low();
        }
        return p;
    }

    /** The upper interval ends, one per checkpoint. */
    public double[] highs() {
        double[] p = new double[estimates.length];
        for (int c = 0; c < p.length; c++) {
            p[c] = estimates[c].high();
        }
        return p;
    }
}
