package dev.quiver.uq.calibration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The data of a reliability diagram: predicted probabilities of a binary event grouped into bins, with each
 * bin's mean prediction and observed frequency; a calibrated predictor has them equal. Bins are equal-width
 * ({@code B} bins of [0, 1], a prediction p in bin {@code min(⌊p B⌋, B − 1)}, empty bins kept with NaN means)
 * or equal-mass (units sorted by prediction, bin b holding ranks {@code [⌊b N / B⌋, ⌊(b + 1) N / B⌋)}, so equal
 * predictions may straddle two bins; empty bins dropped). For a multiclass classifier, {@link #topLabel} uses
 * the top-label event "the predicted class is right" with the confidence {@code max_k p_k}. The expected
 * calibration error is {@code Σ_b (n_b / N) |freq_b − conf_b|}.
 *
 * @param bins the bins, in ascending order of prediction
 * @see <a href="https://doi.org/10.1609/aaai.v29i1.9602">Naeini, Cooper and Hauskrecht (2015), Obtaining well
 *     calibrated probabilities using Bayesian binning, AAAI (ECE)</a>
 * @see <a href="https://arxiv.org/abs/1706.04599">Guo, Pleiss, Sun and Weinberger (2017), On Calibration of
 *     Modern Neural Networks, arXiv:1706.04599 (reliability diagrams, top-label ECE)</a>
 * @see <a href="https://arxiv.org/abs/1904.01685">Nixon, Dusenberry, Zhang, Jerfel and Tran (2019), Measuring
 *     Calibration in Deep Learning, arXiv:1904.01685 (adaptive, equal-mass bins)</a>
 */
public record ReliabilityDiagram(List<Bin> bins) {
    /**
     * One bin.
     *
     * @param lower the bin's lower edge (equal-width) or smallest prediction (equal-mass)
     * @param upper the bin's upper edge (equal-width) or largest prediction (equal-mass)
     * @param count the number of units in it
     * @param meanPredicted their mean predicted probability (NaN when empty)
     * @param observedFrequency the share of them for which the event happened (NaN when empty)
     */
    public record Bin(double lower, double upper, int count, double meanPredicted, double observedFrequency) {
    }

    /** Copies the list. */
    public ReliabilityDiagram {
        bins = List.copyOf(bins);
    }

    /** Equal-width bins of the predictions {@code p} of the 0/1 outcomes {@code y}. */
    public static ReliabilityDiagram equalWidth(double[] p, int[] y, int bins) {
        check(p, y, bins);
        int[] count = new int[bins];
        double[] sumP = new double[bins];
        double[] sumY = new double[bins];
        for (int i = 0; i < p.length; i++) {
            int b = Math.min((int) Math.floor(p[i] * bins), bins - 1);
            count[b]++;
            sumP[b] += p[i];
            sumY[b] += y[i];
        }
        List<Bin> out = new ArrayList<>(bins);
        for (int b = 0; b < bins; b++) {
            out.add(new Bin((double) b / bins, (b + 1.0) / bins, count[b], count[b] == 0 ? Double.NaN : sumP[b] / count[b],
                    count[b] == 0 ? Double.NaN : sumY[b] / count[b]));
        }
        return new ReliabilityDiagram(out);
    }

    /** Equal-mass (adaptive) bins of the predictions {@code p} of the 0/1 outcomes {@code y}. */
    public static ReliabilityDiagram equalMass(double[] p, int[] y, int bins) {
        check(p, y, bins);
        int n = p.length;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(p[a], p[b]));
        List<Bin> out = new ArrayList<>(bins);
        for (int b = 0; b < bins; b++) {
            int from = (int) ((long) b * n / bins);
            int to = (int) ((long) (b + 1) * n / bins);
            if (to == from) {
                continue;
            }
            double sumP = 0;
            double sumY = 0;
            for (int r = from; r < to; r++) {
                sumP += p[idx[r]];
                sumY += y[idx[r]];
            }
            out.add(new Bin(p[idx[from]], p[idx[to - 1]], to - from, sumP / (to - from), sumY / (to - from)));
        }
        return new ReliabilityDiagram(out);
    }

    /**
     * Equal-width bins of the top-label confidence {@code max_k p_k} against "the predicted class (the first
     * largest probability) is the label".
     */
    public static ReliabilityDiagram topLabel(double[][] probabilities, int[] labels, int bins) {
        double[] conf = new double[probabilities.length];
        int[] correct = new int[probabilities.length];
        for (int i = 0; i < conf.length; i++) {
            int arg = 0;
            for (int k = 1; k < probabilities[i].length; k++) {
                if (probabilities[i][k] > probabilities[i][arg]) {
                    arg = k;
                }
            }
            conf[i] = probabilities[i][arg];
            correct[i] = arg == labels[i] ? 1 : 0;
        }
        return equalWidth(conf, correct, bins);
    }

    /** {@code Σ_b (n_b / N) |freq_b − conf_b|} over non-empty bins. */
    public double expectedCalibrationError() {
        long n = 0;
        double sum = 0;
        for (Bin b : bins) {
            if (b.count() > 0) {
                n += b.count();
                sum += b.count() * Math.abs(b.observedFrequency() - b.meanPredicted());
            }
        }
        return sum / n;
    }

    private static void check(double[] p, int[] y, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("need at least one bin, got " + bins);
        }
        if (p.length != y.length || p.length == 0) {
            throw new IllegalArgumentException(p.length + " predictions but " + y.length + " outcomes (need >= 1)");
        }
        for (int i = 0; i < p.length; i++) {
            if (!(p[i] >= 0 && p[i] <= 1)) {
                throw new IllegalArgumentException("prediction " + i + " = " + p[i] + " is not a probability");
            }
            if (y[i] != 0 && y[i] != 1) {
                throw new IllegalArgumentException("outcome " + i + " must be 0 or 1, got " + y[i]);
            }
        }
    }
}
