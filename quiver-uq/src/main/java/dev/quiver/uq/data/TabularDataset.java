package dev.quiver.uq.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An immutable tabular data set: a feature matrix (one row per example), one numeric target per row,
 * the feature and target names, and, for classification, the class names (the target then holds the
 * class index {@code 0..K-1}).
 */
public final class TabularDataset {
    private final Matrix features;
    private final double[] target;
    private final List<String> featureNames;
    private final String targetName;
    private final List<String> classNames;

    /**
     * A regression or classification data set.
     *
     * @param features the features, one row per example
     * @param target the targets (a copy is kept); for classification the class indices
     * @param featureNames one name per column
     * @param targetName the target's name
     * @param classNames the class names for classification (index = class), or an empty list for regression
     */
    public TabularDataset(Matrix features, double[] target, List<String> featureNames, String targetName,
            List<String> classNames) {
        this.features = Objects.requireNonNull(features, "features");
        if (target.length != features.rows()) {
            throw new IllegalArgumentException(features.rows() + " feature rows but " + target.length + " targets");
        }
        if (featureNames.size() != features.cols()) {
            throw new IllegalArgumentException(features.cols() + " feature columns but " + featureNames.size()
                    + " names");
        }
        this.target = target.clone();
        this.featureNames = List.copyOf(featureNames);
        this.targetName = Objects.requireNonNull(targetName, "targetName");
        this.classNames = List.copyOf(classNames);
        if (!this.classNames.isEmpty()) {
            for (int i = 0; i < this.target.length; i++) {
                double t = this.target[i];
                if (t != Math.rint(t) || t < 0 || t >= this.classNames.size()) {
                    throw new IllegalArgumentException("target " + i + " = " + t + " is not a class index below "
                            + this.classNames.size());
                }
            }
        }
    }

    /** A regression data set. */
    public static TabularDataset regression(Matrix features, double[] target, List<String> featureNames,
            String targetName) {
        return new TabularDataset(features, target, featureNames, targetName, List.of());
    }

    /** The number of examples. */
    public int size() {
        return target.length;
    }

    /** The number of features. */
    public int featureCount() {
        return features.cols();
    }

    /** The features. */
    public Matrix features() {
        return features;
    }

    /** A copy of the targets. */
    public double[] target() {
        return target.clone();
    }

    /** The target of example {@code i}. */
    public double target(int i) {
        return target[i];
    }

    /** The class indices (classification only). */
    public int[] labels() {
        if (!isClassification()) {
            throw new IllegalStateException("a regression data set has no class labels");
        }
        int[] l = new int[target.length];
        for (int i = 0; i < l.length; i++) {
            l[i] = (int) target[i];
        }
        return l;
    }

    /** The feature names, one per column. */
    public List<String> featureNames() {
        return featureNames;
    }

    /** The target's name. */
    public String targetName() {
        return targetName;
    }

    /** The class names (index = class), empty for regression. */
    public List<String> classNames() {
        return classNames;
    }

    /** Whether the target holds class indices. */
    public boolean isClassification() {
        return !classNames.isEmpty();
    }

    /** The examples at {@code rows}, in that order. */
    public TabularDataset select(int[] rows) {
        double[] t = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            t[k] = target[rows[k]];
        }
        return new TabularDataset(features.selectRows(rows), t, featureNames, targetName, classNames);
    }

    @Override
    public String toString() {
        return "TabularDataset[" + size() + " rows, " + featureCount() + " features, target " + targetName
                + (isClassification() ? ", " + classNames.size() + " classes" : "") + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TabularDataset d && features.equals(d.features) && Arrays.equals(target, d.target)
                && featureNames.equals(d.featureNames) && targetName.equals(d.targetName)
                && classNames.equals(d.classNames);
    }

    @Override
    public int hashCode() {
        return Objects.hash(features, Arrays.hashCode(target), featureNames, targetName, classNames);
    }
}
