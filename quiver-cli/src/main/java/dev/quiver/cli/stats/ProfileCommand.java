package dev.quiver.cli.stats;

import dev.quiver.cli.Format;
import dev.quiver.cli.Json;
import dev.quiver.cli.Table;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.eval.bootstrap.BootstrapConfig;
import dev.quiver.eval.profile.PerformanceProfile;
import dev.quiver.eval.scores.ScoreTable;
import dev.quiver.report.plot.PerformanceProfilePlot;
import dev.quiver.report.plot.ProfileCurve;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code quiver stats profile}: performance profiles (score distributions) with stratified-bootstrap
 * bands, as rliable's {@code create_performance_profile}.
 *
 * @see <a href="https://arxiv.org/abs/2108.13264">Agarwal et al. (2021), arXiv:2108.13264, section 4</a>
 */
@Command(name = "profile", mixinStandardHelpOptions = true,
        description = {"Performance profiles: for each threshold tau, the fraction of runs (averaged over tasks)"
                + " scoring above tau (--kind runs), or the fraction of tasks whose mean score is above tau"
                + " (--kind average), with stratified-bootstrap confidence bands (Agarwal et al. 2021).",
            "Prints the profile at a few thresholds; --json writes the whole curves, --plot draws them."})
public final class ProfileCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ScoreInput input;

    @Mixin
    BootstrapOptions bootstrap;

    @Option(names = "--kind", paramLabel = "runs|average", defaultValue = "runs",
            description = "runs: score distribution over runs; average: over per-task mean scores (default:"
                    + " ${DEFAULT-VALUE}).")
    String kind;

    @Option(names = "--tau-max", paramLabel = "T", defaultValue = "8",
            description = "Largest threshold of the grid 0..T (default: ${DEFAULT-VALUE}).")
    double tauMax;

    @Option(names = "--tau-points", paramLabel = "N", defaultValue = "81",
            description = "Number of thresholds on the grid (default: ${DEFAULT-VALUE}).")
    int tauPoints;

    @Option(names = "--taus", paramLabel = "T1,T2", split = ",",
            description = "Explicit thresholds (replace the grid).")
    List<Double> taus;

    @Option(names = "--log-x", description = "Plot the thresholds on a log scale (thresholds must be > 0).")
    boolean logX;

    @Option(names = "--json", paramLabel = "OUT.json", description = "Also write the curves and bands as JSON.")
    Path json;

    @Option(names = "--plot", paramLabel = "OUT.png|OUT.svg", description = "Also draw the profiles.")
    Path plot;

    @Override
    public Integer call() {
        PerformanceProfile.Kind k = switch (kind.toLowerCase(Locale.ROOT)) {
            case "runs", "run", "run-score" -> PerformanceProfile.Kind.RUN_SCORE;
            case "average", "avg", "average-score" -> PerformanceProfile.Kind.AVERAGE_SCORE;
            default -> throw new QuiverUserException("--kind must be runs or average, got '" + kind + "'");
        };
        double[] grid = grid();
        BootstrapConfig config = bootstrap.config(PerformanceProfile.DEFAULT_REPS);
        ScoreTable table = input.load();
        Map<String, PerformanceProfile> profiles = new LinkedHashMap<>();
        for (String alg : table.algorithms()) {
            try {
                profiles.put(alg, PerformanceProfile.of(k, table.matrix(alg), grid,
                        config.withSeed(config.seeds().child(alg).seed())));
            } catch (IllegalArgumentException e) {
                throw new QuiverUserException(table.source() + ": algorithm '" + alg + "': " + e.getMessage(), e);
            }
        }
        print(spec.commandLine().getOut(), profiles, grid, config, k);
        if (json != null) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("kind", k == PerformanceProfile.Kind.RUN_SCORE ? "runs" : "average");
            doc.put("tau", grid);
            Map<String, Object> curves = new LinkedHashMap<>();
            profiles.forEach((alg, p) -> curves.put(alg, Map.of("point", p.point(), "low", p.low(), "high", p.high())));
            doc.put("profiles", curves);
            doc.put("method", profiles.values().iterator().next().method());
            Json.writeFile(json, doc);
        }
        if (plot != null) {
            List<ProfileCurve> curves = new ArrayList<>();
            profiles.forEach((alg, p) -> curves.add(new ProfileCurve(alg, grid, p.point(), p.low(), p.high())));
            PerformanceProfilePlot.of(curves).withLogX(logX)
                    .withLabels(input.normalised() ? "Normalized score (τ)" : "Score (τ)",
                            k == PerformanceProfile.Kind.RUN_SCORE ? "Fraction of runs with score > τ"
                                    : "Fraction of tasks with mean score > τ")
                    .save(plot);
        }
        return 0;
    }

    private double[] grid() {
        if (taus != null && !taus.isEmpty()) {
            double[] g = new double[taus.size()];
            for (int i = 0; i < g.length; i++) {
                g[i] = taus.get(i);
                if (!Double.isFinite(g[i])) {
                    throw new QuiverUserException("--taus: value " + (i + 1) + " is not a finite number: " + taus.get(i));
                }
            }
            return g;
        }
        if (tauPoints < 2) {
            throw new QuiverUserException("--tau-points must be at least 2, got " + tauPoints);
        }
        if (!(tauMax > 0) || !Double.isFinite(tauMax)) {
            throw new QuiverUserException("--tau-max must be a positive number, got " + tauMax);
        }
        return PerformanceProfile.linspace(logX ? tauMax / 100 : 0, tauMax, tauPoints);
    }

    private static void print(PrintWriter out, Map<String, PerformanceProfile> profiles, double[] grid,
            BootstrapConfig config, PerformanceProfile.Kind k) {
        int[] shown = shownIndices(grid);
        List<String> header = new ArrayList<>(List.of("algorithm"));
        for (int i : shown) {
            header.add(">τ=" + Format.trimmed(grid[i]));
        }
        Table t = new Table(header.toArray(String[]::new));
        profiles.forEach((alg, p) -> {
            List<Object> row = new ArrayList<>(List.of(alg));
            for (int i : shown) {
                row.add(Format.num(p.point()[i]) + " " + Format.interval(p.at(i)));
            }
            t.row(row.toArray());
        });
        t.print(out);
        out.println();
        out.println((k == PerformanceProfile.Kind.RUN_SCORE ? "Fraction of runs (averaged over tasks)"
                : "Fraction of tasks (by mean score)") + " above τ, with " + Math.round(config.confidence() * 100)
                + "% " + profiles.values().iterator().next().method() + " bands; " + grid.length
                + " thresholds in the curves (--json, --plot).");
        out.flush();
    }

    /** Up to five thresholds spread over the grid for the table. */
    private static int[] shownIndices(double[] grid) {
        int n = Math.min(5, grid.length);
        int[] idx = new int[n];
        for (int j = 0; j < n; j++) {
            idx[j] = n == 1 ? 0 : (int) Math.round(j * (grid.length - 1) / (double) (n - 1));
        }
        return idx;
    }
}
