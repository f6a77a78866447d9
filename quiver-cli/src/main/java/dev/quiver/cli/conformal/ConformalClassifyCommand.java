package dev.quiver.cli.conformal;

import dev.quiver.cli.Json;
import dev.quiver.cli.Table;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.estimate.Estimate;
import dev.quiver.core.seed.Seeds;
import dev.quiver.uq.conformal.PredictionSets;
import dev.quiver.uq.conformal.SplitCoverageLaw;
import dev.quiver.uq.conformal.classification.ApsScore;
import dev.quiver.uq.conformal.classification.ClassificationScore;
import dev.quiver.uq.conformal.classification.LacScore;
import dev.quiver.uq.conformal.classification.RapsScore;
import dev.quiver.uq.conformal.classification.SplitConformalClassifier;
import dev.quiver.uq.data.TabularDataset;
import dev.quiver.uq.metrics.GroupCoverage;
import dev.quiver.uq.metrics.SetMetrics;
import dev.quiver.uq.model.Classifier;
import dev.quiver.uq.model.linear.LogisticRegression;
import dev.quiver.uq.model.xgb.XgbClassifier;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code quiver conformal classify}: coverage and mean size of conformal prediction sets on held-out rows. */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = {"Conformal prediction sets for a class label. Each repeat splits the rows at random into"
                + " proper-training, calibration and test parts; printed: coverage and mean set size on the test rows"
                + " (mean and 95%% bootstrap interval over repeats) and coverage by set size, pooled over repeats.",
            "Methods: lac (1 - p_y), aps (adaptive prediction sets, randomised unless --no-randomized), raps"
                + " (--k-reg, --lambda). Models: logistic (multinomial, L2), xgboost (multi:softprob)."})
public final class ConformalClassifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    TabularInput input;

    @Mixin
    SplitSettings split;

    @Mixin
    XgbOptions xgbOptions;

    @Option(names = "--method", paramLabel = "METHOD", defaultValue = "lac",
            description = "lac|aps|raps (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--model", paramLabel = "MODEL", defaultValue = "logistic",
            description = "logistic|xgboost (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--randomized", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "aps and raps: randomise the score with a uniform draw (exact coverage; sets may be empty)"
                    + " (default: ${DEFAULT-VALUE}).")
    boolean randomized;

    @Option(names = "--k-reg", paramLabel = "K", defaultValue = "1",
            description = "raps: the rank from which the size penalty applies (default: ${DEFAULT-VALUE}).")
    int kReg;

    @Option(names = "--lambda", paramLabel = "L", defaultValue = "0.01",
            description = "raps: the penalty per rank beyond --k-reg (default: ${DEFAULT-VALUE}).")
    double lambda;

    @Option(names = "--class-conditional",
            description = "Calibrate one threshold per class (coverage within every class, Mondrian by label).")
    boolean classConditional;

    @Option(names = "--logistic-lambda", paramLabel = "L", defaultValue = "1.0",
            description = "L2 penalty of --model logistic on standardised features (default: ${DEFAULT-VALUE}).")
    double logisticLambda;

    @Override
    public Integer call() {
        ClassificationScore score = score();
        Classifier classifier = classifier();
        TabularDataset data = input.load(true);
        split.validate(data.size());
        int k = data.classNames().size();
        SplitConformalClassifier conformal = new SplitConformalClassifier(classifier, score, split.alpha,
                split.calibrationFraction, classConditional);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "quiver conformal classify: method %s%s, model %s, alpha %s, %d repeat%s, seed %d%n",
                score.name(), classConditional ? " (class-conditional)" : "", model.toLowerCase(Locale.ROOT),
                split.alpha, split.repeats, split.repeats == 1 ? "" : "s", split.seed);
        out.printf(Locale.ROOT, "data: %s (%d rows, %d features, target %s with %d classes)%n", input.describe(),
                data.size(), data.featureCount(), data.targetName(), k);
        long start = System.nanoTime();
        int r = split.repeats;
        double[] coverage = new double[r];
        double[] size = new double[r];
        Map<Integer, int[]> bySize = new TreeMap<>();
        int nTrain = 0;
        int nTest = 0;
        for (int rep = 0; rep < r; rep++) {
            Seeds seeds = Seeds.of(split.seed).child("repeat", rep);
            int[][] rows = split.rows(data.size(), seeds);
            TabularDataset train = data.select(rows[0]);
            TabularDataset test = data.select(rows[1]);
            nTrain = train.size();
            nTest = test.size();
            PredictionSets sets = conformal.fit(train.features(), train.labels(), k, seeds.child("method"))
                    .predict(test.features());
            int[] labels = test.labels();
            coverage[rep] = SetMetrics.coverage(sets, labels);
            size[rep] = SetMetrics.meanSize(sets);
            for (Map.Entry<Integer, GroupCoverage> e : SetMetrics.sizeStratifiedCoverage(sets, labels).entrySet()) {
                int[] c = bySize.computeIfAbsent(e.getKey(), s -> new int[2]);
                c[0] += e.getValue().count();
                c[1] += e.getValue().covered();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int nCal = (int) Math.ceil(split.calibrationFraction * nTrain - 1e-9);
        SplitCoverageLaw law = new SplitCoverageLaw(nCal, split.alpha);
        double se = law.standardErrorOfAverage(nTest, r);
        Estimate cov = RepeatSummary.of(coverage, split.seed, "coverage");
        Estimate siz = RepeatSummary.of(size, split.seed, "size");
        out.printf(Locale.ROOT, "rows per repeat: %d proper-training + %d calibration, %d test%n", nTrain - nCal, nCal,
                nTest);
        out.printf(Locale.ROOT, "coverage       %s   target %.4f; finite-sample band [%.4f, %.4f], Monte Carlo se of"
                + " the mean %.4f%s%n", RepeatSummary.format(cov), 1 - split.alpha, law.lowerBound(), law.upperBound(),
                se, classConditional ? " (marginal band; per-class thresholds)" : "");
        out.printf(Locale.ROOT, "mean set size  %s   (of %d classes)%n", RepeatSummary.format(siz), k);
        Table t = new Table(">set size", ">test rows", ">coverage");
        for (Map.Entry<Integer, int[]> e : bySize.entrySet()) {
            t.row(e.getKey(), e.getValue()[0], String.format(Locale.ROOT, "%.4f", e.getValue()[1] / (double) e.getValue()[0]));
        }
        out.println("coverage by set size (pooled over repeats):");
        t.print(out);
        out.printf(Locale.ROOT, "took %.1f s%n", seconds);
        out.flush();
        if (split.json != null) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("command", "conformal classify");
            doc.put("data", input.describe());
            doc.put("rows", data.size());
            doc.put("classes", data.classNames());
            doc.put("method", score.name());
            doc.put("randomized", score.randomized());
            doc.put("class_conditional", classConditional);
            doc.put("model", model.toLowerCase(Locale.ROOT));
            doc.put("alpha", split.alpha);
            doc.put("repeats", r);
            doc.put("seed", split.seed);
            doc.put("n_train", nTrain - nCal);
            doc.put("n_calibration", nCal);
            doc.put("n_test", nTest);
            ConformalRegressCommand.putEstimate(doc, "coverage", cov);
            ConformalRegressCommand.putEstimate(doc, "mean_set_size", siz);
            doc.put("target_coverage", 1 - split.alpha);
            doc.put("band_low", law.lowerBound());
            doc.put("band_high", law.upperBound());
            doc.put("coverage_se_theory", se);
            Map<String, Object> strat = new LinkedHashMap<>();
            bySize.forEach((s, c) -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("count", c[0]);
                m.put("coverage", c[1] / (double) c[0]);
                strat.put(Integer.toString(s), m);
            });
            doc.put("size_stratified_coverage", strat);
            Map<String, Object> per = new LinkedHashMap<>();
            per.put("coverage", coverage);
            per.put("mean_set_size", size);
            doc.put("per_repeat", per);
            doc.put("seconds", seconds);
            Json.writeFile(split.json, doc);
        }
        return 0;
    }

    private ClassificationScore score() {
        return switch (method.trim().toLowerCase(Locale.ROOT)) {
            case "lac" -> new LacScore();
            case "aps" -> new ApsScore(randomized);
            case "raps" -> {
                if (kReg < 0 || !(lambda >= 0) || !Double.isFinite(lambda)) {
                    throw new QuiverUserException("raps needs --k-reg >= 0 and a finite --lambda >= 0, got " + kReg
                            + ", " + lambda);
                }
                yield new RapsScore(kReg, lambda, randomized);
            }
            default -> throw new QuiverUserException("--method " + method + ": choose one of lac, aps, raps");
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
}
