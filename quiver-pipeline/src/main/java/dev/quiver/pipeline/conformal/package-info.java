/**
 * The exact binomial interval of the quantify stage's empirical coverage (the conformal intervals themselves are
 * quiver-uq's).
 */
package dev.quiver.pipeline.conformal;
