/**
 * Small dense numerical routines in plain Java: Cholesky solves, quickselect order statistics, L-BFGS.
 */
package dev.quiver.uq.linalg;
