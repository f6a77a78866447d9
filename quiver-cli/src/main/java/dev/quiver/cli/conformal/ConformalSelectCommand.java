package dev.quiver.cli.conformal;

import dev.quiver.cli.Json;
import dev.quiver.cli.Table;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.seed.Seeds;
import dev.quiver.uq.data.DataSplit;
import dev.quiver.uq.data.Matrix;
import dev.quiver.uq.data.TabularDataset;
import dev.quiver.uq.model.RegressionModel;
import dev.quiver.uq.selection.ConformalSelection;
import dev.quiver.uq.selection.OptimizedConformalSelection;
import dev.quiver.uq.selection.OptimizedSelection;
import dev.quiver.uq.selection.Selection;
import dev.quiver.uq.selection.SelectionMetrics;
import dev.quiver.uq.selection.SelectionSimulation;
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
 * {@code quiver conformal select}: conformal selection of the test units whose outcome exceeds a threshold, with
 * BH per model (Jin and Candès 2023) and OptCS's choice among the models (Bai and Jin 2024), reporting the number
 * selected, the realised FDP and the power on held-out labelled units, averaged over repeats with Monte Carlo
 * standard errors.
 */
@Command(name = "select", mixinStandardHelpOptions = true,
        description = {"Select the test units whose outcome Y exceeds --threshold while keeping the false discovery"
                + " rate at --q. Each repeat fits every model in --models on a training part, computes conformal"
                + " p-values on a calibration part with the clipped score (Jin and Candes 2023) and selects among the"
                + " test part: with BH for each model alone, and (--method optcs) with OptCS, which lets each test unit"
                + " choose the model with the largest BH selection and keeps FDR control through e-values and e-BH"
                + " (Bai and Jin 2024, OptCS-MSel). Printed per method: units selected, FDR (mean FDP) and power, with"
                + " Monte Carlo standard errors over repeats; 'naive max' (the largest BH selection over models, no"
                + " correction) is shown to illustrate why the correction is needed.",
            "Data: --data FILE.csv --target COLUMN, a CQR benchmark (--dataset NAME), or Jin and Candes's simulation"
                + " (--simulate 1..8: X ~ U[-1,1]^20, fresh training, calibration and test units every repeat)."})
public final class ConformalSelectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    TabularInput input;

    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--threshold", paramLabel = "C",
            description = "Select units with Y > C; the null hypothesis of a unit is Y <= C (default for --simulate: 0).")
    Double threshold;

    @Option(names = "--q", paramLabel = "Q", defaultValue = "0.1",
            description = "Target FDR level in (0, 1) (default: ${DEFAULT-VALUE}).")
    double q;

    @Option(names = "--models", paramLabel = "M,M,...", split = ",", defaultValue = "ols,xgboost",
            description = "Candidate models: ols, ridge, xgboost, mlp, xgboost-qT, linear-qT (T a quantile level, e.g."
                    + " xgboost-q0.7) (default: ${DEFAULT-VALUE}).")
    List<String> models;

    @Option(names = "--method", paramLabel = "METHOD", defaultValue = "optcs",
            description = "optcs (OptCS over --models, plus BH per model for comparison) or bh (BH per model only)"
                    + " (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--optcs-beta", paramLabel = "B",
            description = "Also run OptCS with e-values at the slack B in (0, 1): cut-off B q R_j / m, value"
                    + " m / (B q R_j), as the authors' code does with 0.9 (still FDR-controlling; default: none).")
    Double optcsBeta;

    @Option(names = "--test-fraction", paramLabel = "F", defaultValue = "0.2",
            description = "Data: share of rows held out as test units (default: ${DEFAULT-VALUE}).")
    double testFraction;

    @Option(names = "--calibration-fraction", paramLabel = "F", defaultValue = "0.5",
            description = "Data: share of the non-test rows used for calibration (default: ${DEFAULT-VALUE}).")
    double calibrationFraction;

    @Option(names = "--max-rows", paramLabel = "N",
            description = "Data: use a random subsample of N rows in each repeat (default: all rows).")
    Integer maxRows;

    @Option(names = "--simulate", paramLabel = "SETTING",
            description = "Jin and Candes's simulation setting 1..8 instead of data.")
    Integer simulate;

    @Option(names = "--sigma", paramLabel = "S", defaultValue = "0.5",
            description = "--simulate: noise level sigma (default: ${DEFAULT-VALUE}).")
    double sigma;

    @Option(names = "--n-train", paramLabel = "N", defaultValue = "1000",
            description = "--simulate: training units per repeat (default: ${DEFAULT-VALUE}).")
    int nTrain;

    @Option(names = "--n-calib", paramLabel = "N", defaultValue = "1000",
            description = "--simulate: calibration units per repeat (default: ${DEFAULT-VALUE}).")
    int nCalib;

    @Option(names = "--n-test", paramLabel = "M", defaultValue = "100",
            description = "--simulate: test units per repeat (default: ${DEFAULT-VALUE}).")
    int nTest;

    @Option(names = "--repeats", paramLabel = "R", defaultValue = "1",
            description = "Repetitions; output gives means with Monte Carlo standard errors (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "Root seed; repeat r uses the child stream repeat/r (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", paramLabel = "OUT", description = "Also write the results as JSON to OUT (atomically).")
    Path json;

    /** The three parts of one repeat. */
    private record Parts(Matrix xTrain, double[] yTrain, Matrix xCal, double[] yCal, Matrix xTest, double[] yTest,
            int[] testRows) {
    }

    @Override
    public Integer call() {
        boolean optcs = switch (method.trim().toLowerCase(Locale.ROOT)) {
            case "optcs" -> true;
            case "bh" -> false;
            default -> throw new QuiverUserException("--method " + method + ": choose optcs or bh");
        };
        if (!(q > 0 && q < 1)) {
            throw new QuiverUserException("--q must be in (0, 1), got " + q);
        }
        if (repeats < 1) {
            throw new QuiverUserException("--repeats must be at least 1, got " + repeats);
        }
        if (optcsBeta != null && !(optcsBeta > 0 && optcsBeta < 1)) {
            throw new QuiverUserException("--optcs-beta must be in (0, 1), got " + optcsBeta);
        }
        if (optcsBeta != null && !optcs) {
            throw new QuiverUserException("--optcs-beta needs --method optcs");
        }
        List<SelectionModels.Named> candidates = SelectionModels.parse(models, modelOptions);
        int k = candidates.size();
        TabularDataset data = null;
        SelectionSimulation sim = null;
        String source;
        if (simulate != null) {
            if (input.data != null || input.dataset != null) {
                throw new QuiverUserException("give either --simulate SETTING or data (--data / --dataset), not both");
            }
            try {
                sim = new SelectionSimulation(simulate, sigma);
            } catch (IllegalArgumentException e) {
                throw new QuiverUserException("--simulate " + simulate + " --sigma " + sigma + ": " + e.getMessage());
            }
            if (nTrain < 2 || nCalib < 1 || nTest < 1) {
                throw new QuiverUserException("--n-train must be at least 2, --n-calib and --n-test at least 1");
            }
            source = "simulation setting " + simulate + " (sigma " + sigma + ")";
        } else {
            data = input.load(false);
            if (threshold == null) {
                throw new QuiverUserException("--threshold C is required with data: units with " + data.targetName()
                        + " > C are the ones to select");
            }
            checkFractions(data.size());
            source = input.describe();
        }
        double c = threshold == null ? 0 : threshold;
        if (!Double.isFinite(c)) {
            throw new QuiverUserException("--threshold must be a finite number, got " + threshold);
        }
        PrintWriter out = spec.commandLine().getOut();
        List<String> names = candidates.stream().map(SelectionModels.Named::name).toList();
        out.printf(Locale.ROOT, "quiver conformal select: method %s, q %s, threshold %s, models %s, %d repeat%s, seed %d%n",
                optcs ? "optcs" : "bh", q, c, String.join(",", names), repeats, repeats == 1 ? "" : "s", seed);
        out.flush();
        List<String> rowNames = new ArrayList<>();
        for (String n : names) {
            rowNames.add("BH " + n);
        }
        if (k > 1) {
            rowNames.add("BH, random single model");
            rowNames.add("naive max BH (no FDR guarantee)");
        }
        if (optcs) {
            rowNames.add("OptCS");
        }
        if (optcsBeta != null) {
            rowNames.add("OptCS (beta " + optcsBeta + ")");
        }
        int rowsOut = rowNames.size();
        double[][] fdp = new double[rowsOut][repeats];
        double[][] power = new double[rowsOut][repeats];
        double[][] size = new double[rowsOut][repeats];
        long[] choices = new long[k];
        long chooserUnits = 0;
        int[] lastSelected = null;
        int[] lastTestRows = null;
        int[] partSizes = new int[3];
        long start = System.nanoTime();
        for (int rep = 0; rep < repeats; rep++) {
            Seeds seeds = Seeds.of(seed).child("repeat", rep);
            Parts parts = sim != null ? simulated(sim, seeds) : split(data, seeds);
            partSizes = new int[] {parts.yTrain.length, parts.yCal.length, parts.yTest.length};
            double[][] calPred = new double[k][];
            double[][] testPred = new double[k][];
            for (int m = 0; m < k; m++) {
                RegressionModel model = candidates.get(m).regressor().fit(parts.xTrain, parts.yTrain,
                        seeds.child("model", m));
                calPred[m] = model.predict(parts.xCal);
                testPred[m] = model.predict(parts.xTest);
            }
            int best = 0;
            int[][] bh = new int[k][];
            for (int m = 0; m < k; m++) {
                Selection s = ConformalSelection.clipped(c, q).select(calPred[m], parts.yCal, testPred[m],
                        seeds.child("bh", m).rng());
                bh[m] = s.selected();
                record(fdp, power, size, m, rep, bh[m], parts.yTest, c);
                if (bh[m].length > bh[best].length) {
                    best = m;
                }
            }
            int row = k;
            if (k > 1) {
                for (int m = 0; m < k; m++) {
                    fdp[row][rep] += fdp[m][rep] / k;
                    power[row][rep] += power[m][rep] / k;
                    size[row][rep] += size[m][rep] / k;
                }
                row++;
                record(fdp, power, size, row++, rep, bh[best], parts.yTest, c);
            }
            lastSelected = bh[0];
            if (optcs) {
                OptimizedSelection o = new OptimizedConformalSelection(c, q).select(calPred, parts.yCal, testPred,
                        seeds.child("optcs").rng());
                record(fdp, power, size, row, rep, o.selected(), parts.yTest, c);
                int[] counts = o.modelCounts(k);
                for (int m = 0; m < k; m++) {
                    choices[m] += counts[m];
                }
                chooserUnits += parts.yTest.length;
                lastSelected = o.selected();
                if (optcsBeta != null) {
                    OptimizedSelection b = new OptimizedConformalSelection(c, q, optcsBeta).select(calPred, parts.yCal,
                            testPred, seeds.child("optcs").rng());
                    record(fdp, power, size, row + 1, rep, b.selected(), parts.yTest, c);
                }
            }
            lastTestRows = parts.testRows;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "data: %s; per repeat %d training, %d calibration, %d test units%n", source,
                partSizes[0], partSizes[1], partSizes[2]);
        boolean single = repeats == 1;
        Table t = new Table("method", ">selected", single ? ">FDP" : ">FDR (mean FDP ± se)", single ? ">power"
                : ">power ± se");
        Map<String, Object> results = new LinkedHashMap<>();
        for (int r = 0; r < rowsOut; r++) {
            MonteCarloMean f = MonteCarloMean.of(fdp[r]);
            MonteCarloMean p = MonteCarloMean.of(power[r]);
            MonteCarloMean s = MonteCarloMean.of(size[r]);
            t.row(rowNames.get(r), single ? String.format(Locale.ROOT, "%.0f", s.mean()) : s.format(), f.format(),
                    p.format());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("selected", s.mean());
            m.put("selected_se", s.standardError());
            m.put("fdr", f.mean());
            m.put("fdr_se", f.standardError());
            m.put("power", p.mean());
            m.put("power_se", p.standardError());
            results.put(rowNames.get(r), m);
        }
        t.print(out);
        Map<String, Object> share = new LinkedHashMap<>();
        if (optcs) {
            StringBuilder sb = new StringBuilder("OptCS model choices (share of test units):");
            for (int m = 0; m < k; m++) {
                double v = choices[m] / (double) chooserUnits;
                share.put(names.get(m), v);
                sb.append(String.format(Locale.ROOT, " %s %.1f%%", names.get(m), 100 * v));
            }
            out.println(sb);
        }
        out.printf(Locale.ROOT, "FDR guarantee: at most q = %s for every BH row but 'naive max', and for OptCS; %s%n",
                q, single ? "one repeat shows one realised FDP, not the FDR" : "se: Monte Carlo standard error over "
                        + repeats + " repeats");
        out.printf(Locale.ROOT, "took %.1f s%n", seconds);
        out.flush();
        if (json != null) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("command", "conformal select");
            doc.put("data", source);
            doc.put("threshold", c);
            doc.put("q", q);
            doc.put("models", names);
            doc.put("method", optcs ? "optcs" : "bh");
            doc.put("optcs_beta", optcsBeta);
            doc.put("repeats", repeats);
            doc.put("seed", seed);
            doc.put("n_train", partSizes[0]);
            doc.put("n_calibration", partSizes[1]);
            doc.put("n_test", partSizes[2]);
            doc.put("results", results);
            doc.put("optcs_model_share", optcs ? share : null);
            if (single && lastTestRows != null) {
                List<Integer> rows = new ArrayList<>();
                for (int j : lastSelected) {
                    rows.add(lastTestRows[j] + 1);
                }
                doc.put("selected_by", optcs ? "OptCS" : "BH " + names.get(0));
                doc.put("selected_data_rows", rows);
            }
            Map<String, Object> per = new LinkedHashMap<>();
            for (int r = 0; r < rowsOut; r++) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("fdp", fdp[r]);
                m.put("power", power[r]);
                m.put("selected", size[r]);
                per.put(rowNames.get(r), m);
            }
            doc.put("per_repeat", per);
            doc.put("seconds", seconds);
            Json.writeFile(json, doc);
        }
        return 0;
    }

    private static void record(double[][] fdp, double[][] power, double[][] size, int row, int rep, int[] selected,
            double[] y, double c) {
        fdp[row][rep] = SelectionMetrics.falseDiscoveryProportion(selected, y, c);
        power[row][rep] = SelectionMetrics.power(selected, y, c);
        size[row][rep] = selected.length;
    }

    private Parts simulated(SelectionSimulation sim, Seeds seeds) {
        SelectionSimulation.Sample train = sim.sample(nTrain, seeds.child("train").rng());
        SelectionSimulation.Sample cal = sim.sample(nCalib, seeds.child("calibration").rng());
        SelectionSimulation.Sample test = sim.sample(nTest, seeds.child("test").rng());
        return new Parts(train.x(), train.y(), cal.x(), cal.y(), test.x(), test.y(), null);
    }

    private Parts split(TabularDataset data, Seeds seeds) {
        int n = data.size();
        int[] pool = null;
        if (maxRows != null && maxRows < n) {
            pool = java.util.Arrays.copyOf(DataSplit.permutation(n, seeds.child("subsample").rng()), maxRows);
        }
        int used = pool == null ? n : pool.length;
        DataSplit s = DataSplit.random(used, testFraction, calibrationFraction, seeds.child("split").rng());
        int[] tr = map(s.train(), pool);
        int[] cal = map(s.calibration(), pool);
        int[] te = map(s.test(), pool);
        TabularDataset a = data.select(tr);
        TabularDataset b = data.select(cal);
        TabularDataset d = data.select(te);
        return new Parts(a.features(), a.target(), b.features(), b.target(), d.features(), d.target(), te);
    }

    private static int[] map(int[] idx, int[] pool) {
        if (pool == null) {
            return idx;
        }
        int[] out = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = pool[idx[i]];
        }
        return out;
    }

    private void checkFractions(int rows) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new QuiverUserException("--test-fraction must be in (0, 1), got " + testFraction);
        }
        if (!(calibrationFraction > 0 && calibrationFraction < 1)) {
            throw new QuiverUserException("--calibration-fraction must be in (0, 1), got " + calibrationFraction);
        }
        if (maxRows != null && maxRows < 10) {
            throw new QuiverUserException("--max-rows must be at least 10, got " + maxRows);
        }
        int used = maxRows == null ? rows : Math.min(rows, maxRows);
        int nTestRows = (int) Math.ceil(testFraction * used - 1e-9);
        int rest = used - nTestRows;
        int nCal = (int) Math.ceil(calibrationFraction * rest - 1e-9);
        if (nTestRows < 1 || nCal < 1 || rest - nCal < 2) {
            throw new QuiverUserException("the data set has " + used + " usable rows: too few for a test part ("
                    + nTestRows + "), a calibration part (" + nCal + ") and a training part (" + (rest - nCal) + ")");
        }
    }
}
