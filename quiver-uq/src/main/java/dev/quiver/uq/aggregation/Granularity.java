package dev.quiver.uq.aggregation;

/**
 * How finely the aggregation weights vary, the paper's three levels for M base models and m quantile levels.
 * The aggregate at level {@code τ_k} is {@code g(x; τ_k) = Σ_s w_{k,s} b_s(x; τ_k)}, a convex combination
 * (softmax weights) over sources s:
 * <ul>
 *   <li>{@link #COARSE}: one weight per model, {@code w_j}, shared by all levels (sources: the M models'
 *       predictions at the same level);</li>
 *   <li>{@link #MEDIUM}: one weight per model and level, {@code w_j(τ_k)};</li>
 *   <li>{@link #FINE}: for each output level, one weight per model and <em>input</em> level,
 *       {@code w_{j,l}(τ_k)}, so level {@code τ_k} may borrow any base model's quantile at any level
 *       (sources: all M·m base predictions).</li>
 * </ul>
 *
 * @see <a href="https://arxiv.org/abs/2103.00083">Fakoor et al. (2023), Flexible Model Aggregation for
 *     Quantile Regression, arXiv:2103.00083 (Section 3, coarse, medium and fine aggregators)</a>
 */
public enum Granularity {
    /** One weight per model. */
    COARSE,
    /** One weight per model and quantile level. */
    MEDIUM,
    /** For each output level, one weight per model and input level. */
    FINE;

    /** The number of sources each output level combines: M, or M·m for {@link #FINE}. */
    public int sources(int models, int levels) {
        return this == FINE ? models * levels : models;
    }

    /** The number of free weight vectors (softmax groups): 1 for {@link #COARSE}, else one per level. */
    public int groups(int levels) {
        return this == COARSE ? 1 : levels;
    }

    /**
     * The base prediction that source s feeds into output level k, from {@code base[model][level]} of one
     * row.
     */
    double source(double[][] base, int k, int s) {
        if (this == FINE) {
            int levels = base[0].length;
            return base[s / levels][s % levels];
        }
        return base[s][k];
    }

    /** The name used on the command line, e.g. {@code medium}. */
    public String cliName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
