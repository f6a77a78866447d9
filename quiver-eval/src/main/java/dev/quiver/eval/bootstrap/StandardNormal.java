package dev.quiver.eval.bootstrap;

/**
 * The standard normal distribution function and its inverse, accurate to about 1e-15 (absolute) for
 * {@code |x| <= 3} (Marsaglia's series) and to about 1e-14 (relative) in the tails (Laplace's
 * continued fraction): enough for bias-corrected interval levels.
 */
final class StandardNormal {
    private static final double INV_SQRT_2PI = 0.3989422804014327;

    private StandardNormal() {
    }

    /** The density. */
    static double pdf(double x) {
        return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
    }

    /** {@code Phi(x) = P(Z <= x)}. */
    static double cdf(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x < -3) {
            return lowerTail(x);
        }
        if (x > 3) {
            return 1 - lowerTail(-x);
        }
        // Marsaglia (2004): Phi(x) = 1/2 + phi(x) (x + x^3/3 + x^5/(3*5) + ...)
        double sum = x;
        double term = x;
        double x2 = x * x;
        for (int k = 1; k < 200; k++) {
            term *= x2 / (2 * k + 1);
            double next = sum + term;
            if (next == sum) {
                break;
            }
            sum = next;
        }
        return 0.5 + sum * pdf(x);
    }

    /** {@code Phi(x)} for {@code x < -3} by Laplace's continued fraction (100 terms), evaluated bottom-up. */
    private static double lowerTail(double x) {
        if (x < -40) {
            return 0;
        }
        double z = -x;
        double f = z;
        for (int k = 100; k >= 1; k--) {
            f = z + k / f;
        }
        return pdf(z) / f;
    }

    /** The {@code p}-quantile, {@code p} in (0, 1); -infinity at 0 and +infinity at 1. */
    static double quantile(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("probability must be in [0, 1], got " + p);
        }
        if (p == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (p == 1) {
            return Double.POSITIVE_INFINITY;
        }
        if (p == 0.5) {
            return 0;
        }
        if (p > 0.5) {
            return -quantile(1 - p);
        }
        // start: Abramowitz and Stegun 26.2.23 (error below 4.5e-4), then Halley steps on Phi(x) = p
        double t = Math.sqrt(-2 * Math.log(p));
        double x = -(t - (2.515517 + 0.802853 * t + 0.010328 * t * t)
                / (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t));
        for (int i = 0; i < 50; i++) {
            double d = pdf(x);
            if (d == 0) {
                break;
            }
            double e = (cdf(x) - p) / d;
            double step = e / (1 + 0.5 * x * e);
            x -= step;
            if (Math.abs(step) <= 1e-15 * Math.max(1, Math.abs(x))) {
                break;
            }
        }
        return x;
    }
}
