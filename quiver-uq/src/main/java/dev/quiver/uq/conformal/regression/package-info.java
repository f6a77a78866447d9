/**
 * Conformal regression: split conformal with absolute, normalised and CQR scores, asymmetric CQR, Mondrian
 * (group-conditional) split conformal, CV+ and jackknife+, jackknife+-after-bootstrap.
 */
package dev.quiver.uq.conformal.regression;
