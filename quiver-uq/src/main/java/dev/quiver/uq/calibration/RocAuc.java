package dev.quiver.uq.calibration;

import java.util.Arrays;

/**
 * The area under the ROC curve as the Mann–Whitney statistic: the probability that a random positive unit
 * scores above a random negative one, ties counting one half, {@code (R₊ − n₊(n₊ + 1)/2) / (n₊ n₋)} with
 * {@code R₊} the sum of the positives' mid-ranks. It depends only on the ranking of the scores, so a strictly
 * increasing recalibration (Platt, temperature) leaves it unchanged, while one with flat pieces (isotonic) can
 * create ties and move it.
 *
 * @see <a href="https://doi.org/10.1148/radiology.143.1.7063747">Hanley and McNeil (1982), The meaning and use
 *     of the area under a receiver operating characteristic (ROC) curve, Radiology 143(1)</a>
 */
public final class RocAuc {
    private RocAuc() {
    }

    /**
     * The AUC of {@code scores} for the 0/1 {@code labels}.
     *
     * @throws IllegalArgumentException if a class is absent or a score is NaN
     */
    public static double of(double[] scores, int[] labels) {
        int n = scores.length;
        if (labels.length != n) {
            throw new IllegalArgumentException(n + " scores but " + labels.length + " labels");
        }
        Integer[] idx = new Integer[n];
        long positives = 0;
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(scores[i])) {
                throw new IllegalArgumentException("score " + i + " is NaN");
            }
            if (labels[i] != 0 && labels[i] != 1) {
                throw new IllegalArgumentException("label " + i + " must be 0 or 1, got " + labels[i]);
            }
            positives += labels[i];
            idx[i] = i;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("the AUC needs both classes; got " + positives + " positive and "
                    + negatives + " negative units");
        }
        Arrays.sort(idx, (a, b) -> Double.compare(scores[a], scores[b]));
        double rankSum = 0;
        int r = 0;
        while (r < n) {
            int s = r;
            while (s + 1 < n && scores[idx[s + 1]] == scores[idx[r]]) {
                s++;
            }
            double midRank = (r + s) / 2.0 + 1;
            for (int t = r; t <= s; t++) {
                if (labels[idx[t]] == 1) {
                    rankSum += midRank;
                }
            }
            r = s + 1;
        }
        return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }
}
