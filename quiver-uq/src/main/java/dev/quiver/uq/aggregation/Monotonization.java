package dev.quiver.uq.aggregation;

import java.util.Arrays;

/**
 * How the predicted quantiles of one row are made non-decreasing across levels after aggregation: not at all,
 * by sorting (the rearrangement of Chernozhukov, Fernández-Val and Galichon), or by isotonic regression
 * (pool adjacent violators). Fakoor et al. prove that, for every outcome y, either can only lower the
 * weighted interval score (a sum of pinball losses over levels): sorting by a rearrangement inequality,
 * isotonic regression because each pooled block's mean lowers the absolute part of the loss (Jensen) and,
 * since every prefix of a pooled block lies above the block mean, also its linear part.
 *
 * @see <a href="https://arxiv.org/abs/2103.00083">Fakoor et al. (2023), Flexible Model Aggregation for
 *     Quantile Regression, arXiv:2103.00083 (Section 4, post sorting and isotonic regression)</a>
 * @see <a href="https://arxiv.org/abs/0704.3649">Chernozhukov, Fernández-Val and Galichon (2010), Quantile and
 *     probability curves without crossing, arXiv:0704.3649</a>
 */
public enum Monotonization {
    /** Leave the quantiles as they are. */
    NONE,
    /** Sort each row ascending. */
    SORT,
    /** Replace each row by its isotonic (least-squares non-decreasing) fit. */
    ISOTONIC;

    /** The monotonised copy of one row. */
    public double[] apply(double[] q) {
        return switch (this) {
            case NONE -> q.clone();
            case SORT -> {
                double[] s = q.clone();
                Arrays.sort(s);
                yield s;
            }
            case ISOTONIC -> PoolAdjacentViolators.fit(q);
        };
    }

    /** The monotonised copy of every row. */
    public double[][] apply(double[][] q) {
        double[][] out = new double[q.length][];
        for (int i = 0; i < q.length; i++) {
            out[i] = apply(q[i]);
        }
        return out;
    }

    /** The name used on the command line, e.g. {@code sort}. */
    public String cliName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
