/**
 * Small dense linear algebra in plain Java on row-major {@code double[n * n]} matrices: the Cholesky
 * factorisation of symmetric positive-definite matrices ({@link dev.quiver.core.linalg.Cholesky}) with its
 * solves and inverse, the diagonal jitter tried when rounding or collinearity breaks definiteness
 * ({@link dev.quiver.core.linalg.JitterLadder}), and the error raised when no factor exists
 * ({@link dev.quiver.core.linalg.NotPositiveDefiniteException}).
 */
package dev.quiver.core.linalg;
