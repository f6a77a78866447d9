package dev.quiver.core.linalg;

import java.util.Objects;

/**
 * The diagonal jitters {@link Cholesky#factor(double[], int, JitterLadder)} tries, smallest first, when a
 * matrix that should be positive definite does not factor: {@code delta_k * scale(A)} for
 * {@code delta_0 = first}, {@code delta_k = delta_(k-1) * factor}, {@code k < steps}, where the scale is
 * read off A's diagonal so the jitter is relative to A's size. The first jitter that factors wins; the
 * unjittered matrix is always tried before any of them.
 *
 * <p>Jitter changes the matrix: for normal equations of collinear features it picks one of the equally good
 * least-squares solutions (a ridge); for a covariance that rounding made slightly indefinite it is a
 * perturbation of the order of the rounding. The two presets are the ladders Quiver's callers use; their
 * constants are our choices, not a paper's.
 *
 * @param scale what the relative jitters multiply
 * @param first the first relative jitter ({@code > 0} unless {@code steps == 0})
 * @param factor the ratio between successive relative jitters ({@code > 1} unless {@code steps == 0})
 * @param steps how many jittered attempts at most ({@code >= 0}; 0: no jitter)
 * @see <a href="https://doi.org/10.7551/mitpress/3206.001.0001">Rasmussen, Williams (2006), Gaussian
 *     Processes for Machine Learning, MIT Press, section 3.4.3 and appendix A.4 (jitter on the diagonal)</a>
 */
public record JitterLadder(Scale scale, double first, double factor, int steps) {

    /** What the relative jitters multiply. */
    public enum Scale {
        /** {@code trace(A) / n}, or 1 when that is not positive and finite. */
        MEAN_DIAGONAL,
        /** {@code max_i |A_ii|}, at least {@code 1e-300}. */
        MAX_ABS_DIAGONAL
    }

    /** Validates the ladder. */
    public JitterLadder {
        Objects.requireNonNull(scale, "scale");
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, got " + steps);
        }
        if (steps > 0 && !(first > 0 && Double.isFinite(first))) {
            throw new IllegalArgumentException("first must be finite and > 0, got " + first);
        }
        if (steps > 0 && !(factor > 1 && Double.isFinite(factor))) {
            throw new IllegalArgumentException("factor must be finite and > 1, got " + factor);
        }
    }

    /** No jitter: a matrix that does not factor as given raises {@link NotPositiveDefiniteException}. */
    public static JitterLadder none() {
        return new JitterLadder(Scale.MEAN_DIAGONAL, 0, 0, 0);
    }

    /**
     * For normal equations {@code (XᵀX + λI) b = Xᵀy}, which are only semi-definite when features are
     * collinear: a ridge {@code delta * trace(A) / n} with {@code delta = 1e-12, 1e-10, ..., 1e-4}.
     */
    public static JitterLadder normalEquations() {
        return new JitterLadder(Scale.MEAN_DIAGONAL, 1e-12, 100, 5);
    }

    /**
     * For a covariance that is positive definite in exact arithmetic but that rounding (e.g. a long run of
     * Sherman-Morrison updates) made slightly indefinite: {@code delta * max_i |A_ii|} with
     * {@code delta = 1e-12, 1e-11, ..., 1e6}.
     */
    public static JitterLadder roundingRepair() {
        return new JitterLadder(Scale.MAX_ABS_DIAGONAL, 1e-12, 10, 19);
    }

    /** The scale of the row-major {@code n x n} {@code a} that the relative jitters multiply. */
    public double scaleOf(double[] a, int n) {
        if (scale == Scale.MEAN_DIAGONAL) {
            double trace = 0;
            for (int i = 0; i < n; i++) {
                trace += a[i * n + i];
            }
            return trace > 0 && Double.isFinite(trace) ? trace / n : 1.0;
        }
        double max = 0;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, Math.abs(a[i * n + i]));
        }
        return Math.max(1e-300, max);
    }
}
