package dev.quiver.uq.aggregation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of one random split of an {@link AggregationStudy}: the part sizes, the test scores of every base
 * model and aggregate (in insertion order: base models first), and the model shares of the global aggregates.
 *
 * @param train rows that fitted the base models
 * @param aggregation rows that fitted the aggregators' weights (and selected the best base model)
 * @param calibration rows that calibrated the conformal offsets
 * @param test held-out rows scored
 * @param scores the scores by method name
 * @param modelShares the base-model shares of each global aggregate, by method name
 * @param selected the base model with the lowest WIS (sorted) on the aggregation rows
 * @param seconds the in-process time of the split
 */
public record AggregationSplit(int train, int aggregation, int calibration, int test, Map<String, MethodScores> scores,
        Map<String, double[]> modelShares, String selected, double seconds) {
    /** Copies the maps (insertion order kept). */
    public AggregationSplit {
        scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores));
        modelShares = Collections.unmodifiableMap(new LinkedHashMap<>(modelShares));
    }
}
