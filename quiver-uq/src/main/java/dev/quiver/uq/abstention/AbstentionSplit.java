package dev.quiver.uq.abstention;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of one random split of an {@link AbstentionStudy}.
 *
 * @param train rows that fitted the classifier
 * @param policy rows the bandit learned from
 * @param calibration rows that calibrated every method
 * @param test rows scored
 * @param metrics the test metrics by method ({@code lac}, {@code aps}, {@code policy-uncalibrated}, {@code policy})
 * @param missCost the calibrated miss cost μ̂ of the policy
 * @param armShares the share of test rows on which the policy chose each arm, by arm label
 * @param seconds the in-process time of the split
 */
public record AbstentionSplit(int train, int policy, int calibration, int test, Map<String, AbstentionMetrics> metrics,
        double missCost, Map<String, Double> armShares, double seconds) {
    /** Copies the maps (insertion order kept). */
    public AbstentionSplit {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        armShares = Collections.unmodifiableMap(new LinkedHashMap<>(armShares));
    }
}
