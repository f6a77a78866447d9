package dev.quiver.ope.sequential;

import dev.quiver.core.estimate.Estimate;

/**
 * An off-policy estimator of the evaluation policy's value {@code E[sum_t gamma^t r_t]} from logged episodes,
 * with a percentile-bootstrap interval over episodes.
 */
public interface SequentialEstimator {

    /** A short name, e.g. {@code pdis}, as the command line and JSON output use it. */
    String name();

    /** The estimate of the evaluation policy's value on {@code data}, with its interval. */
    Estimate estimate(OffPolicyData data, SequentialOpeConfig config);
}
