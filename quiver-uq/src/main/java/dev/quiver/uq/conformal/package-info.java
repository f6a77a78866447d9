/**
 * The shared core of conformal prediction: finite-sample quantiles, calibration scores and p-values, prediction
 * intervals and sets, and the law of split-conformal coverage.
 */
package dev.quiver.uq.conformal;
