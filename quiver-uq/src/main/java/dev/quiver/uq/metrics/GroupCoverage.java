package dev.quiver.uq.metrics;

/**
 * Coverage within one group (a class, a set size, a feature category).
 *
 * @param count the rows in the group
 * @param covered the rows whose interval or set contains the truth
 */
public record GroupCoverage(int count, int covered) {
    /** {@code covered / count} (NaN for an empty group). */
    public double coverage() {
        return count == 0 ? Double.NaN : (double) covered / count;
    }
}
