/**
 * Conformal risk control for bounded losses that are monotone in a parameter, e.g. the false-negative rate of
 * multi-label sets.
 */
package dev.quiver.uq.conformal.risk;
