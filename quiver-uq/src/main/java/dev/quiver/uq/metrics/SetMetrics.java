package dev.quiver.uq.metrics;

import dev.quiver.uq.conformal.PredictionSets;
import java.util.Map;
import java.util.TreeMap;

/**
 * Quality of prediction sets on labelled test rows: coverage, mean set size, coverage stratified by set
 * size (a check of adaptivity: small sets should not under-cover) and coverage per class.
 *
 * @see <a href="https://arxiv.org/abs/2009.14193">Angelopoulos, Bates, Malik and Jordan (2021), Uncertainty
 *     Sets for Image Classifiers using Conformal Prediction, arXiv:2009.14193 (size-stratified coverage)</a>
 */
public final class SetMetrics {
    private SetMetrics() {
    }

    /** The share of rows whose set contains the label. */
    public static double coverage(PredictionSets sets, int[] labels) {
        check(sets, labels);
        int c = 0;
        for (int i = 0; i < labels.length; i++) {
            if (sets.contains(i, labels[i])) {
                c++;
            }
        }
        return (double) c / labels.length;
    }

    /** The mean number of classes per set. */
    public static double meanSize(PredictionSets sets) {
        if (sets.size() == 0) {
            throw new IllegalArgumentException("no sets");
        }
        double s = 0;
        for (int i = 0; i < sets.size(); i++) {
            s += sets.setSize(i);
        }
        return s / sets.size();
    }

    /** Coverage by set size, keyed by size in ascending order. */
    public static Map<Integer, GroupCoverage> sizeStratifiedCoverage(PredictionSets sets, int[] labels) {
        check(sets, labels);
        int[] sizes = new int[labels.length];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = sets.setSize(i);
        }
        return byGroup(sets, labels, sizes);
    }

    /** Coverage per true class, keyed by class. */
    public static Map<Integer, GroupCoverage> classCoverage(PredictionSets sets, int[] labels) {
        check(sets, labels);
        return byGroup(sets, labels, labels);
    }

    /** Coverage per group ({@code groups[i]} the group of row i). */
    public static Map<Integer, GroupCoverage> groupCoverage(PredictionSets sets, int[] labels, int[] groups) {
        check(sets, labels);
        if (groups.length != labels.length) {
            throw new IllegalArgumentException(labels.length + " labels but " + groups.length + " groups");
        }
        return byGroup(sets, labels, groups);
    }

    private static Map<Integer, GroupCoverage> byGroup(PredictionSets sets, int[] labels, int[] groups) {
        Map<Integer, int[]> counts = new TreeMap<>();
        for (int i = 0; i < labels.length; i++) {
            int[] c = counts.computeIfAbsent(groups[i], g -> new int[2]);
            c[0]++;
            if (sets.contains(i, labels[i])) {
                c[1]++;
            }
        }
        Map<Integer, GroupCoverage> out = new TreeMap<>();
        counts.forEach((g, c) -> out.put(g, new GroupCoverage(c[0], c[1])));
        return out;
    }

    private static void check(PredictionSets sets, int[] labels) {
        if (sets.size() != labels.length) {
            throw new IllegalArgumentException(sets.size() + " sets but " + labels.length + " labels");
        }
        if (labels.length == 0) {
            throw new IllegalArgumentException("no test rows");
        }
    }
}
