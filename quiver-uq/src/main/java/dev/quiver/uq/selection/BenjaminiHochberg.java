package dev.quiver.uq.selection;

import java.util.Arrays;

/**
 * The Benjamini–Hochberg step-up procedure at level q: with m p-values sorted as {@code p_(1) ≤ … ≤ p_(m)},
 * reject the hypotheses with the {@code k*} smallest p-values, {@code k* = max{k : p_(k) ≤ q k / m}} (none if
 * no such k). Controls the FDR at {@code q m_0 / m} for independent or PRDS p-values; conformal p-values
 * sharing one calibration set are PRDS (Jin and Candès 2023, Theorem 2.3 there). Comparisons carry a relative
 * tolerance of 1e-12 ({@link #withinLevel}) so that values equal in exact arithmetic (a p-value {@code a/(n+1)}
 * against {@code q k / m}) are not split by rounding.
 *
 * @see <a href="https://doi.org/10.1111/j.2517-6161.1995.tb02031.x">Benjamini and Hochberg (1995),
 *     Controlling the false discovery rate, JRSS B 57(1)</a>
 * @see <a href="https://arxiv.org/abs/2210.01408">Jin and Candès (2023), Selection by Prediction with
 *     Conformal p-values, JMLR 24, arXiv:2210.01408</a>
 */
public final class BenjaminiHochberg {
    private BenjaminiHochberg() {
    }

    /** The number of rejections {@code k*} (0 when none). */
    public static int rejections(double[] pValues, double q) {
        checkLevel(q);
        double[] sorted = pValues.clone();
        for (int i = 0; i < sorted.length; i++) {
            if (Double.isNaN(sorted[i])) {
                throw new IllegalArgumentException("p-value " + i + " is NaN");
            }
        }
        Arrays.sort(sorted);
        return stepUp(sorted, q);
    }

    /** The rejected hypotheses' indices, ascending. Ties at the cut-off value are all rejected. */
    public static int[] select(double[] pValues, double q) {
        int k = rejections(pValues, q);
        if (k == 0) {
            return new int[0];
        }
        int m = pValues.length;
        int count = 0;
        for (double p : pValues) {
            if (withinLevel(p, q, k, m)) {
                count++;
            }
        }
        int[] out = new int[count];
        int c = 0;
        for (int i = 0; i < m; i++) {
            if (withinLevel(pValues[i], q, k, m)) {
                out[c++] = i;
            }
        }
        return out;
    }

    /** Whether {@code p ≤ q k / m}, up to a relative tolerance of 1e-12. */
    static boolean withinLevel(double p, double q, int k, int m) {
        return p * m <= q * k * (1 + 1e-12);
    }

    /** {@code k*} for p-values already sorted ascending. */
    static int stepUp(double[] sorted, double q) {
        int m = sorted.length;
        for (int k = m; k >= 1; k--) {
            if (withinLevel(sorted[k - 1], q, k, m)) {
                return k;
            }
        }
        return 0;
    }

    /** Checks that the level q is in (0, 1). */
    static void checkLevel(double q) {
        if (!(q > 0 && q < 1)) {
            throw new IllegalArgumentException("FDR level q must be in (0, 1), got " + q);
        }
    }
}
