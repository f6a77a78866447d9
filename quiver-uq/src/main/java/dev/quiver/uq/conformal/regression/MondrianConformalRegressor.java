package dev.quiver.uq.conformal.regression;

import dev.quiver.core.seed.Seeds;
import dev.quiver.uq.conformal.CalibrationScores;
import dev.quiver.uq.conformal.ConformalQuantile;
import dev.quiver.uq.data.DataSplit;
import dev.quiver.uq.data.Matrix;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Mondrian (group-conditional) split conformal regression: as {@link SplitConformalRegressor}, but the
 * threshold of a test row is the conformal quantile of the calibration scores of its own group only, so
 * coverage is at least 1 − α within every group, not just on average ({@code 1 − α + 1/(n_g + 1)} at
 * most for tie-free scores). A group with {@code n_g} calibration rows and
 * {@code ⌈(n_g + 1)(1 − α)⌉ > n_g} (including groups never seen in calibration) gets infinite intervals.
 *
 * @param score the nonconformity score
 * @param groups the group of a row
 * @param alpha the miscoverage α
 * @param calibrationFraction the calibration share, in (0, 1)
 * @see <a href="https://doi.org/10.1007/b106715">Vovk, Gammerman and Shafer (2005), Algorithmic Learning in a
 *     Random World, Section 4.5 (Mondrian conformal predictors)</a>
 * @see <a href="https://arxiv.org/abs/1209.2673">Vovk (2012), Conditional validity of inductive conformal
 *     predictors, arXiv:1209.2673</a>
 */
public record MondrianConformalRegressor(RegressionScore score, GroupFunction groups, double alpha,
        double calibrationFraction) implements ConformalRegressor {
    /** Validates the settings. */
    public MondrianConformalRegressor {
        ConformalQuantile.checkAlpha(alpha);
        if (!(calibrationFraction > 0 && calibrationFraction < 1)) {
            throw new IllegalArgumentException("calibration fraction must be in (0, 1), got " + calibrationFraction);
        }
    }

    @Override
    public String name() {
        return "mondrian";
    }

    @Override
    public IntervalPredictor fit(Matrix x, double[] y, Seeds seeds) {
        DataSplit split = DataSplit.random(x.rows(), 0, calibrationFraction, seeds.child("split").rng());
        int[] tr = split.train();
        int[] cal = split.calibration();
        return fit(x.selectRows(tr), SplitConformalRegressor.select(y, tr), x.selectRows(cal),
                SplitConformalRegressor.select(y, cal), seeds);
    }

    /** Fits on the given proper-training part and calibrates per group on the given calibration part. */
    public IntervalPredictor fit(Matrix xTrain, double[] yTrain, Matrix xCal, double[] yCal, Seeds seeds) {
        FittedRegressionScore fitted = score.fit(xTrain, yTrain, seeds.child("fit"));
        double[] s = fitted.scores(xCal, yCal);
        int[] g = groups.groups(xCal);
        Map<Integer, List<Double>> byGroup = new HashMap<>();
        for (int i = 0; i < s.length; i++) {
            byGroup.computeIfAbsent(g[i], k -> new ArrayList<>()).add(s[i]);
        }
        Map<Integer, Double> threshold = new HashMap<>();
        for (Map.Entry<Integer, List<Double>> e : byGroup.entrySet()) {
            double[] v = e.getValue().stream().mapToDouble(Double::doubleValue).toArray();
            threshold.put(e.getKey(), CalibrationScores.of(v).quantile(alpha));
        }
        return x -> {
            int[] gt = groups.groups(x);
            double[] t = new double[gt.length];
            for (int i = 0; i < t.length; i++) {
                t[i] = threshold.getOrDefault(gt[i], Double.POSITIVE_INFINITY);
            }
            return fitted.intervals(x, t, alpha);
        };
    }
}
