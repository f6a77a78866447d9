package dev.quiver.eval.bootstrap;

/**
 * How a bootstrap confidence interval is read off the replicates {@code theta*_1..theta*_B} of an
 * estimate {@code theta}, at nominal coverage {@code 1 - alpha}. Quantiles {@code q(p)} of the
 * replicates interpolate linearly between order statistics ({@code numpy.percentile}'s default), as
 * arch's {@code conf_int}, which rliable uses.
 *
 * @see <a href="https://doi.org/10.1201/9780429246593">Efron, B. and Tibshirani, R. J. (1993). An
 *     Introduction to the Bootstrap, chapters 13-14</a>
 * @see <a href="https://doi.org/10.1017/CBO9780511802843">Davison, A. C. and Hinkley, D. V. (1997).
 *     Bootstrap Methods and their Application, chapter 5</a>
 */
public enum IntervalMethod {
    /** {@code [q(alpha/2), q(1 - alpha/2)]}: rliable's default. */
    PERCENTILE("percentile"),
    /**
     * The basic (reverse percentile) interval {@code [2 theta - q(1 - alpha/2), 2 theta - q(alpha/2)]}:
     * reflects the percentile interval around the estimate.
     */
    BASIC("basic"),
    /**
     * Bias-corrected percentile: {@code q(Phi(2 z0 + z_p))} at {@code p = alpha/2, 1 - alpha/2}, with
     * {@code z0 = Phi^-1(#{theta*_b < theta} / B)} (strictly below, as arch).
     */
    BC("bc"),
    /**
     * Bias-corrected and accelerated (Efron 1987): {@code q(Phi(z0 + (z0 + z_p) / (1 - a (z0 + z_p))))},
     * with {@code z0} as for {@link #BC} and the acceleration {@code a} from a jackknife (see {@link
     * Jackknife} for how runs are left out, including for ragged data). Corrects for bias and skewness;
     * costs one extra evaluation of the metric per left-out run.
     *
     * @see <a href="https://doi.org/10.1080/01621459.1987.10478410">Efron, B. (1987). Better bootstrap
     *     confidence intervals. JASA 82(397)</a>
     */
    BCA("bca");

    private final String label;

    IntervalMethod(String label) {
        this.label = label;
    }

    /** The short lower-case name used in method strings ({@code "percentile"}, {@code "bca"}, ...). */
    public String label() {
        return label;
    }

    /** The method called {@code name} (its label or enum name, any case). */
    public static IntervalMethod parse(String name) {
        for (IntervalMethod m : values()) {
            if (m.label.equalsIgnoreCase(name.trim()) || m.name().equalsIgnoreCase(name.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown interval method '" + name + "': allowed are percentile, basic, bc, bca");
    }
}
