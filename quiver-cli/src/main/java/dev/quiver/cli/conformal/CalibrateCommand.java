package dev.quiver.cli.conformal;

import dev.quiver.cli.Json;
import dev.quiver.cli.Table;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.estimate.Estimate;
import dev.quiver.core.seed.Seeds;
import dev.quiver.uq.calibration.BrierScore;
import dev.quiver.uq.calibration.ExpectedCalibrationError;
import dev.quiver.uq.calibration.LogLoss;
import dev.quiver.uq.calibration.OneVersusRest;
import dev.quiver.uq.calibration.ProbabilityCalibration;
import dev.quiver.uq.calibration.ProbabilityCalibrator;
import dev.quiver.uq.calibration.ReliabilityDiagram;
import dev.quiver.uq.calibration.RocAuc;
import dev.quiver.uq.calibration.TemperatureScaling;
import dev.quiver.uq.conformal.PredictionSets;
import dev.quiver.uq.conformal.classification.ApsScore;
import dev.quiver.uq.conformal.classification.ClassificationScore;
import dev.quiver.uq.conformal.classification.ConformalSets;
import dev.quiver.uq.conformal.classification.LacScore;
import dev.quiver.uq.data.DataSplit;
import dev.quiver.uq.data.TabularDataset;
import dev.quiver.uq.metrics.SetMetrics;
import dev.quiver.uq.model.Classifier;
import dev.quiver.uq.model.ClassifierModel;
import dev.quiver.uq.model.linear.LogisticRegression;
import dev.quiver.uq.model.xgb.XgbClassifier;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
 * {@code quiver calibrate}: post-hoc calibration of a classifier (Platt, isotonic, temperature) fitted on a
 * calibration split, judged on held-out rows by ECE, Brier score, log loss, ROC AUC and accuracy over repeated
 * random splits, with conformal LAC/APS sets for the same classifier and an optional reliability diagram.
 *
 * @see <a href="https://arxiv.org/abs/2412.19511">Puttanawarut, Wabina and Sirirutbunkajorn (2024), Uncertainty
 *     quantification for improving radiomic-based models in radiation pneumonitis prediction, arXiv:2412.19511</a>
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = {"Calibrate a classifier's probabilities after training. Each repeat splits the rows at random into"
                + " proper-training, calibration and test parts (--test-fraction, --calibration-fraction), fits the"
                + " model on the first, each --method on the second, and measures on the test part: ECE (--bins"
                + " equal-width bins; adaptive: equal-mass bins) of the positive class (binary) or the top label"
                + " (multiclass), Brier score, log loss, ROC AUC (binary, Mann-Whitney with ties) and accuracy. Printed:"
                + " mean and 95%% bootstrap interval over repeats, and the paired change against the raw probabilities.",
            "Conformal sets at --alpha (LAC and APS) for the same classifier: raw probabilities calibrated on the whole"
                + " calibration part; calibrated probabilities with the method fitted on one half of it and the"
                + " conformal threshold on the other (so the guarantee holds).",
            "Data: --data FILE.csv --target COLUMN (class labels, or a number with --positive-above X) or a CQR"
                + " benchmark (--dataset NAME --positive-above X|median)."})
public final class CalibrateCommand implements Callable<Integer> {
    private static final List<String> METHODS = List.of("platt", "isotonic", "temperature");

    @Spec
    CommandSpec spec;

    @Mixin
    TabularInput input;

    @Mixin
    SplitSettings split;

    @Mixin
    XgbOptions xgbOptions;

    @Option(names = "--positive-above", paramLabel = "X|median",
            description = "Make a binary target from a numeric one: class 1 when the target exceeds X (or its median"
                    + " over all rows).")
    String positiveAbove;

    @Option(names = "--model", paramLabel = "MODEL", defaultValue = "logistic",
            description = "logistic|xgboost (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--method", paramLabel = "M,M,...", split = ",", defaultValue = "platt,isotonic,temperature",
            description = "Calibration methods: platt, isotonic, temperature (default: ${DEFAULT-VALUE}).")
    List<String> methods;

    @Option(names = "--bins", paramLabel = "B", defaultValue = "10",
            description = "Bins of the ECE and the reliability diagram (default: ${DEFAULT-VALUE}).")
    int bins;

    @Option(names = "--logistic-lambda", paramLabel = "L", defaultValue = "1.0",
            description = "L2 penalty of --model logistic on standardised features (default: ${DEFAULT-VALUE}).")
    double logisticLambda;

    @Option(names = "--plot", paramLabel = "OUT.png|OUT.svg",
            description = "Also draw the reliability diagram of the test predictions pooled over repeats.")
    Path plot;

    /** Per set of probabilities (raw, then each method): per-repeat metrics. */
    private static final class Scores {
        final double[] ece;
        final double[] adaptiveEce;
        final double[] brier;
        final double[] logLoss;
        final double[] auc;
        final double[] accuracy;
        final double[] lacCoverage;
        final double[] lacSize;
        final double[] apsCoverage;
        final double[] apsSize;
        final List<double[]> pooledP = new ArrayList<>();
        final List<int[]> pooledY = new ArrayList<>();

        Scores(int r) {
            ece = new double[r];
            adaptiveEce = new double[r];
            brier = new double[r];
            logLoss = new double[r];
            auc = new double[r];
            accuracy = new double[r];
            lacCoverage = new double[r];
            lacSize = new double[r];
            apsCoverage = new double[r];
            apsSize = new double[r];
        }
    }

    @Override
    public Integer call() {
        List<String> chosen = methods();
        Classifier classifier = classifier();
        if (bins < 1) {
            throw new QuiverUserException("--bins must be at least 1, got " + bins);
        }
        if (plot != null) {
            String f = String.valueOf(plot.getFileName()).toLowerCase(Locale.ROOT);
            if (!f.endsWith(".png") && !f.endsWith(".svg")) {
                throw new QuiverUserException("--plot " + plot + ": the file name must end in .png or .svg (the"
                        + " extension picks the format)");
            }
        }
        TabularDataset data = load();
        split.validate(data.size());
        int k = data.classNames().size();
        boolean binary = k == 2;
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "quiver calibrate: model %s, methods %s, %d bins, %d repeat%s, seed %d%n",
                model.trim().toLowerCase(Locale.ROOT), String.join(",", chosen), bins, split.repeats,
                split.repeats == 1 ? "" : "s", split.seed);
        out.printf(Locale.ROOT, "data: %s (%d rows, %d features, target %s with classes %s)%n", input.describe(),
                data.size(), data.featureCount(), data.targetName(), String.join(", ", data.classNames()));
        out.flush();
        List<String> names = new ArrayList<>();
        names.add("raw");
        names.addAll(chosen);
        int r = split.repeats;
        Map<String, Scores> scores = new LinkedHashMap<>();
        for (String n : names) {
            scores.put(n, new Scores(r));
        }
        double[] temperature = new double[r];
        int[] sizes = new int[3];
        long start = System.nanoTime();
        for (int rep = 0; rep < r; rep++) {
            Seeds seeds = Seeds.of(split.seed).child("repeat", rep);
            int[][] rows = split.rows(data.size(), seeds);
            TabularDataset train = data.select(rows[0]);
            TabularDataset test = data.select(rows[1]);
            DataSplit inner = DataSplit.random(train.size(), 0, split.calibrationFraction,
                    seeds.child("calibration-split").rng());
            TabularDataset proper = train.select(inner.train());
            TabularDataset cal = train.select(inner.calibration());
            sizes = new int[] {proper.size(), cal.size(), test.size()};
            ClassifierModel fitted = classifier.fit(proper.features(), proper.labels(), k, seeds.child("model"));
            double[][] pCal = fitted.predictProba(cal.features());
            double[][] pTest = fitted.predictProba(test.features());
            int[] yCal = cal.labels();
            int[] yTest = test.labels();
            int half = yCal.length / 2;
            double[][] pCalA = Arrays.copyOf(pCal, half);
            int[] yCalA = Arrays.copyOf(yCal, half);
            double[][] pCalB = Arrays.copyOfRange(pCal, half, yCal.length);
            int[] yCalB = Arrays.copyOfRange(yCal, half, yCal.length);
            measure(scores.get("raw"), rep, pTest, yTest, binary);
            conformal(scores.get("raw"), rep, pCal, yCal, pTest, yTest, k, seeds.child("conformal", 0));
            for (int m = 0; m < chosen.size(); m++) {
                ProbabilityCalibrator calibrator = calibrator(chosen.get(m));
                ProbabilityCalibration c = calibrator.fit(pCal, yCal);
                if (c instanceof TemperatureScaling.Fitted t) {
                    temperature[rep] = t.temperature();
                }
                Scores s = scores.get(chosen.get(m));
                measure(s, rep, c.apply(pTest), yTest, binary);
                ProbabilityCalibration ca = calibrator.fit(pCalA, yCalA);
                conformal(s, rep, ca.apply(pCalB), yCalB, ca.apply(pTest), yTest, k, seeds.child("conformal", m + 1));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "rows per repeat: %d proper-training, %d calibration, %d test%n", sizes[0], sizes[1],
                sizes[2]);
        String eceName = binary ? "ECE" : "top-label ECE";
        Table cal = new Table("probabilities", ">" + eceName + " (" + bins + " bins)", ">adaptive ECE", ">Brier",
                ">log loss");
        Table disc = new Table("probabilities", ">ROC AUC", ">accuracy", ">ECE change vs raw", ">AUC change vs raw");
        Map<String, Object> jsonMethods = new LinkedHashMap<>();
        Scores raw = scores.get("raw");
        for (String n : names) {
            Scores s = scores.get(n);
            Estimate ece = RepeatSummary.of(s.ece, split.seed, n + "/ece");
            Estimate aece = RepeatSummary.of(s.adaptiveEce, split.seed, n + "/aece");
            Estimate brier = RepeatSummary.of(s.brier, split.seed, n + "/brier");
            Estimate ll = RepeatSummary.of(s.logLoss, split.seed, n + "/logloss");
            Estimate auc = binary ? RepeatSummary.of(s.auc, split.seed, n + "/auc") : null;
            Estimate acc = RepeatSummary.of(s.accuracy, split.seed, n + "/accuracy");
            Estimate dEce = n.equals("raw") ? null : RepeatSummary.of(diff(s.ece, raw.ece), split.seed, n + "/dece");
            Estimate dAuc = n.equals("raw") || !binary ? null
                    : RepeatSummary.of(diff(s.auc, raw.auc), split.seed, n + "/dauc");
            cal.row(n, RepeatSummary.format(ece), RepeatSummary.format(aece), RepeatSummary.format(brier),
                    RepeatSummary.format(ll));
            disc.row(n, auc == null ? "n/a" : RepeatSummary.format(auc), RepeatSummary.format(acc),
                    dEce == null ? "" : signed(dEce), dAuc == null ? "" : signed(dAuc));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ece", ece);
            m.put("adaptive_ece", aece);
            m.put("brier", brier);
            m.put("log_loss", ll);
            m.put("auc", auc);
            m.put("accuracy", acc);
            m.put("ece_change", dEce);
            m.put("auc_change", dAuc);
            m.put("lac_coverage", RepeatSummary.of(s.lacCoverage, split.seed, n + "/lacc"));
            m.put("lac_size", RepeatSummary.of(s.lacSize, split.seed, n + "/lacs"));
            m.put("aps_coverage", RepeatSummary.of(s.apsCoverage, split.seed, n + "/apsc"));
            m.put("aps_size", RepeatSummary.of(s.apsSize, split.seed, n + "/apss"));
            m.put("reliability", pooledDiagram(s, binary).bins());
            Map<String, Object> per = new LinkedHashMap<>();
            per.put("ece", s.ece);
            per.put("adaptive_ece", s.adaptiveEce);
            per.put("brier", s.brier);
            per.put("log_loss", s.logLoss);
            per.put("auc", binary ? s.auc : null);
            per.put("accuracy", s.accuracy);
            m.put("per_repeat", per);
            jsonMethods.put(n, m);
        }
        out.println("calibration on the test rows (mean [95% bootstrap interval] over repeats; lower is better):");
        cal.print(out);
        out.println("discrimination (AUC is unchanged by strictly increasing maps; isotonic's flat steps can tie scores):");
        disc.print(out);
        Table conf = new Table("conformal sets, alpha " + split.alpha, ">LAC coverage", ">LAC size", ">APS coverage",
                ">APS size");
        for (String n : names) {
            Scores s = scores.get(n);
            conf.row(n.equals("raw") ? "raw" : n + " (half/half)",
                    RepeatSummary.format(RepeatSummary.of(s.lacCoverage, split.seed, n + "/lacc")),
                    RepeatSummary.format(RepeatSummary.of(s.lacSize, split.seed, n + "/lacs")),
                    RepeatSummary.format(RepeatSummary.of(s.apsCoverage, split.seed, n + "/apsc")),
                    RepeatSummary.format(RepeatSummary.of(s.apsSize, split.seed, n + "/apss")));
        }
        conf.print(out);
        if (chosen.contains("temperature")) {
            out.printf(Locale.ROOT, "fitted temperature: mean %.3f over repeats%n", Arrays.stream(temperature).average()
                    .orElse(Double.NaN));
        }
        out.printf(Locale.ROOT, "took %.1f s%n", seconds);
        out.flush();
        if (plot != null) {
            Map<String, ReliabilityDiagram> curves = new LinkedHashMap<>();
            for (String n : names) {
                curves.put(n, pooledDiagram(scores.get(n), binary));
            }
            new ReliabilityDiagramPlot(String.format(Locale.ROOT, "%s, %s: test rows of %d repeat%s", input.describe(),
                    modelDescription(), r, r == 1 ? "" : "s"),
                    binary ? "Predicted probability of " + data.classNames().get(1) : "Top-label confidence", curves)
                    .save(plot);
            out.println("wrote " + plot);
            out.flush();
        }
        if (split.json != null) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("command", "calibrate");
            doc.put("data", input.describe());
            doc.put("rows", data.size());
            doc.put("classes", data.classNames());
            doc.put("positive_above", positiveAbove);
            doc.put("model", model.trim().toLowerCase(Locale.ROOT));
            doc.put("methods", chosen);
            doc.put("bins", bins);
            doc.put("alpha", split.alpha);
            doc.put("repeats", r);
            doc.put("seed", split.seed);
            doc.put("n_train", sizes[0]);
            doc.put("n_calibration", sizes[1]);
            doc.put("n_test", sizes[2]);
            doc.put("results", jsonMethods);
            doc.put("temperature", chosen.contains("temperature") ? temperature : null);
            doc.put("seconds", seconds);
            Json.writeFile(split.json, doc);
        }
        return 0;
    }

    private void measure(Scores s, int rep, double[][] p, int[] y, boolean binary) {
        double[] conf = new double[y.length];
        int[] event = new int[y.length];
        int correct = 0;
        for (int i = 0; i < y.length; i++) {
            int arg = 0;
            for (int c = 1; c < p[i].length; c++) {
                if (p[i][c] > p[i][arg]) {
                    arg = c;
                }
            }
            correct += arg == y[i] ? 1 : 0;
            conf[i] = binary ? p[i][1] : p[i][arg];
            event[i] = binary ? y[i] : (arg == y[i] ? 1 : 0);
        }
        s.ece[rep] = ExpectedCalibrationError.equalWidth(conf, event, bins);
        s.adaptiveEce[rep] = ExpectedCalibrationError.equalMass(conf, event, bins);
        s.brier[rep] = binary ? BrierScore.binary(conf, y) : BrierScore.multiclass(p, y);
        s.logLoss[rep] = LogLoss.multiclass(p, y);
        s.accuracy[rep] = (double) correct / y.length;
        if (binary) {
            s.auc[rep] = RocAuc.of(conf, y);
        }
        s.pooledP.add(conf);
        s.pooledY.add(event);
    }

    private void conformal(Scores s, int rep, double[][] pCal, int[] yCal, double[][] pTest, int[] yTest, int k,
            Seeds seeds) {
        ClassificationScore[] kinds = {new LacScore(), new ApsScore(true)};
        for (int i = 0; i < kinds.length; i++) {
            double t = ConformalSets.threshold(pCal, yCal, kinds[i], split.alpha, seeds.child("calibration-u", i).rng());
            PredictionSets sets = ConformalSets.sets(pTest, k, kinds[i], t, split.alpha, seeds.child("test-u", i).rng());
            double cov = SetMetrics.coverage(sets, yTest);
            double size = SetMetrics.meanSize(sets);
            if (i == 0) {
                s.lacCoverage[rep] = cov;
                s.lacSize[rep] = size;
            } else {
                s.apsCoverage[rep] = cov;
                s.apsSize[rep] = size;
            }
        }
    }

    private ReliabilityDiagram pooledDiagram(Scores s, boolean binary) {
        int n = s.pooledP.stream().mapToInt(a -> a.length).sum();
        double[] p = new double[n];
        int[] y = new int[n];
        int o = 0;
        for (int i = 0; i < s.pooledP.size(); i++) {
            System.arraycopy(s.pooledP.get(i), 0, p, o, s.pooledP.get(i).length);
            System.arraycopy(s.pooledY.get(i), 0, y, o, s.pooledY.get(i).length);
            o += s.pooledP.get(i).length;
        }
        return ReliabilityDiagram.equalWidth(p, y, bins);
    }

    private static double[] diff(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }

    private static String signed(Estimate e) {
        return String.format(Locale.ROOT, "%+.4f [%+.4f, %+.4f]", e.point(), e.low(), e.high());
    }

    private List<String> methods() {
        List<String> out = new ArrayList<>();
        for (String m : methods) {
            String t = m.trim().toLowerCase(Locale.ROOT);
            if (!METHODS.contains(t)) {
                throw new QuiverUserException("--method " + m + ": choose among " + String.join(", ", METHODS));
            }
            if (out.contains(t)) {
                throw new QuiverUserException("--method lists '" + t + "' twice");
            }
            out.add(t);
        }
        if (out.isEmpty()) {
            throw new QuiverUserException("--method needs at least one of " + String.join(", ", METHODS));
        }
        return out;
    }

    private static ProbabilityCalibrator calibrator(String name) {
        return switch (name) {
            case "platt" -> OneVersusRest.platt();
            case "isotonic" -> OneVersusRest.isotonic();
            case "temperature" -> new TemperatureScaling();
            default -> throw new IllegalStateException(name);
        };
    }

    private Classifier classifier() {
        return switch (model.trim().toLowerCase(Locale.ROOT)) {
            case "logistic" -> {
                if (!(logisticLambda >= 0) || !Double.isFinite(logisticLambda)) {
                    throw new QuiverUserException("--logistic-lambda must be finite and >= 0, got " + logisticLambda);
                }
                yield LogisticRegression.defaults().withLambda(logisticLambda);
            }
            case "xgboost" -> new XgbClassifier(xgbOptions.xgb());
            default -> throw new QuiverUserException("--model " + model + ": choose one of logistic, xgboost");
        };
    }

    /** The model and its main settings, for titles. */
    private String modelDescription() {
        String m = model.trim().toLowerCase(Locale.ROOT);
        if (m.equals("xgboost")) {
            var c = xgbOptions.xgb();
            return String.format(Locale.ROOT, "xgboost (%d rounds, depth %d, eta %s)", c.rounds(), c.maxDepth(),
                    c.eta());
        }
        return String.format(Locale.ROOT, "logistic (lambda %s)", logisticLambda);
    }

    /** The classification data: class labels as read, or a numeric target thresholded by --positive-above. */
    private TabularDataset load() {
        if (positiveAbove == null) {
            if (input.dataset != null) {
                throw new QuiverUserException("--dataset " + input.dataset + " has a numeric target; add"
                        + " --positive-above X (or median) to make a binary one");
            }
            return input.load(true);
        }
        TabularDataset reg = input.load(false);
        double[] y = reg.target();
        double cut;
        String label;
        if (positiveAbove.trim().equalsIgnoreCase("median")) {
            double[] s = y.clone();
            Arrays.sort(s);
            cut = s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
            label = "median " + trim(cut);
        } else {
            try {
                cut = Double.parseDouble(positiveAbove.trim());
            } catch (NumberFormatException e) {
                throw new QuiverUserException("--positive-above " + positiveAbove + ": give a number or median");
            }
            if (!Double.isFinite(cut)) {
                throw new QuiverUserException("--positive-above must be finite, got " + positiveAbove);
            }
            label = trim(cut);
        }
        double[] labels = new double[y.length];
        int positives = 0;
        for (int i = 0; i < y.length; i++) {
            labels[i] = y[i] > cut ? 1 : 0;
            positives += (int) labels[i];
        }
        if (positives == 0 || positives == y.length) {
            throw new QuiverUserException("--positive-above " + positiveAbove + ": every row of " + reg.targetName()
                    + " falls on one side of " + trim(cut) + "; pick a threshold inside its range");
        }
        return new TabularDataset(reg.features(), labels, reg.featureNames(), reg.targetName() + " > " + label,
                List.of(reg.targetName() + " <= " + trim(cut), reg.targetName() + " > " + trim(cut)));
    }

    private static String trim(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
