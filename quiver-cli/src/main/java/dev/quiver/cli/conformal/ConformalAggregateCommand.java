package dev.quiver.cli.conformal;

import dev.quiver.cli.Json;
import dev.quiver.cli.Table;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.estimate.Estimate;
import dev.quiver.core.seed.Seeds;
import dev.quiver.uq.aggregation.AggregationSplit;
import dev.quiver.uq.aggregation.AggregationStudy;
import dev.quiver.uq.aggregation.BaseModel;
import dev.quiver.uq.aggregation.GlobalAggregator;
import dev.quiver.uq.aggregation.Granularity;
import dev.quiver.uq.aggregation.LocalAggregator;
import dev.quiver.uq.aggregation.MethodScores;
import dev.quiver.uq.data.TabularDataset;
import dev.quiver.uq.model.ResidualQuantileRegressor;
import dev.quiver.uq.model.linear.LinearQuantileRegression;
import dev.quiver.uq.model.mlp.MlpConfig;
import dev.quiver.uq.model.mlp.MlpQuantileRegressor;
import dev.quiver.uq.model.xgb.XgbConfig;
import dev.quiver.uq.model.xgb.XgbQuantileRegressor;
import dev.quiver.uq.model.xgb.XgbRegressor;
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
 * {@code quiver conformal aggregate}: quantile aggregation (Fakoor et al. 2023) against its base models on
 * repeated random splits: weighted interval score as predicted, sorted and isotonic, coverage of the outer
 * interval before and after conformal calibration, and the paired difference between each aggregate and the
 * best single base model.
 *
 * @see <a href="https://arxiv.org/abs/2103.00083">Fakoor, Kim, Mueller, Smola and Tibshirani (2023), Flexible
 *     Model Aggregation for Quantile Regression, arXiv:2103.00083</a>
 */
@Command(name = "aggregate", mixinStandardHelpOptions = true,
        description = {"Aggregate quantile models (Fakoor et al. 2023, arXiv:2103.00083). Each repeat splits the rows"
                + " (a random subsample of --max-rows) into base-training, aggregation, calibration and test parts; the"
                + " base models fit the training part, the aggregators' weights (global coarse/medium/fine, local"
                + " medium: an MLP of x) the aggregation part by minimising the weighted interval score plus a"
                + " crossing penalty, conformal offsets (CQR per central interval) the calibration part.",
            "Printed per method: test WIS (2 x mean pinball loss over the levels; lower is better) after sorting with a"
                + " 95%% bootstrap interval over repeats, as predicted and after isotonic regression, the share of"
                + " rows whose quantiles cross, and coverage/width of the outer interval before and after calibration;"
                + " then each aggregate minus the best single base model of the same split (chosen on the test rows)."})
public final class ConformalAggregateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    TabularInput input;

    @Option(names = "--levels", paramLabel = "T,T,...", split = ",",
            description = "Quantile levels, ascending and symmetric about 0.5 (default: 0.05,0.1,0.2,...,0.9,0.95).")
    List<Double> levels;

    @Option(names = "--models", paramLabel = "M,M,...", split = ",",
            defaultValue = "linear,xgboost,mlp,xgb-residual",
            description = "Base models: linear (linear quantile regression), xgboost (quantile loss), mlp (quantile"
                    + " loss), xgb-residual (xgboost mean + quantiles of 5-fold out-of-fold residuals), ols-residual"
                    + " (default: ${DEFAULT-VALUE}).")
    List<String> models;

    @Option(names = "--repeats", paramLabel = "R", defaultValue = "5",
            description = "Random splits (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "Root seed; repeat r uses the child stream repeat/r (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--max-rows", paramLabel = "N", defaultValue = "2000",
            description = "A random subsample of N rows per repeat, drawn before splitting; 0 for all rows (default:"
                    + " ${DEFAULT-VALUE}).")
    int maxRows;

    @Option(names = "--test-fraction", paramLabel = "F", defaultValue = "0.2",
            description = "Test share of the rows (default: ${DEFAULT-VALUE}).")
    double testFraction;

    @Option(names = "--aggregation-fraction", paramLabel = "F", defaultValue = "0.2",
            description = "Share of the non-test rows that fits the aggregation weights (default: ${DEFAULT-VALUE}).")
    double aggregationFraction;

    @Option(names = "--calibration-fraction", paramLabel = "F", defaultValue = "0.2",
            description = "Share of the non-test rows that calibrates the conformal offsets (default:"
                    + " ${DEFAULT-VALUE}).")
    double calibrationFraction;

    @Option(names = "--crossing-weight", paramLabel = "L", defaultValue = "1.0",
            description = "Weight of the crossing penalty (default: ${DEFAULT-VALUE}).")
    double crossingWeight;

    @Option(names = "--margin", paramLabel = "D", defaultValue = "0.0",
            description = "Margin of the crossing penalty in standardised target units (default: ${DEFAULT-VALUE}).")
    double margin;

    @Option(names = "--local", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Also fit the local (MLP-weighted, medium) aggregator (default: ${DEFAULT-VALUE}).")
    boolean local;

    @Option(names = "--xgb-rounds", paramLabel = "N", defaultValue = "200",
            description = "xgboost rounds of the xgboost and xgb-residual base models (default: ${DEFAULT-VALUE}).")
    int xgbRounds;

    @Option(names = "--xgb-eta", paramLabel = "E", defaultValue = "0.1",
            description = "xgboost learning rate (default: ${DEFAULT-VALUE}); depth 4, one thread.")
    double xgbEta;

    @Option(names = "--mlp-epochs", paramLabel = "E", defaultValue = "100",
            description = "Epochs of the mlp base model (64,64 ReLU, Adam 1e-3) (default: ${DEFAULT-VALUE}).")
    int mlpEpochs;

    @Option(names = "--json", paramLabel = "OUT", description = "Also write the results as JSON to OUT (atomically).")
    Path json;

    @Override
    public Integer call() {
        AggregationStudy study = study();
        TabularDataset data = input.load(false);
        if (repeats < 1) {
            throw new QuiverUserException("--repeats must be at least 1, got " + repeats);
        }
        PrintWriter out = spec.commandLine().getOut();
        double[] lv = study.levels();
        out.printf(Locale.ROOT, "quiver conformal aggregate: %s (%d rows, %d features, target %s), %d levels %s,"
                + " %d repeat%s, seed %d%n", input.describe(), data.size(), data.featureCount(), data.targetName(),
                lv.length, java.util.Arrays.toString(lv), repeats, repeats == 1 ? "" : "s", seed);
        List<AggregationSplit> splits = new ArrayList<>();
        long start = System.nanoTime();
        for (int r = 0; r < repeats; r++) {
            splits.add(study.run(data, Seeds.of(seed).child("repeat", r)));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        AggregationSplit first = splits.get(0);
        out.printf(Locale.ROOT, "rows per repeat: %d base-training, %d aggregation, %d calibration, %d test%s%n",
                first.train(), first.aggregation(), first.calibration(), first.test(),
                maxRows > 0 && maxRows < data.size() ? " (subsample of " + maxRows + ")" : "");
        double nominal = lv[lv.length - 1] - lv[0];
        List<String> methods = new ArrayList<>(first.scores().keySet());
        List<String> bases = new ArrayList<>();
        for (String m : methods) {
            if (study.baseModels().stream().anyMatch(b -> b.name().equals(m))) {
                bases.add(m);
            }
        }
        double[] best = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            best[r] = Double.POSITIVE_INFINITY;
            for (String b : bases) {
                best[r] = Math.min(best[r], splits.get(r).scores().get(b).wisSorted());
            }
        }
        Table t = new Table("method", ">WIS sorted [95% CI]", ">WIS raw", ">WIS isotonic", ">crossing rows",
                ">cov " + pct(nominal), ">width", ">calibrated WIS", ">cov", ">width");
        Map<String, Object> methodDoc = new LinkedHashMap<>();
        double worstSort = Double.NEGATIVE_INFINITY;
        double worstIso = Double.NEGATIVE_INFINITY;
        for (String m : methods) {
            double[][] v = columns(splits, m);
            Estimate wis = RepeatSummary.of(v[1], seed, "wis-" + m);
            t.row(m, RepeatSummary.format(wis), f(mean(v[0])), f(mean(v[2])), f(mean(v[3])), f(mean(v[6])),
                    f(mean(v[7])), f(mean(v[8])), f(mean(v[9])), f(mean(v[10])));
            for (int r = 0; r < repeats; r++) {
                worstSort = Math.max(worstSort, v[4][r]);
                worstIso = Math.max(worstIso, v[5][r]);
            }
            Map<String, Object> md = new LinkedHashMap<>();
            md.put("wis_sorted", Json.estimate(wis));
            String[] keys = {"wis_raw", "wis_sorted", "wis_isotonic", "crossing_share", "max_sort_increase",
                "max_isotonic_increase", "coverage", "width", "wis_calibrated", "coverage_calibrated",
                "width_calibrated"};
            Map<String, Object> per = new LinkedHashMap<>();
            for (int c = 0; c < keys.length; c++) {
                per.put(keys[c], v[c]);
            }
            md.put("per_repeat", per);
            methodDoc.put(m, md);
        }
        t.row("best base (per split)", RepeatSummary.format(RepeatSummary.of(best, seed, "best")), "", "", "", "", "", "",
                "", "");
        out.println("test scores (means over repeats; WIS sorted with a 95% bootstrap interval):");
        t.print(out);
        Table d = new Table("aggregate", ">WIS - best base [95% CI]", ">relative", ">splits better");
        Map<String, Object> diffDoc = new LinkedHashMap<>();
        for (String m : methods) {
            if (bases.contains(m) || m.equals("select")) {
                continue;
            }
            double[] diff = new double[repeats];
            double[] rel = new double[repeats];
            int wins = 0;
            for (int r = 0; r < repeats; r++) {
                diff[r] = splits.get(r).scores().get(m).wisSorted() - best[r];
                rel[r] = diff[r] / best[r];
                if (diff[r] < 0) {
                    wins++;
                }
            }
            Estimate de = RepeatSummary.of(diff, seed, "diff-" + m);
            Estimate re = RepeatSummary.of(rel, seed, "rel-" + m);
            d.row(m, RepeatSummary.format(de), String.format(Locale.ROOT, "%+.1f%%", 100 * re.point()),
                    wins + "/" + repeats);
            Map<String, Object> dd = new LinkedHashMap<>();
            dd.put("difference", Json.estimate(de));
            dd.put("relative", Json.estimate(re));
            dd.put("wins", wins);
            dd.put("per_repeat", diff);
            diffDoc.put(m, dd);
        }
        out.println("aggregate minus the best single base model of each split (WIS after sorting; negative = better):");
        d.print(out);
        Map<String, Object> shareDoc = new LinkedHashMap<>();
        for (String g : first.modelShares().keySet()) {
            double[] s = new double[bases.size()];
            for (AggregationSplit sp : splits) {
                double[] v = sp.modelShares().get(g);
                for (int j = 0; j < s.length; j++) {
                    s[j] += v[j] / repeats;
                }
            }
            StringBuilder sb = new StringBuilder();
            Map<String, Object> sd = new LinkedHashMap<>();
            for (int j = 0; j < s.length; j++) {
                sb.append(j > 0 ? ", " : "").append(bases.get(j)).append(String.format(Locale.ROOT, " %.2f", s[j]));
                sd.put(bases.get(j), s[j]);
            }
            shareDoc.put(g, sd);
            out.printf(Locale.ROOT, "weight shares of %s: %s%n", g, sb);
        }
        Map<String, Integer> selectedCounts = new LinkedHashMap<>();
        for (AggregationSplit sp : splits) {
            selectedCounts.merge(sp.selected(), 1, Integer::sum);
        }
        out.printf(Locale.ROOT, "select picked (on the aggregation rows): %s%n", selectedCounts);
        out.printf(Locale.ROOT, "post-processing: largest per-row WIS increase over all methods, rows and repeats:"
                + " sorting %.3g, isotonic %.3g (theory: never above 0)%n", worstSort, worstIso);
        out.printf(Locale.ROOT, "took %.1f s%n", seconds);
        out.flush();
        if (json != null) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("command", "conformal aggregate");
            doc.put("data", input.describe());
            doc.put("rows", data.size());
            doc.put("levels", lv);
            doc.put("models", study.baseModels().stream().map(BaseModel::name).toList());
            doc.put("repeats", repeats);
            doc.put("seed", seed);
            doc.put("max_rows", maxRows);
            doc.put("n_train", first.train());
            doc.put("n_aggregation", first.aggregation());
            doc.put("n_calibration", first.calibration());
            doc.put("n_test", first.test());
            doc.put("nominal_outer_coverage", nominal);
            doc.put("crossing_weight", crossingWeight);
            doc.put("margin", margin);
            doc.put("methods", methodDoc);
            doc.put("best_base_per_repeat", best);
            doc.put("minus_best_base", diffDoc);
            doc.put("weight_shares", shareDoc);
            doc.put("selected", selectedCounts);
            doc.put("max_sort_increase", worstSort);
            doc.put("max_isotonic_increase", worstIso);
            doc.put("seconds", seconds);
            Json.writeFile(json, doc);
        }
        return 0;
    }

    private AggregationStudy study() {
        double[] lv = levels == null ? AggregationStudy.defaultLevels()
                : levels.stream().mapToDouble(Double::doubleValue).toArray();
        for (int k = 0; k < lv.length; k++) {
            if (!(lv[k] > 0 && lv[k] < 1) || (k > 0 && !(lv[k] > lv[k - 1]))
                    || Math.abs(lv[k] + lv[lv.length - 1 - k] - 1) > 1e-9) {
                throw new QuiverUserException("--levels must be ascending in (0, 1) and symmetric about 0.5 (tau and"
                        + " 1 - tau), got " + levels);
            }
        }
        if (lv.length < 2) {
            throw new QuiverUserException("--levels needs at least two levels, got " + levels);
        }
        if (xgbRounds < 1 || !(xgbEta > 0) || mlpEpochs < 1) {
            throw new QuiverUserException("--xgb-rounds and --mlp-epochs must be >= 1 and --xgb-eta > 0");
        }
        if (!(crossingWeight >= 0) || !(margin >= 0) || !Double.isFinite(crossingWeight) || !Double.isFinite(margin)) {
            throw new QuiverUserException("--crossing-weight and --margin must be finite and >= 0");
        }
        if (!(testFraction > 0 && testFraction < 1) || !(aggregationFraction > 0) || !(calibrationFraction > 0)
                || !(aggregationFraction + calibrationFraction < 1)) {
            throw new QuiverUserException("need --test-fraction in (0, 1) and positive --aggregation-fraction and"
                    + " --calibration-fraction summing below 1");
        }
        if (maxRows != 0 && maxRows < 50) {
            throw new QuiverUserException("--max-rows must be 0 (all rows) or at least 50, got " + maxRows);
        }
        XgbConfig xgb = XgbConfig.defaults().withRounds(xgbRounds).withEta(xgbEta);
        List<BaseModel> base = new ArrayList<>();
        for (String m : models) {
            String name = m.trim().toLowerCase(Locale.ROOT);
            base.add(switch (name) {
                case "linear" -> new BaseModel("linear-qr", LinearQuantileRegression.defaults());
                case "xgboost" -> new BaseModel("xgb-qr", new XgbQuantileRegressor(xgb));
                case "mlp" -> new BaseModel("mlp-qr", new MlpQuantileRegressor(MlpConfig.defaults().withEpochs(mlpEpochs)));
                case "xgb-residual" -> new BaseModel("xgb-residual", new ResidualQuantileRegressor(new XgbRegressor(xgb), 5));
                case "ols-residual" -> new BaseModel("ols-residual", new ResidualQuantileRegressor(
                        dev.quiver.uq.model.linear.LinearRegression.ols(), 5));
                default -> throw new QuiverUserException("--models: unknown model '" + m + "'; choose from linear, xgboost,"
                        + " mlp, xgb-residual, ols-residual");
            });
        }
        if (base.stream().map(BaseModel::name).distinct().count() != base.size()) {
            throw new QuiverUserException("--models lists a model twice: " + models);
        }
        GlobalAggregator g = GlobalAggregator.defaults().withCrossingWeight(crossingWeight).withMargin(margin);
        LocalAggregator l = local ? LocalAggregator.defaults().withGranularity(Granularity.MEDIUM)
                .withCrossingWeight(crossingWeight) : null;
        if (l != null && margin > 0) {
            l = new LocalAggregator(l.granularity(), l.crossingWeight(), margin, l.network());
        }
        return new AggregationStudy(lv, base, g, l, testFraction, aggregationFraction, calibrationFraction, maxRows);
    }

    /** {@code [field][repeat]} in the order of {@link MethodScores}' components. */
    private static double[][] columns(List<AggregationSplit> splits, String m) {
        double[][] v = new double[11][splits.size()];
        for (int r = 0; r < splits.size(); r++) {
            MethodScores s = splits.get(r).scores().get(m);
            double[] row = {s.wisRaw(), s.wisSorted(), s.wisIsotonic(), s.crossingShare(), s.maxSortIncrease(),
                s.maxIsotonicIncrease(), s.coverage(), s.width(), s.wisCalibrated(), s.coverageCalibrated(),
                s.widthCalibrated()};
            for (int c = 0; c < row.length; c++) {
                v[c][r] = row[c];
            }
        }
        return v;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * v);
    }
}
