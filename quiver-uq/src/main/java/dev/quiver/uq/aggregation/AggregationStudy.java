package dev.quiver.uq.aggregation;

import dev.quiver.core.seed.Seeds;
import dev.quiver.uq.data.FourWaySplit;
import dev.quiver.uq.data.TabularDataset;
import dev.quiver.uq.model.QuantileModel;
import dev.quiver.uq.model.QuantileRegressor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One random split of the quantile-aggregation experiment of Fakoor et al.: the rows (optionally a random
 * subsample of {@code maxRows}) are split into test rows ({@code testFraction}) and, of the rest, base-model
 * training rows, aggregation rows ({@code aggregationFraction}) and calibration rows ({@code calibrationFraction});
 * every base model is fitted on the training rows; the aggregators' weights on the aggregation rows; conformal
 * offsets on the calibration rows; everything is scored on the test rows by the weighted interval score
 * ({@link QuantileLoss}) as predicted, after sorting and after isotonic regression, with the coverage and width
 * of the outermost central interval before and after conformal calibration.
 *
 * <p>Methods: each base model; {@code select} (the base model with the lowest sorted WIS on the aggregation
 * rows); {@code mean} (equal weights); {@code global-coarse}, {@code global-medium}, {@code global-fine}
 * ({@link GlobalAggregator}); and {@code local-<granularity>} ({@link LocalAggregator}) unless {@code local} is
 * null. Seeds of split r: {@code seeds.child("subsample")}, {@code child("split")}, {@code child("base", j)},
 * {@code child("local")}.
 *
 * @param levels the quantile levels, ascending and symmetric about 1/2 (for calibration)
 * @param baseModels the base models (at least one)
 * @param global the global aggregator settings (its granularity is replaced by each of the three)
 * @param local the local aggregator, or null to skip it
 * @param testFraction the test share of the rows
 * @param aggregationFraction the aggregation share of the non-test rows
 * @param calibrationFraction the calibration share of the non-test rows
 * @param maxRows use a random subsample of at most this many rows (0: all rows)
 * @see <a href="https://arxiv.org/abs/2103.00083">Fakoor et al. (2023), Flexible Model Aggregation for
 *     Quantile Regression, arXiv:2103.00083</a>
 */
public record AggregationStudy(double[] levels, List<BaseModel> baseModels, GlobalAggregator global,
        LocalAggregator local, double testFraction, double aggregationFraction, double calibrationFraction,
        int maxRows) {
    /** Validates and copies. */
    public AggregationStudy {
        levels = QuantileRegressor.checkLevels(levels);
        baseModels = List.copyOf(baseModels);
        Objects.requireNonNull(global, "global");
        if (baseModels.isEmpty()) {
            throw new IllegalArgumentException("need at least one base model");
        }
        if (!(testFraction > 0 && testFraction < 1) || !(aggregationFraction > 0) || !(calibrationFraction > 0)
                || !(aggregationFraction + calibrationFraction < 1)) {
            throw new IllegalArgumentException("need test fraction in (0, 1) and positive aggregation and calibration"
                    + " fractions summing below 1, got " + testFraction + ", " + aggregationFraction + ", "
                    + calibrationFraction);
        }
        if (maxRows < 0) {
            throw new IllegalArgumentException("maxRows must be >= 0, got " + maxRows);
        }
    }

    /**
     * The eleven levels 0.05, 0.1, 0.2, ..., 0.9, 0.95: five central intervals (90%, 80%, 60%, 40%, 20%) and
     * the median.
     */
    public static double[] defaultLevels() {
        return new double[] {0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95};
    }

    @Override
    public double[] levels() {
        return levels.clone();
    }

    /** The granularities of the global aggregates, in output order. */
    public static List<Granularity> globalGranularities() {
        return List.of(Granularity.COARSE, Granularity.MEDIUM, Granularity.FINE);
    }

    /** Runs one split with the seeds of that split. */
    public AggregationSplit run(TabularDataset data, Seeds seeds) {
        long start = System.nanoTime();
        FourWaySplit split = FourWaySplit.random(data.size(), maxRows, testFraction, aggregationFraction, calibrationFraction,
                "aggregation", seeds);
        TabularDataset train = data.select(split.train());
        TabularDataset agg = data.select(split.stage());
        TabularDataset cal = data.select(split.calibration());
        TabularDataset test = data.select(split.test());
        List<QuantileModel> fitted = new ArrayList<>();
        for (int j = 0; j < baseModels.size(); j++) {
            fitted.add(baseModels.get(j).regressor().fit(train.features(), train.target(), levels,
                    seeds.child("base", j)));
        }
        QuantileStack bAgg = QuantileStack.predict(fitted, agg.features());
        QuantileStack bCal = QuantileStack.predict(fitted, cal.features());
        QuantileStack bTest = QuantileStack.predict(fitted, test.features());
        double[] yAgg = agg.target();
        double[] yCal = cal.target();
        double[] yTest = test.target();
        Map<String, MethodScores> scores = new LinkedHashMap<>();
        Map<String, double[]> shares = new LinkedHashMap<>();
        String selected = null;
        double bestAgg = Double.POSITIVE_INFINITY;
        int bestIndex = 0;
        for (int j = 0; j < baseModels.size(); j++) {
            double w = QuantileLoss.meanWis(levels, Monotonization.SORT.apply(bAgg.model(j)), yAgg);
            if (w < bestAgg) {
                bestAgg = w;
                selected = baseModels.get(j).name();
                bestIndex = j;
            }
            scores.put(baseModels.get(j).name(), score(bTest.model(j), yTest, bCal.model(j), yCal));
        }
        scores.put("select", score(bTest.model(bestIndex), yTest, bCal.model(bestIndex), yCal));
        scores.put("mean", score(bTest.mean(), yTest, bCal.mean(), yCal));
        for (Granularity g : globalGranularities()) {
            GlobalAggregate a = global.withGranularity(g).fit(bAgg, yAgg, levels);
            String name = "global-" + g.cliName();
            scores.put(name, score(a.aggregate(test.features(), bTest), yTest, a.aggregate(cal.features(), bCal), yCal));
            shares.put(name, a.modelShares());
        }
        if (local != null) {
            LocalAggregate a = local.fit(agg.features(), bAgg, yAgg, levels, seeds.child("local"));
            scores.put("local-" + local.granularity().cliName(), score(a.aggregate(test.features(), bTest), yTest,
                    a.aggregate(cal.features(), bCal), yCal));
        }
        return new AggregationSplit(train.size(), agg.size(), cal.size(), test.size(), scores, shares, selected,
                (System.nanoTime() - start) / 1e9);
    }

    /** Scores test quantiles as predicted, sorted, isotonic, and sorted then calibrated on the calibration rows. */
    private MethodScores score(double[][] qTest, double[] yTest, double[][] qCal, double[] yCal) {
        double[][] sorted = Monotonization.SORT.apply(qTest);
        double[][] iso = Monotonization.ISOTONIC.apply(qTest);
        double[] raw = QuantileLoss.wisPerRow(levels, qTest, yTest);
        double[] ws = QuantileLoss.wisPerRow(levels, sorted, yTest);
        double[] wi = QuantileLoss.wisPerRow(levels, iso, yTest);
        double maxSort = Double.NEGATIVE_INFINITY;
        double maxIso = Double.NEGATIVE_INFINITY;
        int crossed = 0;
        for (int i = 0; i < raw.length; i++) {
            maxSort = Math.max(maxSort, ws[i] - raw[i]);
            maxIso = Math.max(maxIso, wi[i] - raw[i]);
            if (!Arrays.equals(sorted[i], qTest[i])) {
                crossed++;
            }
        }
        int hi = levels.length - 1;
        ConformalQuantileCalibration c = ConformalQuantileCalibration.fit(levels, Monotonization.SORT.apply(qCal), yCal);
        double[][] calibrated = c.apply(sorted);
        return new MethodScores(mean(raw), mean(ws), mean(wi), (double) crossed / raw.length, maxSort, maxIso,
                QuantileLoss.intervalCoverage(sorted, yTest, 0, hi), QuantileLoss.meanWidth(sorted, 0, hi),
                QuantileLoss.meanWis(levels, calibrated, yTest), QuantileLoss.intervalCoverage(calibrated, yTest, 0, hi),
                QuantileLoss.meanWidth(calibrated, 0, hi));
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }
}
