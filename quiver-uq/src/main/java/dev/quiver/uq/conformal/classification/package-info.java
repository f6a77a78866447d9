/**
 * Conformal classification: LAC, APS and RAPS scores, marginal and class-conditional split conformal sets.
 */
package dev.quiver.uq.conformal.classification;
