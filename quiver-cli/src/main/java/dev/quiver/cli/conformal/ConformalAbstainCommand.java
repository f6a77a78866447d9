package dev.quiver.cli.conformal;

import dev.quiver.bandits.algo.AlgorithmConfig;
import dev.quiver.bandits.algo.LinTsConfig;
import dev.quiver.bandits.algo.LinUcbConfig;
import dev.quiver.bandits.algo.SquareCbConfig;
import dev.quiver.cli.Json;
import dev.quiver.cli.Table;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.estimate.Estimate;
import dev.quiver.core.seed.Seeds;
import dev.quiver.uq.abstention.AbstentionMetrics;
import dev.quiver.uq.abstention.AbstentionSplit;
import dev.quiver.uq.abstention.AbstentionStudy;
import dev.quiver.uq.abstention.AbstentionUtility;
import dev.quiver.uq.abstention.ConformalAbstentionPolicy;
import dev.quiver.uq.abstention.ContextFeatures;
import dev.quiver.uq.conformal.SplitCoverageLaw;
import dev.quiver.uq.data.CqrDataset;
import dev.quiver.uq.data.HeterogeneousClassification;
import dev.quiver.uq.data.TabularDataset;
import dev.quiver.uq.data.TargetBins;
import dev.quiver.uq.model.Classifier;
import dev.quiver.uq.model.linear.LogisticRegression;
import dev.quiver.uq.model.xgb.XgbClassifier;
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
 * {@code quiver conformal abstain}: a learned conformal abstention policy (Tayebati et al. 2025) against LAC and
 * APS on repeated random splits: coverage (abstentions counted as covered), set size over answered inputs,
 * abstention rate, singleton rate and accuracy.
 *
 * @see <a href="https://arxiv.org/abs/2502.06884">Tayebati et al. (2025), Learning Conformal Abstention Policies
 *     for Adaptive Risk Management in Large Language and Vision-Language Models, arXiv:2502.06884</a>
 */
@Command(name = "abstain", mixinStandardHelpOptions = true,
        description = {"Learned conformal abstention (Tayebati et al. 2025, arXiv:2502.06884). Each repeat splits the"
                + " rows into classifier-training, policy, calibration and test parts. A contextual bandit (LinUCB or"
                + " LinTS) learns on the policy rows which conformal threshold to use per input - a single label, a"
                + " LAC set at one of several levels, or an abstention - to maximise a utility (-miss cost if the label"
                + " is missed, -size cost per extra label, -abstention cost); the deployed policy picks the output with"
                + " the best estimated utility, and a split-conformal step on the calibration rows tunes the miss cost"
                + " so coverage (an abstention counting as covered) is at least 1 - alpha. LAC and APS use the same"
                + " classifier and calibration rows.",
            "Data: --data FILE --target COLUMN (a class label), --dataset NAME (a CQR benchmark's target cut into --bins"
                + " quantile classes), or --synthetic N (four classes whose difficulty varies with a feature)."})
public final class ConformalAbstainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    TabularInput input;

    @Mixin
    XgbOptions xgbOptions;

    @Option(names = "--bins", paramLabel = "B", defaultValue = "5",
            description = "--dataset: the number of quantile classes of the target (default: ${DEFAULT-VALUE}).")
    int bins;

    @Option(names = "--synthetic", paramLabel = "N",
            description = "Use N rows of the synthetic heterogeneous-difficulty task (seeded by --seed) instead of data.")
    Integer synthetic;

    @Option(names = "--model", paramLabel = "MODEL", defaultValue = "logistic",
            description = "logistic|xgboost (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--alpha", paramLabel = "A", defaultValue = "0.1",
            description = "Target miscoverage: coverage at least 1 - A (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--repeats", paramLabel = "R", defaultValue = "20",
            description = "Random splits (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "Root seed; repeat r uses the child stream repeat/r (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--max-rows", paramLabel = "N", defaultValue = "0",
            description = "A random subsample of N rows per repeat; 0 for all rows (default: ${DEFAULT-VALUE}).")
    int maxRows;

    @Option(names = "--test-fraction", paramLabel = "F", defaultValue = "0.2",
            description = "Test share of the rows (default: ${DEFAULT-VALUE}).")
    double testFraction;

    @Option(names = "--policy-fraction", paramLabel = "F", defaultValue = "0.25",
            description = "Share of the non-test rows the policy learns from (default: ${DEFAULT-VALUE}).")
    double policyFraction;

    @Option(names = "--calibration-fraction", paramLabel = "F", defaultValue = "0.25",
            description = "Share of the non-test rows that calibrates all methods (default: ${DEFAULT-VALUE}).")
    double calibrationFraction;

    @Option(names = "--bandit", paramLabel = "NAME", defaultValue = "linucb",
            description = "linucb|lints|squarecb: the bandit that collects the policy's data; the deployed policy is"
                    + " greedy on the bandit's ridge regressions (default: ${DEFAULT-VALUE}).")
    String bandit;

    @Option(names = "--epochs", paramLabel = "E", defaultValue = "3",
            description = "Passes of the bandit over the policy rows (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--miss-cost", paramLabel = "C", defaultValue = "1.0",
            description = "Utility: cost of a prediction that misses the label (default: ${DEFAULT-VALUE}).")
    double missCost;

    @Option(names = "--size-cost", paramLabel = "C", defaultValue = "0.1",
            description = "Utility: cost per label beyond the first (default: ${DEFAULT-VALUE}).")
    double sizeCost;

    @Option(names = "--abstention-cost", paramLabel = "C", defaultValue = "0.35",
            description = "Utility: cost of abstaining (default: ${DEFAULT-VALUE}).")
    double abstentionCost;

    @Option(names = "--context", paramLabel = "C", defaultValue = "probs+features",
            description = "The policy's state: probs (summaries of the class probabilities) or probs+features (also"
                    + " the standardised features) (default: ${DEFAULT-VALUE}).")
    String context;

    @Option(names = "--logistic-lambda", paramLabel = "L", defaultValue = "1.0",
            description = "L2 penalty of --model logistic on standardised features (default: ${DEFAULT-VALUE}).")
    double logisticLambda;

    @Option(names = "--json", paramLabel = "OUT", description = "Also write the results as JSON to OUT (atomically).")
    Path json;

    @Override
    public Integer call() {
        AbstentionStudy study = study();
        TabularDataset data = load();
        PrintWriter out = spec.commandLine().getOut();
        int k = data.classNames().size();
        out.printf(Locale.ROOT, "quiver conformal abstain: %s (%d rows, %d features, %d classes), model %s, bandit %s,"
                + " alpha %s, %d repeat%s, seed %d%n", describe(), data.size(), data.featureCount(), k,
                model.toLowerCase(Locale.ROOT), bandit.toLowerCase(Locale.ROOT), alpha, repeats, repeats == 1 ? "" : "s",
                seed);
        out.printf(Locale.ROOT, "utility: miss -%s, each extra label -%s, abstention -%s; context %s%n", missCost,
                sizeCost, abstentionCost, context);
        List<AbstentionSplit> splits = new ArrayList<>();
        long start = System.nanoTime();
        for (int r = 0; r < repeats; r++) {
            splits.add(study.run(data, Seeds.of(seed).child("repeat", r)));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        AbstentionSplit first = splits.get(0);
        out.printf(Locale.ROOT, "rows per repeat: %d classifier-training, %d policy, %d calibration, %d test%n",
                first.train(), first.policy(), first.calibration(), first.test());
        SplitCoverageLaw law = new SplitCoverageLaw(first.calibration(), alpha);
        double se = law.standardErrorOfAverage(first.test(), repeats);
        Table t = new Table("method", ">coverage [95% CI]", ">answered cov", ">set size (answered) [95% CI]",
                ">size (abstain = K)", ">abstain", ">singletons", ">singleton acc", ">utility");
        Map<String, Object> methodDoc = new LinkedHashMap<>();
        List<String> methods = new ArrayList<>(first.metrics().keySet());
        Map<String, double[][]> cols = new LinkedHashMap<>();
        for (String m : methods) {
            double[][] v = columns(splits, m);
            cols.put(m, v);
            Estimate cov = RepeatSummary.of(v[0], seed, "coverage-" + m);
            Estimate size = RepeatSummary.of(v[2], seed, "size-" + m);
            t.row(m, RepeatSummary.format(cov), f(mean(v[1])), RepeatSummary.format(size), f(mean(v[3])), f(mean(v[4])),
                    f(mean(v[5])), f(mean(v[6])), f(mean(v[7])));
            Map<String, Object> md = new LinkedHashMap<>();
            md.put("coverage", Json.estimate(cov));
            md.put("mean_set_size", Json.estimate(size));
            String[] keys = {"coverage", "answered_coverage", "mean_set_size", "effective_set_size", "abstention_rate",
                "singleton_rate", "singleton_accuracy", "mean_utility"};
            for (int c = 1; c < keys.length; c++) {
                if (c != 2) {
                    md.put(keys[c], Json.estimate(RepeatSummary.of(v[c], seed, keys[c] + "-" + m)));
                }
            }
            Map<String, Object> per = new LinkedHashMap<>();
            for (int c = 0; c < keys.length; c++) {
                per.put(keys[c], v[c]);
            }
            md.put("per_repeat", per);
            methodDoc.put(m, md);
        }
        out.println("test metrics (means over repeats; 95% bootstrap intervals of the mean):");
        t.print(out);
        out.printf(Locale.ROOT, "target coverage %.4f; finite-sample band [%.4f, %.4f] for %d calibration rows, Monte"
                + " Carlo se of the mean %.4f (abstentions count as covered; the band's upper end assumes no ties)%n",
                1 - alpha, law.lowerBound(), law.upperBound(), first.calibration(), se);
        Table d = new Table("policy minus", ">coverage [95% CI]", ">set size (answered) [95% CI]",
                ">size (abstain = K) [95% CI]", ">splits with smaller sets");
        Map<String, Object> diffDoc = new LinkedHashMap<>();
        for (String base : List.of("lac", "aps")) {
            double[][] p = cols.get("policy");
            double[][] b = cols.get(base);
            double[] dc = new double[repeats];
            double[] ds = new double[repeats];
            double[] de = new double[repeats];
            int smaller = 0;
            for (int r = 0; r < repeats; r++) {
                dc[r] = p[0][r] - b[0][r];
                ds[r] = p[2][r] - b[2][r];
                de[r] = p[3][r] - b[3][r];
                if (ds[r] < 0) {
                    smaller++;
                }
            }
            Estimate ec = RepeatSummary.of(dc, seed, "dcov-" + base);
            Estimate es = RepeatSummary.of(ds, seed, "dsize-" + base);
            Estimate ee = RepeatSummary.of(de, seed, "deff-" + base);
            d.row(base, RepeatSummary.format(ec), RepeatSummary.format(es), RepeatSummary.format(ee),
                    smaller + "/" + repeats);
            Map<String, Object> dd = new LinkedHashMap<>();
            dd.put("coverage", Json.estimate(ec));
            dd.put("mean_set_size", Json.estimate(es));
            dd.put("effective_set_size", Json.estimate(ee));
            dd.put("splits_smaller", smaller);
            diffDoc.put(base, dd);
        }
        out.println("policy minus baseline, paired by split:");
        d.print(out);
        Map<String, Double> shares = new LinkedHashMap<>();
        double[] mus = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            splits.get(r).armShares().forEach((a, v) -> shares.merge(a, v / repeats, Double::sum));
            mus[r] = splits.get(r).missCost();
        }
        double[] sortedMus = mus.clone();
        java.util.Arrays.sort(sortedMus);
        StringBuilder sb = new StringBuilder();
        shares.forEach((a, v) -> sb.append(sb.length() > 0 ? ", " : "").append(a)
                .append(String.format(Locale.ROOT, " %.3f", v)));
        out.printf(Locale.ROOT, "policy arms chosen on test rows (mean share): %s%n", sb);
        out.printf(Locale.ROOT, "calibrated miss cost (the utility's is %s): median %.4f, range [%.4f, %.4f]%n",
                missCost, sortedMus[repeats / 2], sortedMus[0], sortedMus[repeats - 1]);
        out.printf(Locale.ROOT, "took %.1f s%n", seconds);
        out.flush();
        if (json != null) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("command", "conformal abstain");
            doc.put("data", describe());
            doc.put("rows", data.size());
            doc.put("classes", data.classNames());
            doc.put("model", model.toLowerCase(Locale.ROOT));
            doc.put("bandit", bandit.toLowerCase(Locale.ROOT));
            doc.put("context", context);
            doc.put("alpha", alpha);
            doc.put("miss_cost", missCost);
            doc.put("size_cost", sizeCost);
            doc.put("abstention_cost", abstentionCost);
            doc.put("repeats", repeats);
            doc.put("seed", seed);
            doc.put("n_train", first.train());
            doc.put("n_policy", first.policy());
            doc.put("n_calibration", first.calibration());
            doc.put("n_test", first.test());
            doc.put("target_coverage", 1 - alpha);
            doc.put("band_low", law.lowerBound());
            doc.put("band_high", law.upperBound());
            doc.put("coverage_se_theory", se);
            doc.put("methods", methodDoc);
            doc.put("policy_minus", diffDoc);
            doc.put("arm_shares", shares);
            doc.put("calibrated_miss_cost", mus);
            doc.put("seconds", seconds);
            Json.writeFile(json, doc);
        }
        return 0;
    }

    private String describe() {
        if (synthetic != null) {
            return "synthetic (" + synthetic + " rows)";
        }
        return input.dataset != null ? CqrDataset.named(input.dataset).cliName() + " (" + bins + " quantile bins)"
                : input.describe();
    }

    private TabularDataset load() {
        if (synthetic != null) {
            if (input.data != null || input.dataset != null) {
                throw new QuiverUserException("give one of --synthetic N, --data FILE.csv or --dataset NAME");
            }
            if (synthetic < 100) {
                throw new QuiverUserException("--synthetic needs at least 100 rows, got " + synthetic);
            }
            return HeterogeneousClassification.generate(synthetic, 4, Seeds.of(seed).child("synthetic").rng());
        }
        if (input.dataset != null && input.data == null) {
            if (input.target != null || input.features != null) {
                throw new QuiverUserException("--target and --features are for --data; --dataset " + input.dataset
                        + " uses the CQR loader's target, cut into --bins classes");
            }
            if (bins < 2) {
                throw new QuiverUserException("--bins must be at least 2, got " + bins);
            }
            return TargetBins.classify(CqrDataset.named(input.dataset).load(input.dataDir), bins);
        }
        return input.load(true);
    }

    private AbstentionStudy study() {
        if (!(alpha > 0 && alpha < 1)) {
            throw new QuiverUserException("--alpha must be in (0, 1), got " + alpha);
        }
        if (repeats < 1 || epochs < 1) {
            throw new QuiverUserException("--repeats and --epochs must be at least 1");
        }
        if (!(missCost > 0) || !(sizeCost >= 0) || !(abstentionCost >= 0) || !Double.isFinite(missCost)
                || !Double.isFinite(sizeCost) || !Double.isFinite(abstentionCost)) {
            throw new QuiverUserException("--miss-cost must be > 0, --size-cost and --abstention-cost >= 0 (finite)");
        }
        if (!(testFraction > 0 && testFraction < 1) || !(policyFraction > 0) || !(calibrationFraction > 0)
                || !(policyFraction + calibrationFraction < 1)) {
            throw new QuiverUserException("need --test-fraction in (0, 1) and positive --policy-fraction and"
                    + " --calibration-fraction summing below 1");
        }
        if (maxRows != 0 && maxRows < 100) {
            throw new QuiverUserException("--max-rows must be 0 (all rows) or at least 100, got " + maxRows);
        }
        AlgorithmConfig b = switch (bandit.trim().toLowerCase(Locale.ROOT)) {
            case "linucb" -> LinUcbConfig.defaults();
            case "lints" -> LinTsConfig.defaults();
            case "squarecb" -> SquareCbConfig.defaults();
            default -> throw new QuiverUserException("--bandit " + bandit + ": choose linucb, lints or squarecb");
        };
        ContextFeatures c = switch (context.trim().toLowerCase(Locale.ROOT)) {
            case "probs" -> new ContextFeatures(false);
            case "probs+features" -> new ContextFeatures(true);
            default -> throw new QuiverUserException("--context " + context + ": choose probs or probs+features");
        };
        ConformalAbstentionPolicy p = ConformalAbstentionPolicy.defaults().withBandit(b).withContext(c)
                .withEpochs(epochs).withUtility(new AbstentionUtility(missCost, sizeCost, abstentionCost));
        return new AbstentionStudy(classifier(), p, alpha, testFraction, policyFraction, calibrationFraction, maxRows);
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

    /** {@code [field][repeat]} in the order of {@link AbstentionMetrics}' components. */
    private static double[][] columns(List<AbstentionSplit> splits, String m) {
        double[][] v = new double[8][splits.size()];
        for (int r = 0; r < splits.size(); r++) {
            AbstentionMetrics a = splits.get(r).metrics().get(m);
            double[] row = {a.coverage(), a.answeredCoverage(), a.meanSetSize(), a.effectiveSetSize(),
                a.abstentionRate(), a.singletonRate(), a.singletonAccuracy(), a.meanUtility()};
            for (int c = 0; c < row.length; c++) {
                v[c][r] = row[c];
            }
        }
        return v;
    }

    private static double mean(double[] v) {
        double s = 0;
        int c = 0;
        for (double x : v) {
            if (!Double.isNaN(x)) {
                s += x;
                c++;
            }
        }
        return c == 0 ? Double.NaN : s / c;
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
