package dev.quiver.uq.conformal;

/**
 * The distribution of split-conformal coverage given the calibration set, for continuous (tie-free)
 * scores: {@code P(Y ∈ C(X) | calibration) ~ Beta(k, n + 1 − k)} with {@code k = ⌈(n + 1)(1 − α)⌉}
 * (Vovk 2012), so the marginal coverage is {@code k/(n + 1)}, inside the finite-sample band
 * {@code [1 − α, 1 − α + 1/(n + 1)]}. Used to judge measured coverage up to Monte Carlo error: the
 * empirical coverage on m fresh test points of one split has variance {@code Var(C) + E[C(1 − C)]/m},
 * and an average over R independent splits has that variance divided by R.
 *
 * @param n the calibration size
 * @param alpha the miscoverage level
 * @see <a href="https://arxiv.org/abs/1209.2673">Vovk (2012), Conditional validity of inductive conformal
 *     predictors, arXiv:1209.2673</a>
 * @see <a href="https://arxiv.org/abs/2107.07511">Angelopoulos and Bates (2021), A Gentle Introduction to
 *     Conformal Prediction, arXiv:2107.07511, Section 3.2</a>
 */
public record SplitCoverageLaw(int n, double alpha) {
    /** Validates the arguments. */
    public SplitCoverageLaw {
        ConformalQuantile.checkAlpha(alpha);
        if (n < 1) {
            throw new IllegalArgumentException("calibration size must be >= 1, got " + n);
        }
    }

    /** The rank k of the threshold. */
    public int rank() {
        return ConformalQuantile.upperRank(n, alpha);
    }

    /** The guaranteed lower end of marginal coverage, {@code 1 − α}. */
    public double lowerBound() {
        return 1 - alpha;
    }

    /** The upper end for tie-free scores, {@code 1 − α + 1/(n + 1)}. */
    public double upperBound() {
        return 1 - alpha + 1.0 / (n + 1);
    }

    /** The exact marginal coverage {@code min(k, n + 1)/(n + 1)}. */
    public double mean() {
        return Math.min(rank(), n + 1) / (n + 1.0);
    }

    /** The variance of the coverage given the calibration set: {@code k(n + 1 − k)/((n + 1)²(n + 2))}. */
    public double variance() {
        int k = Math.min(rank(), n + 1);
        double a = k;
        double b = n + 1.0 - k;
        return a * b / ((a + b) * (a + b) * (a + b + 1));
    }

    /** The variance of the empirical coverage of one split on {@code testSize} test points. */
    public double varianceOfEmpiricalCoverage(int testSize) {
        double m = mean();
        double v = variance();
        double eC1mC = m - (v + m * m);
        return v + eC1mC / testSize;
    }

    /** The standard error of the average empirical coverage over {@code repeats} independent splits. */
    public double standardErrorOfAverage(int testSize, int repeats) {
        return Math.sqrt(varianceOfEmpiricalCoverage(testSize) / repeats);
    }
}
