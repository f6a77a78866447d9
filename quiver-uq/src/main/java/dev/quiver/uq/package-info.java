/**
 * Calibrated uncertainty: conformal prediction for regression and classification with finite-sample
 * guarantees, the base models it wraps, post-hoc calibration and quantile aggregation.
 */
package dev.quiver.uq;
