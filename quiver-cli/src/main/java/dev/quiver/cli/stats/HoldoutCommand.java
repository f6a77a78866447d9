package dev.quiver.cli.stats;

import dev.quiver.cli.Json;
import dev.quiver.cli.Table;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.io.AtomicFiles;
import dev.quiver.eval.holdout.AdaptiveOverfittingExperiment.Config;
import dev.quiver.eval.holdout.AdaptiveOverfittingExperiment.Result;
import dev.quiver.eval.holdout.AdaptiveOverfittingExperiment.Row;
import dev.quiver.eval.holdout.AdaptiveOverfittingExperiment.Summary;
import dev.quiver.eval.holdout.AdaptiveOverfittingExperiment;
import dev.quiver.eval.holdout.ReusableHoldout;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code quiver stats holdout}: the adaptive-overfitting experiment of Dwork et al. (Science 2015), a
 * standard holdout against Thresholdout, by default at the paper's size (about a second per repetition
 * per two cores, so 1-2 minutes for the 100 repetitions; a progress line goes to stderr).
 */
@Command(name = "holdout", mixinStandardHelpOptions = true,
        description = {"Reproduce the reusable-holdout experiment of Dwork et al. (Science 2015, Figs. 1 and 2):"
                + " an analyst keeps the attributes whose correlation with the label passes a check on the training"
                + " set and on a reused holdout, builds the classifier sign(sum of sign(corr_j) x_j) from the k best,"
                + " and asks the holdout for its accuracy. Reported per k: training accuracy, holdout accuracy as"
                + " answered (standard holdout: as is; Thresholdout: T = 4/sqrt(n), sigma = 1/sqrt(n)) and accuracy"
                + " on fresh data, mean +- SD over the repetitions.",
            "Without --signal the label is independent of the data, so every true accuracy is 50%%: the standard"
                + " holdout climbs to about 63%% at k = 500, Thresholdout stays near 50%%. With --signal, 20"
                + " attributes are shifted by 6/sqrt(n) toward the label and both holdouts find it.",
            "The paper's size (the default: n = d = 10000, 100 repetitions) takes about 1-2 minutes on 2 cores;"
                + " memory stays small (attributes are regenerated from per-attribute seeds)."})
public final class HoldoutCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--n", paramLabel = "N", defaultValue = "10000",
            description = "Points in each of the training, holdout and fresh sets (default: ${DEFAULT-VALUE}, the paper's).")
    int n;

    @Option(names = "--d", paramLabel = "D", defaultValue = "10000",
            description = "Attributes (default: ${DEFAULT-VALUE}, the paper's).")
    int d;

    @Option(names = "--ks", paramLabel = "K,K,...", split = ",",
            description = "Numbers of selected variables, ascending, each at most D (default: the paper's"
                    + " 0,10,20,30,45,70,100,150,200,250,300,400,500, without those above D).")
    List<Integer> ks;

    @Option(names = "--reps", paramLabel = "R", defaultValue = "100",
            description = "Repetitions averaged (default: ${DEFAULT-VALUE}, the paper's).")
    int reps;

    @Option(names = "--signal",
            description = "Shift 20 attributes by 6/sqrt(n) toward the label (the paper's Fig. 2); default: no signal (Fig. 1).")
    boolean signal;

    @Option(names = "--noise", paramLabel = "gaussian|laplace", defaultValue = "gaussian",
            description = "Thresholdout's noise: gaussian = the authors' experiment code (eta, xi ~ N(0, sigma^2), no"
                    + " threshold noise), laplace = the paper's pseudo-code (gamma ~ Lap(2 sigma), eta ~ Lap(4 sigma),"
                    + " xi ~ Lap(sigma)) (default: ${DEFAULT-VALUE}).")
    String noise;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "Root seed; every attribute of every set has its own stream derived from it"
                    + " (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", paramLabel = "OUT", description = "Also write the settings and results as JSON to OUT.")
    Path json;

    @Option(names = "--csv", paramLabel = "OUT",
            description = "Also write the table as CSV to OUT (per k: mean, sd and 95%% interval of each accuracy).")
    Path csv;

    @Option(names = "--no-progress", description = "Print no progress lines.")
    boolean noProgress;

    /** The accuracy columns, in table order: name, header, accessor. */
    private record Column(String name, String header, java.util.function.Function<Row, Summary> get) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("standard_train", "standard: train", Row::standardTrain),
            new Column("standard_holdout", "holdout", Row::standardHoldout),
            new Column("standard_fresh", "fresh", Row::standardFresh),
            new Column("thresholdout_train", "Thresholdout: train", Row::thresholdoutTrain),
            new Column("thresholdout_holdout", "holdout", Row::thresholdoutHoldout),
            new Column("thresholdout_fresh", "fresh", Row::thresholdoutFresh));

    @Override
    public Integer call() {
        Config config = config();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        out.println("quiver stats holdout: " + config.describe());
        out.flush();
        long start = System.nanoTime();
        long[] lastPrint = {start};
        Result result = AdaptiveOverfittingExperiment.run(config, done -> {
            long now = System.nanoTime();
            if (noProgress || (done < config.repetitions() && now - lastPrint[0] < 5_000_000_000L && done > 1)) {
                return;
            }
            lastPrint[0] = now;
            double elapsed = (now - start) / 1e9;
            double left = elapsed / done * (config.repetitions() - done);
            err.printf(Locale.ROOT, "  repetition %d/%d, %.1f s elapsed%s%n", done, config.repetitions(), elapsed,
                    done < config.repetitions() ? String.format(Locale.ROOT, ", about %.0f s left", left) : "");
            err.flush();
        });
        double seconds = (System.nanoTime() - start) / 1e9;

        List<String[]> rows = new ArrayList<>();
        for (Row r : result.rows()) {
            String[] cells = new String[COLUMNS.size() + 1];
            cells[0] = String.valueOf(r.k());
            for (int c = 0; c < COLUMNS.size(); c++) {
                cells[c + 1] = cell(COLUMNS.get(c).get().apply(r));
            }
            rows.add(cells);
        }
        String[] header = new String[COLUMNS.size() + 1];
        header[0] = "k";
        for (int c = 0; c < COLUMNS.size(); c++) {
            header[c + 1] = COLUMNS.get(c).header();
        }
        printTable(out, header, rows);
        out.printf(Locale.ROOT, "accuracy, mean +- SD over %d repetition%s (k = 0: no classifier, 0.5 by definition);"
                + " true accuracy is the fresh column%n", config.repetitions(), config.repetitions() == 1 ? "" : "s");
        out.printf(Locale.ROOT, "attributes kept: %.1f with the standard holdout, %.1f with Thresholdout; Thresholdout"
                + " revealed %.1f noisy holdout values per repetition (budget used)%n", result.standardSelected().mean(),
                result.thresholdoutSelected().mean(), result.overThresholdAnswers().mean());
        out.printf(Locale.ROOT, "took %.1f s%n", seconds);
        out.flush();
        if (json != null) {
            Json.writeFile(json, document(result, seconds));
        }
        if (csv != null) {
            writeCsv(csv, result);
        }
        return 0;
    }

    /** The experiment's settings from the flags; bad values are user errors naming the flag. */
    Config config() {
        if (n < 1) {
            throw new QuiverUserException("--n must be at least 1, got " + n);
        }
        if (d < 1) {
            throw new QuiverUserException("--d must be at least 1, got " + d);
        }
        if (reps < 1) {
            throw new QuiverUserException("--reps must be at least 1, got " + reps);
        }
        ReusableHoldout.Noise kind = switch (noise.trim().toLowerCase(Locale.ROOT)) {
            case "gaussian" -> ReusableHoldout.Noise.GAUSSIAN;
            case "laplace" -> ReusableHoldout.Noise.LAPLACE;
            default -> throw new QuiverUserException("--noise " + noise + ": expected gaussian (the authors' experiment"
                    + " code) or laplace (the paper's pseudo-code)");
        };
        List<Integer> grid;
        if (ks == null) {
            grid = AdaptiveOverfittingExperiment.PAPER_KS.stream().filter(k -> k <= d).toList();
        } else {
            grid = List.copyOf(ks);
            if (grid.isEmpty()) {
                throw new QuiverUserException("--ks is empty; give numbers of variables such as 0,10,20");
            }
            for (int i = 0; i < grid.size(); i++) {
                int k = grid.get(i);
                if (k < 0 || k > d) {
                    throw new QuiverUserException("--ks " + k + ": every k must be between 0 and --d (" + d + ")");
                }
                if (i > 0 && k <= grid.get(i - 1)) {
                    throw new QuiverUserException("--ks must be strictly ascending, got " + grid);
                }
            }
        }
        Config c = Config.paper().withN(n).withD(d).withKs(grid).withRepetitions(reps).withSeed(seed).withNoise(kind);
        return signal ? c.withSignal() : c;
    }

    private static String cell(Summary s) {
        return Double.isNaN(s.sd()) ? String.format(Locale.ROOT, "%.3f", s.mean())
                : String.format(Locale.ROOT, "%.3f +- %.3f", s.mean(), s.sd());
    }

    private static Map<String, Object> document(Result result, double seconds) {
        Config c = result.config();
        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put("n", c.n());
        cfg.put("d", c.d());
        cfg.put("ks", c.ks());
        cfg.put("repetitions", c.repetitions());
        cfg.put("seed", c.seed());
        cfg.put("signal_features", c.signalFeatures());
        cfg.put("signal_shift", c.signalShift());
        cfg.put("selection_threshold", c.selectionThreshold());
        cfg.put("thresholdout_threshold", c.threshold());
        cfg.put("thresholdout_sigma", c.sigma());
        cfg.put("thresholdout_noise", c.noise());
        List<Object> rows = new ArrayList<>();
        for (Row r : result.rows()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("k", r.k());
            for (Column col : COLUMNS) {
                Summary s = col.get().apply(r);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("mean", s.mean());
                m.put("sd", s.sd());
                m.put("mean_interval", s.interval());
                row.put(col.name(), m);
            }
            rows.add(row);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("command", "stats holdout");
        doc.put("paper", "Dwork, Feldman, Hardt, Pitassi, Reingold, Roth (2015). The reusable holdout: Preserving"
                + " validity in adaptive data analysis. Science 349(6248), 636-638");
        doc.put("config", cfg);
        doc.put("rows", rows);
        doc.put("standard_selected_mean", result.standardSelected().mean());
        doc.put("thresholdout_selected_mean", result.thresholdoutSelected().mean());
        doc.put("thresholdout_over_threshold_answers_mean", result.overThresholdAnswers().mean());
        doc.put("seconds", seconds);
        return doc;
    }

    private static void writeCsv(Path out, Result result) {
        StringBuilder sb = new StringBuilder("k");
        for (Column col : COLUMNS) {
            sb.append(',').append(col.name()).append("_mean,").append(col.name()).append("_sd,").append(col.name())
                    .append("_low,").append(col.name()).append("_high");
        }
        sb.append('\n');
        for (Row r : result.rows()) {
            sb.append(r.k());
            for (Column col : COLUMNS) {
                Summary s = col.get().apply(r);
                for (double v : new double[] {s.mean(), s.sd(), s.interval().low(), s.interval().high()}) {
                    sb.append(',').append(Double.isNaN(v) ? "" : Double.toString(v));
                }
            }
            sb.append('\n');
        }
        AtomicFiles.writeString(out, sb, "--csv " + out);
    }

    /** Prints a table whose first column is left-aligned and the others right-aligned. */
    private static void printTable(PrintWriter out, String[] header, List<String[]> rows) {
        Table.print(out, header, rows, true);
    }
}
