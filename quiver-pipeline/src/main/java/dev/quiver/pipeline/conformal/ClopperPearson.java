package dev.quiver.pipeline.conformal;

import dev.quiver.core.estimate.Estimate;

/**
 * The exact (Clopper-Pearson) confidence interval of a binomial proportion, for the empirical coverage of a
 * prediction interval on test episodes: the lower end is the {@code p} with {@code P(X >= c; n, p) = (1 -
 * confidence) / 2} (0 when {@code c = 0}), the upper end the {@code p} with {@code P(X <= c; n, p) = (1 -
 * confidence) / 2} (1 when {@code c = n}). Each end is found by bisection on the binomial tail, summed in log
 * space; the interval covers the true proportion with probability at least {@code confidence}.
 *
 * @see <a href="https://doi.org/10.1093/biomet/26.4.404">Clopper, C. J. and Pearson, E. S. (1934). The use of
 *     confidence or fiducial limits illustrated in the case of the binomial. Biometrika 26(4)</a>
 */
public final class ClopperPearson {
    private ClopperPearson() {
    }

    /**
     * {@code successes / n} with its exact interval.
     *
     * @throws IllegalArgumentException unless {@code 0 <= successes <= n}, {@code n >= 1} and confidence in (0, 1)
     */
    public static Estimate of(int successes, int n, double confidence) {
        if (n < 1 || successes < 0 || successes > n) {
            throw new IllegalArgumentException("need 0 <= successes <= n and n >= 1, got " + successes + " of " + n);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        }
        double tail = (1 - confidence) / 2;
        double low = successes == 0 ? 0 : solve(p -> upperTail(successes, n, p) - tail, true);
        double high = successes == n ? 1 : solve(p -> lowerTail(successes, n, p) - tail, false);
        return new Estimate((double) successes / n, low, high, confidence, "Clopper-Pearson exact binomial interval, "
                + n + " trials");
    }

    /** {@code P(X <= c)} for {@code X ~ Binomial(n, p)}. */
    static double lowerTail(int c, int n, double p) {
        double s = 0;
        for (int i = 0; i <= c; i++) {
            s += Math.exp(logPmf(i, n, p));
        }
        return Math.min(1, s);
    }

    /** {@code P(X >= c)} for {@code X ~ Binomial(n, p)}. */
    static double upperTail(int c, int n, double p) {
        double s = 0;
        for (int i = c; i <= n; i++) {
            s += Math.exp(logPmf(i, n, p));
        }
        return Math.min(1, s);
    }

    private static double logPmf(int i, int n, double p) {
        if (p <= 0) {
            return i == 0 ? 0 : Double.NEGATIVE_INFINITY;
        }
        if (p >= 1) {
            return i == n ? 0 : Double.NEGATIVE_INFINITY;
        }
        return logChoose(n, i) + i * Math.log(p) + (n - i) * Math.log1p(-p);
    }

    private static double logChoose(int n, int k) {
        double s = 0;
        int m = Math.min(k, n - k);
        for (int j = 1; j <= m; j++) {
            s += Math.log(n - m + j) - Math.log(j);
        }
        return s;
    }

    /** The root in (0, 1) of {@code f}, increasing in p when {@code increasing}. */
    private static double solve(java.util.function.DoubleUnaryOperator f, boolean increasing) {
        double lo = 0;
        double hi = 1;
        for (int it = 0; it < 100; it++) {
            double mid = (lo + hi) / 2;
            double v = f.applyAsDouble(mid);
            if ((v < 0) == increasing) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }
}
