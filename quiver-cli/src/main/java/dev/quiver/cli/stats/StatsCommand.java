package dev.quiver.cli.stats;

import dev.quiver.cli.Format;
import dev.quiver.cli.Json;
import dev.quiver.cli.Table;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.estimate.Estimate;
import dev.quiver.eval.aggregate.Metric;
import dev.quiver.eval.bootstrap.BootstrapConfig;
import dev.quiver.eval.bootstrap.BootstrapResult;
import dev.quiver.eval.bootstrap.StratifiedBootstrap;
import dev.quiver.eval.scores.ScoreTable;
import dev.quiver.report.plot.IntervalEstimatesPlot;
import dev.quiver.report.plot.PlotStyle;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code quiver stats}: aggregate metrics (IQM, mean, median, optimality gap) of per-run scores with
 * stratified-bootstrap intervals, as rliable's {@code get_interval_estimates}.
 *
 * @see <a href="https://arxiv.org/abs/2108.13264">Agarwal et al. (2021), Deep Reinforcement Learning at
 *     the Edge of the Statistical Precipice, arXiv:2108.13264</a>
 */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = {"Aggregate per-run scores with stratified-bootstrap confidence intervals (Agarwal et al. 2021):"
                + " IQM (25%% trimmed mean of all runs), mean and median of per-task means, optimality gap.",
            "Prints a table; --json writes {\"<algorithm>\": {\"<metric>\": {\"point\", \"low\", \"high\"}}}."},
        subcommands = {ProfileCommand.class, PoiCommand.class, HoldoutCommand.class})
public final class StatsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ScoreInput input;

    @Mixin
    BootstrapOptions bootstrap;

    @Option(names = "--metrics", paramLabel = "LIST", split = ",", defaultValue = "iqm,mean,median,og",
            description = "Metrics, any of iqm, mean, median, og (default: ${DEFAULT-VALUE}).")
    List<String> metrics;

    @Option(names = "--json", paramLabel = "OUT.json", description = "Also write the estimates as JSON.")
    Path json;

    @Option(names = "--plot", paramLabel = "OUT.png|OUT.svg",
            description = "Also draw the interval estimates (one panel per metric), PNG or SVG by extension.")
    Path plot;

    @Override
    public Integer call() {
        List<Metric> chosen = MetricNames.parse(metrics);
        BootstrapConfig config = bootstrap.config(BootstrapConfig.DEFAULT_REPS);
        ScoreTable table = input.load();
        Map<String, Map<String, Estimate>> byAlgorithm = estimate(table, chosen, config);
        print(spec.commandLine().getOut(), table, chosen, byAlgorithm, config);
        if (json != null) {
            Map<String, Object> doc = new LinkedHashMap<>();
            byAlgorithm.forEach((alg, m) -> {
                Map<String, Object> perMetric = new LinkedHashMap<>();
                m.forEach((k, e) -> perMetric.put(k, Json.estimate(e)));
                doc.put(alg, perMetric);
            });
            Json.writeFile(json, doc);
        }
        if (plot != null) {
            Map<String, Map<String, Estimate>> byMetric = new LinkedHashMap<>();
            for (Metric m : chosen) {
                Map<String, Estimate> perAlg = new LinkedHashMap<>();
                byAlgorithm.forEach((alg, est) -> perAlg.put(alg, est.get(m.name())));
                byMetric.put(MetricNames.display(m.name()), perAlg);
            }
            IntervalEstimatesPlot.of(byMetric)
                    .withStyle(PlotStyle.defaults().withSize(Math.max(600, 300 * chosen.size()),
                            Math.max(300, 120 + 45 * byAlgorithm.size())))
                    .withXLabel(input.normalised() ? "Normalized score" : "Score").save(plot);
        }
        return 0;
    }

    /** Per algorithm, per metric key: the estimate. */
    static Map<String, Map<String, Estimate>> estimate(ScoreTable table, List<Metric> metrics,
            BootstrapConfig config) {
        Map<String, double[][]> matrices = new LinkedHashMap<>();
        for (String alg : table.algorithms()) {
            matrices.put(alg, table.matrix(alg));
        }
        Map<String, BootstrapResult> results;
        try {
            results = StratifiedBootstrap.runAll(matrices, metrics, config);
        } catch (IllegalArgumentException e) {
            throw new QuiverUserException(table.source() + ": " + e.getMessage(), e);
        }
        Map<String, Map<String, Estimate>> out = new LinkedHashMap<>();
        results.forEach((alg, r) -> {
            Map<String, Estimate> m = new LinkedHashMap<>();
            for (Metric metric : metrics) {
                m.put(metric.name(), r.estimate(metric.name()));
            }
            out.put(alg, m);
        });
        return out;
    }

    private void print(PrintWriter out, ScoreTable table, List<Metric> metrics,
            Map<String, Map<String, Estimate>> byAlgorithm, BootstrapConfig config) {
        List<String> header = new ArrayList<>(List.of("algorithm", ">runs"));
        for (Metric m : metrics) {
            header.add(">" + MetricNames.display(m.name()));
            header.add(">" + (int) Math.round(config.confidence() * 100) + "% CI");
        }
        Table t = new Table(header.toArray(String[]::new));
        byAlgorithm.forEach((alg, est) -> {
            List<Object> row = new ArrayList<>(List.of(alg, runs(table, alg)));
            for (Metric m : metrics) {
                Estimate e = est.get(m.name());
                row.add(Format.num(e.point()));
                row.add(Format.interval(e));
            }
            t.row(row.toArray());
        });
        t.print(out);
        out.println();
        out.println(table.tasks().size() + " tasks; " + (input.normalised() ? "normalised scores" : "raw scores")
                + "; " + config.method().name().toLowerCase(java.util.Locale.ROOT) + " intervals from a " + StratifiedBootstrap.label(config) + ", seed "
                + config.seed() + ". IQM and optimality gap pool all runs of all tasks; mean and median are over"
                + " per-task means.");
        out.flush();
    }

    private static String runs(ScoreTable table, String alg) {
        int[] counts = table.runCounts(alg);
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (int c : counts) {
            min = Math.min(min, c);
            max = Math.max(max, c);
        }
        return min == max ? Integer.toString(min) : min + "-" + max;
    }

    /** Rejects an empty selection early with a clear message. */
    static void requireAlgorithms(ScoreTable table) {
        if (table.algorithms().isEmpty()) {
            throw new QuiverUserException(table.source() + ": no algorithms");
        }
    }
}
