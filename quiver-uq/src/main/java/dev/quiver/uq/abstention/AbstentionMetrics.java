package dev.quiver.uq.abstention;

/**
 * Test-set quality of abstention outputs.
 *
 * @param coverage the share of rows whose output covers the label, an abstention counting as covered (the
 *     quantity the conformal guarantee is about)
 * @param answeredCoverage the share of answered (non-abstained) rows whose set holds the label (NaN if none)
 * @param meanSetSize the mean number of labels over answered rows (NaN if none)
 * @param effectiveSetSize the mean number of labels with an abstention counted as all K labels
 * @param abstentionRate the share of rows abstained
 * @param singletonRate the share of rows answered with a single label
 * @param singletonAccuracy the share of single-label answers that are right (NaN if none)
 * @param meanUtility the mean reward of the outputs under the utility used
 */
public record AbstentionMetrics(double coverage, double answeredCoverage, double meanSetSize, double effectiveSetSize,
        double abstentionRate, double singletonRate, double singletonAccuracy, double meanUtility) {

    /** The metrics of {@code out} against {@code labels}, with rewards from {@code utility}. */
    public static AbstentionMetrics of(AbstentionPredictions out, int[] labels, AbstentionUtility utility) {
        int n = out.size();
        if (labels.length != n || n == 0) {
            throw new IllegalArgumentException(n + " outputs but " + labels.length + " labels");
        }
        int covered = 0;
        int answered = 0;
        int answeredCovered = 0;
        long sizes = 0;
        long effective = 0;
        int abstained = 0;
        int singles = 0;
        int singlesRight = 0;
        double utilitySum = 0;
        for (int i = 0; i < n; i++) {
            boolean c = out.covers(i, labels[i]);
            if (c) {
                covered++;
            }
            if (out.abstained(i)) {
                abstained++;
                effective += out.numClasses();
                utilitySum += utility.abstention();
                continue;
            }
            int s = out.setSize(i);
            answered++;
            sizes += s;
            effective += s;
            if (c) {
                answeredCovered++;
            }
            if (s == 1) {
                singles++;
                if (c) {
                    singlesRight++;
                }
            }
            utilitySum += utility.prediction(s, c);
        }
        return new AbstentionMetrics((double) covered / n, answered == 0 ? Double.NaN : (double) answeredCovered / answered,
                answered == 0 ? Double.NaN : (double) sizes / answered, (double) effective / n, (double) abstained / n,
                (double) singles / n, singles == 0 ? Double.NaN : (double) singlesRight / singles, utilitySum / n);
    }
}
