package dev.quiver.cli.stats;

import dev.quiver.cli.Format;
import dev.quiver.cli.Json;
import dev.quiver.cli.Table;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.estimate.Estimate;
import dev.quiver.eval.bootstrap.BootstrapConfig;
import dev.quiver.eval.poi.ProbabilityOfImprovement;
import dev.quiver.eval.profile.PerformanceProfile;
import dev.quiver.eval.scores.ScoreTable;
import dev.quiver.report.plot.ImprovementPair;
import dev.quiver.report.plot.PlotStyle;
import dev.quiver.report.plot.ProbabilityOfImprovementPlot;
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
 * {@code quiver stats poi}: the probability of improvement P(X > Y) of one algorithm over others, with
 * stratified independent bootstrap intervals, as rliable's {@code probability_of_improvement}.
 *
 * @see <a href="https://arxiv.org/abs/2108.13264">Agarwal et al. (2021), arXiv:2108.13264, section 4</a>
 */
@Command(name = "poi", mixinStandardHelpOptions = true,
        description = {"Probability of improvement: the chance that a run of X scores above a run of Y on a random"
                + " task (Mann-Whitney U / (n m) per task, ties count 1/2, averaged over tasks), with a stratified"
                + " bootstrap that resamples X and Y independently (Agarwal et al. 2021).",
            "X improves on Y with some confidence when the interval lies above 0.5."})
public final class PoiCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ScoreInput input;

    @Mixin
    BootstrapOptions bootstrap;

    @Option(names = "--x", paramLabel = "A", required = true, description = "The algorithm X of P(X > Y).")
    String x;

    @Option(names = "--y", paramLabel = "B,C", split = ",",
            description = "The algorithms Y (default: every other algorithm).")
    List<String> y = new ArrayList<>();

    @Option(names = "--json", paramLabel = "OUT.json", description = "Also write the estimates as JSON.")
    Path json;

    @Option(names = "--plot", paramLabel = "OUT.png|OUT.svg", description = "Also draw the intervals.")
    Path plot;

    @Override
    public Integer call() {
        BootstrapConfig config = bootstrap.config(PerformanceProfile.DEFAULT_REPS);
        ScoreTable table = input.load();
        require(table, x, "--x");
        List<String> ys = new ArrayList<>();
        if (y.isEmpty()) {
            for (String a : table.algorithms()) {
                if (!a.equals(x)) {
                    ys.add(a);
                }
            }
        } else {
            for (String a : y) {
                require(table, a, "--y");
                ys.add(a);
            }
        }
        if (ys.isEmpty()) {
            throw new QuiverUserException(table.source() + " has only '" + x + "': give another algorithm to compare");
        }
        Map<String, Estimate> results = new LinkedHashMap<>();
        for (String other : ys) {
            try {
                results.put(other, ProbabilityOfImprovement.estimate(table.matrix(x), table.matrix(other),
                        config.withSeed(config.seeds().child(x + " > " + other).seed())));
            } catch (IllegalArgumentException e) {
                throw new QuiverUserException(table.source() + ": " + x + " vs " + other + ": " + e.getMessage(), e);
            }
        }
        Table t = new Table("X", "Y", ">P(X > Y)", ">" + Math.round(config.confidence() * 100) + "% CI", "X better?");
        results.forEach((other, e) -> t.row(x, other, Format.num(e.point()), Format.interval(e),
                e.low() > 0.5 ? "yes" : e.high() < 0.5 ? "no (Y better)" : "unclear"));
        var out = spec.commandLine().getOut();
        t.print(out);
        out.println();
        out.println("Intervals: " + results.values().iterator().next().method() + ".");
        out.flush();
        if (json != null) {
            Map<String, Object> doc = new LinkedHashMap<>();
            results.forEach((other, e) -> doc.put(x + " > " + other, Json.estimate(e)));
            Json.writeFile(json, doc);
        }
        if (plot != null) {
            List<ImprovementPair> pairs = new ArrayList<>();
            results.forEach((other, e) -> pairs.add(new ImprovementPair(x, other, e)));
            ProbabilityOfImprovementPlot.of(pairs)
                    .withStyle(PlotStyle.defaults().withSize(700, Math.max(250, 100 + 45 * pairs.size())))
                    .save(plot);
        }
        return 0;
    }

    private static void require(ScoreTable table, String algorithm, String flag) {
        if (!table.algorithms().contains(algorithm)) {
            throw new QuiverUserException(flag + ": '" + algorithm + "' is not in " + table.source() + "; it has: "
                    + String.join(", ", table.algorithms()));
        }
    }
}
