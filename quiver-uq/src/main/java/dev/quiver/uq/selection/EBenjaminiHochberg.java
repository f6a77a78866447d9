package dev.quiver.uq.selection;

import java.util.Arrays;

/**
 * The e-BH procedure at level q: with m e-values sorted as {@code e_[1] ≥ … ≥ e_[m]}, reject the {@code k*}
 * largest, {@code k* = max{k : e_[k] ≥ m / (q k)}} (none if no such k). It is BH applied to {@code 1/e}, and it
 * controls the FDR at {@code q m_0 / m} under any dependence among the e-values (each null e-value having
 * expectation at most 1) — which is why OptCS, whose p-values have a complicated dependence, goes through it.
 * Comparisons carry a relative tolerance of 1e-12, so that an e-value {@code m / (q R)} meets the cut-off
 * {@code m / (q k)} at {@code k = R} despite rounding.
 *
 * @see <a href="https://arxiv.org/abs/2009.02824">Wang and Ramdas (2022), False discovery rate control with
 *     e-values, JRSS B 84(3), arXiv:2009.02824</a>
 */
public final class EBenjaminiHochberg {
    private EBenjaminiHochberg() {
    }

    /** The number of rejections {@code k*} (0 when none). */
    public static int rejections(double[] eValues, double q) {
        BenjaminiHochberg.checkLevel(q);
        double[] sorted = eValues.clone();
        for (int i = 0; i < sorted.length; i++) {
            if (!(sorted[i] >= 0)) {
                throw new IllegalArgumentException("e-value " + i + " must be >= 0, got " + sorted[i]);
            }
        }
        Arrays.sort(sorted);
        int m = sorted.length;
        for (int k = m; k >= 1; k--) {
            // the k-th largest is sorted[m - k]
            if (passes(sorted[m - k], q, k, m)) {
                return k;
            }
        }
        return 0;
    }

    /** The rejected hypotheses' indices, ascending. Ties at the cut-off value are all rejected. */
    public static int[] select(double[] eValues, double q) {
        int k = rejections(eValues, q);
        if (k == 0) {
            return new int[0];
        }
        int m = eValues.length;
        int count = 0;
        for (double e : eValues) {
            if (passes(e, q, k, m)) {
                count++;
            }
        }
        int[] out = new int[count];
        int c = 0;
        for (int i = 0; i < m; i++) {
            if (passes(eValues[i], q, k, m)) {
                out[c++] = i;
            }
        }
        return out;
    }

    /** Whether {@code e ≥ m / (q k)}, up to a relative tolerance of 1e-12. */
    private static boolean passes(double e, double q, int k, int m) {
        return e * q * k >= m * (1 - 1e-12);
    }
}
