package dev.quiver.core.linalg;

import java.util.Locale;

/**
 * Raised when a matrix given to {@link Cholesky} has no Cholesky factor: a pivot (the diagonal entry left
 * after the earlier columns are eliminated) is zero, negative or not finite, even with the largest jitter
 * of the {@link JitterLadder} added to the diagonal. The message names the size, the pivot and its value.
 *
 * <p>An {@link ArithmeticException}: a bug or degenerate data in the caller, not a user mistake.
 */
public final class NotPositiveDefiniteException extends ArithmeticException {
    private static final long serialVersionUID = 1L;

    private final int size;
    private final int pivot;
    private final double pivotValue;
    private final double jitter;

    /**
     * Creates the exception.
     *
     * @param size the matrix is {@code size x size}
     * @param pivot the 0-based index of the failing pivot
     * @param pivotValue its value ({@code <= 0} or not finite)
     * @param jitter the diagonal jitter of the last attempt (0 if none was tried)
     */
    public NotPositiveDefiniteException(int size, int pivot, double pivotValue, double jitter) {
        super(String.format(Locale.ROOT, "the %d x %d matrix is not positive definite: pivot %d (0-based) is %s%s",
                size, size, pivot, pivotValue, jitter > 0
                        ? String.format(Locale.ROOT, " even with %s added to the diagonal", jitter)
                        : ""));
        this.size = size;
        this.pivot = pivot;
        this.pivotValue = pivotValue;
        this.jitter = jitter;
    }

    /** The matrix is {@code size x size}. */
    public int size() {
        return size;
    }

    /** The 0-based index of the failing pivot. */
    public int pivot() {
        return pivot;
    }

    /** The failing pivot's value: zero, negative or not finite. */
    public double pivotValue() {
        return pivotValue;
    }

    /** The diagonal jitter of the last attempt, 0 if none was tried. */
    public double jitter() {
        return jitter;
    }
}
