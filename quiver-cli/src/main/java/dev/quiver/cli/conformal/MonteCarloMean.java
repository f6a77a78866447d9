package dev.quiver.cli.conformal;

/**
 * The mean of per-repetition values with its Monte Carlo standard error {@code s / √R} (s the sample standard
 * deviation; NaN for one repetition): the error bar of an average over independent simulated repetitions.
 *
 * @param mean the average
 * @param standardError s / √R
 */
record MonteCarloMean(double mean, double standardError) {
    static MonteCarloMean of(double[] values) {
        int r = values.length;
        double m = 0;
        for (double v : values) {
            m += v;
        }
        m /= r;
        if (r < 2) {
            return new MonteCarloMean(m, Double.NaN);
        }
        double s = 0;
        for (double v : values) {
            s += (v - m) * (v - m);
        }
        return new MonteCarloMean(m, Math.sqrt(s / (r - 1) / r));
    }

    String format() {
        return Double.isNaN(standardError) ? String.format(java.util.Locale.ROOT, "%.4f", mean)
                : String.format(java.util.Locale.ROOT, "%.4f ± %.4f", mean, standardError);
    }
}
