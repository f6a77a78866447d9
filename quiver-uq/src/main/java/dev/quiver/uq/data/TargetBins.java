package dev.quiver.uq.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A classification task made from a regression data set: the target is cut at its empirical quantiles into
 * {@code bins} classes of (nearly) equal frequency, class 0 the lowest values. Cut points are the
 * {@code ⌈j n / bins⌉}-th smallest values, {@code j = 1..bins−1}; a value equal to a cut point goes to the lower
 * class, so ties (e.g. count data) can make classes unequal.
 */
public final class TargetBins {
    private TargetBins() {
    }

    /** The binned data set; class names {@code q1..qB}. */
    public static TabularDataset classify(TabularDataset regression, int bins) {
        if (regression.isClassification()) {
            throw new IllegalArgumentException("the data set is already a classification task");
        }
        if (bins < 2) {
            throw new IllegalArgumentException("need at least 2 bins, got " + bins);
        }
        double[] y = regression.target();
        int n = y.length;
        if (n < bins) {
            throw new IllegalArgumentException(n + " rows cannot fill " + bins + " bins");
        }
        double[] sorted = y.clone();
        Arrays.sort(sorted);
        double[] cuts = new double[bins - 1];
        for (int j = 1; j < bins; j++) {
            cuts[j - 1] = sorted[(int) Math.ceil((double) j * n / bins) - 1];
        }
        double[] classes = new double[n];
        for (int i = 0; i < n; i++) {
            int c = 0;
            while (c < cuts.length && y[i] > cuts[c]) {
                c++;
            }
            classes[i] = c;
        }
        List<String> names = new ArrayList<>();
        for (int j = 1; j <= bins; j++) {
            names.add("q" + j);
        }
        return new TabularDataset(regression.features(), classes, regression.featureNames(),
                regression.targetName() + " (" + bins + " quantile bins)", names);
    }
}
