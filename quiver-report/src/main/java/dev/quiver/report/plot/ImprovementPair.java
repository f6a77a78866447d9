package dev.quiver.report.plot;

import dev.quiver.core.estimate.Estimate;
import java.util.Objects;

/**
 * One row of a {@link ProbabilityOfImprovementPlot}: the probability that algorithm X improves on
 * algorithm Y, P(X &gt; Y), with its interval.
 *
 * @param algorithmX the algorithm whose improvement is measured (left label)
 * @param algorithmY the algorithm it is compared with (right label)
 * @param probability P(X &gt; Y) with its interval
 * @see <a href="https://arxiv.org/abs/2108.13264">Agarwal et al. (2021), arXiv:2108.13264</a>
 */
public record ImprovementPair(String algorithmX, String algorithmY, Estimate probability) {

    /** The separator of {@link #label()} and {@link #ofLabel}. */
    public static final String SEPARATOR = " vs ";

    /** Checks for nulls. */
    public ImprovementPair {
        Objects.requireNonNull(algorithmX, "algorithmX");
        Objects.requireNonNull(algorithmY, "algorithmY");
        Objects.requireNonNull(probability, "probability");
    }

    /**
     * The pair from a label {@code "X vs Y"} (split at the first {@code " vs "}).
     *
     * @throws IllegalArgumentException if the label has no {@code " vs "}
     */
    public static ImprovementPair ofLabel(String label, Estimate probability) {
        int i = label.indexOf(SEPARATOR);
        if (i < 0) {
            throw new IllegalArgumentException("pair label '" + label + "' must look like 'X vs Y'");
        }
        return new ImprovementPair(label.substring(0, i), label.substring(i + SEPARATOR.length()), probability);
    }

    /** {@code "X vs Y"}. */
    public String label() {
        return algorithmX + SEPARATOR + algorithmY;
    }
}
