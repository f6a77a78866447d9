package dev.quiver.uq.aggregation;

/**
 * The test-set scores of one base model or aggregate in one split of an {@link AggregationStudy}.
 *
 * @param wisRaw the mean weighted interval score of the quantiles as predicted
 * @param wisSorted the same after sorting each row
 * @param wisIsotonic the same after isotonic regression of each row
 * @param crossingShare the share of test rows whose predicted quantiles are not non-decreasing
 * @param maxSortIncrease the largest per-row increase {@code WIS(sorted) − WIS(raw)} (theory: ≤ 0)
 * @param maxIsotonicIncrease the largest per-row increase {@code WIS(isotonic) − WIS(raw)} (theory: ≤ 0)
 * @param coverage the coverage of the outermost central interval of the sorted quantiles
 * @param width the mean width of that interval
 * @param wisCalibrated the mean weighted interval score after conformal calibration (of the sorted quantiles)
 * @param coverageCalibrated the coverage of the calibrated outermost interval
 * @param widthCalibrated its mean width
 */
public record MethodScores(double wisRaw, double wisSorted, double wisIsotonic, double crossingShare,
        double maxSortIncrease, double maxIsotonicIncrease, double coverage, double width, double wisCalibrated,
        double coverageCalibrated, double widthCalibrated) {
}
