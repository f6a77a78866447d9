package dev.quiver.cli.conformal;

import dev.quiver.cli.Json;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.estimate.Estimate;
import dev.quiver.core.seed.Seeds;
import dev.quiver.uq.conformal.PredictionIntervals;
import dev.quiver.uq.conformal.SplitCoverageLaw;
import dev.quiver.uq.conformal.regression.ConformalRegressor;
import dev.quiver.uq.data.TabularDataset;
import dev.quiver.uq.metrics.IntervalMetrics;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code quiver conformal regress}: coverage and mean width of conformal prediction intervals on held-out rows,
 * over repeated random splits, with the finite-sample band {@code [1 − α, 1 − α + 1/(n_cal + 1)]} and the
 * Monte Carlo standard error its average should be judged with.
 */
@Command(name = "regress", mixinStandardHelpOptions = true,
        description = {"Conformal prediction intervals for a numeric target. Each repeat splits the rows at random into"
                + " a training part and a test part (--test-fraction); split methods divide the training part into"
                + " proper-training and calibration rows (--calibration-fraction), CV+, jackknife+ and J+aB use all of"
                + " it. Printed: coverage and mean width on the test rows, mean and 95%% bootstrap interval over"
                + " repeats; width also in units of the mean |y| of the training part (CQR's scaled units).",
            "Methods: split (absolute residual), normalized (|y - mu|/sigma, sigma fitted to log residuals), cvplus"
                + " (--folds), jackknife+, jackknife+ab (--bootstrap), cqr, cqr-asym (conformalized quantile"
                + " regression at alpha/2 and 1 - alpha/2), mondrian (split per group of --group). Models: ols, ridge,"
                + " xgboost, mlp (quantile methods use linear quantile regression for ols/ridge)."})
public final class ConformalRegressCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    TabularInput input;

    @Mixin
    SplitSettings split;

    @Mixin
    ModelOptions models;

    @Option(names = "--method", paramLabel = "METHOD", defaultValue = "split",
            description = "split|normalized|cvplus|jackknife+|jackknife+ab|cqr|cqr-asym|mondrian (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--model", paramLabel = "MODEL", defaultValue = "ols",
            description = "ols|ridge|xgboost|mlp (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--folds", paramLabel = "K", defaultValue = "10",
            description = "Folds of cvplus (default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--bootstrap", paramLabel = "B", defaultValue = "40",
            description = "jackknife+ab: B-tilde; the number of bootstrap models is Binomial(B, (1 - 1/(n+1))^n) as"
                    + " the guarantee requires (default: ${DEFAULT-VALUE}).")
    int bootstrap;

    @Option(names = "--spread-folds", paramLabel = "K", defaultValue = "0",
            description = "normalized: fit the spread model to in-sample residuals (0, the default) or to K-fold"
                    + " out-of-fold residuals of the mean model (K >= 2; use it for xgboost and mlp, whose in-sample"
                    + " residuals are nearly zero).")
    int spreadFolds;

    @Option(names = "--group", paramLabel = "COLUMN",
            description = "mondrian: the feature whose integer values define the groups.")
    String group;

    @Override
    public Integer call() {
        String m = RegressionSetup.normalizeMethod(method);
        String mo = RegressionSetup.normalizeModel(model);
        TabularDataset data = input.load(false);
        split.validate(data.size());
        if (folds < 2) {
            throw new QuiverUserException("--folds must be at least 2, got " + folds);
        }
        if (bootstrap < 1) {
            throw new QuiverUserException("--bootstrap must be at least 1, got " + bootstrap);
        }
        if (spreadFolds != 0 && spreadFolds < 2) {
            throw new QuiverUserException("--spread-folds must be 0 (in-sample residuals) or at least 2, got "
                    + spreadFolds);
        }
        Integer groupColumn = null;
        if (group != null) {
            groupColumn = data.featureNames().indexOf(group);
            if (groupColumn < 0) {
                throw new QuiverUserException("--group " + group + ": not a feature; the features are "
                        + String.join(", ", data.featureNames()));
            }
            for (int i = 0; i < data.size(); i++) {
                double v = data.features().get(i, groupColumn);
                if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
                    throw new QuiverUserException("--group " + group + ": the feature holds " + v + " in data row "
                            + (i + 1) + "; groups must be integer codes (e.g. 0/1 or category numbers)");
                }
            }
        }
        ConformalRegressor conformal = RegressionSetup.build(m, mo, new RegressionSetup.Settings(split.alpha,
                split.calibrationFraction, models.ridgeLambda(), models.xgb(), models.mlp(), folds, bootstrap,
                groupColumn, spreadFolds));
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "quiver conformal regress: method %s, model %s, alpha %s, %d repeat%s, seed %d%n", m, mo,
                split.alpha, split.repeats, split.repeats == 1 ? "" : "s", split.seed);
        out.printf(Locale.ROOT, "data: %s (%d rows, %d features, target %s)%s%n", input.describe(), data.size(),
                data.featureCount(), data.targetName(), split.maxRows != null && split.maxRows < data.size()
                        ? ", " + split.maxRows + " rows drawn per repeat" : "");
        out.flush();
        long start = System.nanoTime();
        int r = split.repeats;
        double[] coverage = new double[r];
        double[] width = new double[r];
        double[] scaled = new double[r];
        double[] score = new double[r];
        double[] widthCv = new double[r];
        int nTrain = 0;
        int nTest = 0;
        for (int k = 0; k < r; k++) {
            Seeds seeds = Seeds.of(split.seed).child("repeat", k);
            int[][] rows = split.rows(data.size(), seeds);
            TabularDataset train = data.select(rows[0]);
            TabularDataset test = data.select(rows[1]);
            nTrain = train.size();
            nTest = test.size();
            double[] y = train.target();
            PredictionIntervals pi = conformal.fit(train.features(), y, seeds.child("method"))
                    .predict(test.features());
            double[] yt = test.target();
            coverage[k] = IntervalMetrics.coverage(pi, yt);
            width[k] = IntervalMetrics.meanWidth(pi);
            double meanAbs = 0;
            for (double v : y) {
                meanAbs += Math.abs(v);
            }
            meanAbs /= y.length;
            scaled[k] = meanAbs > 0 ? width[k] / meanAbs : Double.NaN;
            score[k] = IntervalMetrics.meanIntervalScore(pi, yt);
            widthCv[k] = coefficientOfVariation(pi);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        boolean isSplit = RegressionSetup.isSplit(m);
        int nCal = isSplit ? (int) Math.ceil(split.calibrationFraction * nTrain - 1e-9) : nTrain;
        SplitCoverageLaw law = new SplitCoverageLaw(nCal, split.alpha);
        double se = law.standardErrorOfAverage(nTest, r);
        Estimate cov = RepeatSummary.of(coverage, split.seed, "coverage");
        Estimate wid = RepeatSummary.of(width, split.seed, "width");
        Estimate sca = RepeatSummary.of(scaled, split.seed, "scaled");
        Estimate sco = RepeatSummary.of(score, split.seed, "score");
        boolean inBand = cov.point() >= law.lowerBound() - 4 * se && cov.point() <= law.upperBound() + 4 * se;
        out.printf(Locale.ROOT, "rows per repeat: %d training (%s), %d test%n", nTrain, isSplit
                ? (nTrain - nCal) + " proper-training + " + nCal + " calibration" : "all used for cross-fitting",
                nTest);
        out.printf(Locale.ROOT, "coverage      %s   target %.4f; %s band [%.4f, %.4f], Monte Carlo se of the mean %.4f%s%n",
                RepeatSummary.format(cov), 1 - split.alpha, isSplit ? "finite-sample" : "split-conformal (reference only;"
                        + " guarantee 1 - 2 alpha)", law.lowerBound(), law.upperBound(), se,
                isSplit ? (inBand ? " -> within band +- 4 se" : " -> OUTSIDE band +- 4 se") : "");
        out.printf(Locale.ROOT, "mean width    %s   (units of %s)%n", RepeatSummary.format(wid), data.targetName());
        out.printf(Locale.ROOT, "scaled width  %s   (width / mean |y| of the training part)%n", RepeatSummary.format(sca));
        out.printf(Locale.ROOT, "interval score %s%n", RepeatSummary.format(sco));
        out.printf(Locale.ROOT, "took %.1f s%n", seconds);
        out.flush();
        if (split.json != null) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("command", "conformal regress");
            doc.put("data", input.describe());
            doc.put("rows", data.size());
            doc.put("features", data.featureCount());
            doc.put("target", data.targetName());
            doc.put("method", m);
            doc.put("model", mo);
            doc.put("alpha", split.alpha);
            doc.put("repeats", r);
            doc.put("seed", split.seed);
            doc.put("max_rows", split.maxRows);
            doc.put("n_train", nTrain);
            doc.put("n_calibration", isSplit ? nCal : null);
            doc.put("n_test", nTest);
            putEstimate(doc, "coverage", cov);
            putEstimate(doc, "mean_width", wid);
            putEstimate(doc, "mean_width_scaled", sca);
            putEstimate(doc, "interval_score", sco);
            doc.put("target_coverage", 1 - split.alpha);
            doc.put("band_low", law.lowerBound());
            doc.put("band_high", law.upperBound());
            doc.put("coverage_se_theory", se);
            doc.put("coverage_in_band", isSplit ? inBand : null);
            doc.put("width_cv", mean(widthCv));
            Map<String, Object> per = new LinkedHashMap<>();
            per.put("coverage", coverage);
            per.put("mean_width", width);
            per.put("mean_width_scaled", scaled);
            doc.put("per_repeat", per);
            doc.put("seconds", seconds);
            Json.writeFile(split.json, doc);
        }
        return 0;
    }

    /** sd/mean of the interval widths of one repeat: 0 for constant-width methods, larger when widths adapt. */
    private static double coefficientOfVariation(dev.quiver.uq.conformal.PredictionIntervals pi) {
        double s = 0;
        double ss = 0;
        for (int i = 0; i < pi.size(); i++) {
            double w = pi.width(i);
            s += w;
            ss += w * w;
        }
        double m = s / pi.size();
        double var = Math.max(0, ss / pi.size() - m * m);
        return m > 0 && Double.isFinite(m) ? Math.sqrt(var) / m : Double.NaN;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    static void putEstimate(Map<String, Object> doc, String key, Estimate e) {
        doc.put(key, e.point());
        doc.put(key + "_low", e.low());
        doc.put(key + "_high", e.high());
    }
}
