/**
 * Small numerical routines in plain Java: quickselect order statistics, L-BFGS (Cholesky solves are in
 * {@link dev.quiver.core.linalg}).
 */
package dev.quiver.uq.linalg;
