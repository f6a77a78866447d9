package dev.quiver.bandits.sparse;

/**
 * What a best-arm search returned: the arm, the queries it spent, and the arm's gap to the best expected
 * reward (measured by the simulator, not known to the search).
 *
 * @param method the search's name
 * @param arm the returned arm
 * @param queries the queries spent
 * @param gap {@code bestMean - mean(arm)}
 * @param epsilon the instance's misspecification bound, for {@link #gapOverEpsilon()}
 */
public record SearchResult(String method, int arm, long queries, double gap, double epsilon) {

    /** The gap in units of epsilon (how many epsilons from optimal). */
    public double gapOverEpsilon() {
        return gap / epsilon;
    }
}
