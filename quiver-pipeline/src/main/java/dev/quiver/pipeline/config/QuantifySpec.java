package dev.quiver.pipeline.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The conformal prediction interval of the selected policy's episode return: fresh online episodes of the
 * selected policy are split into a part that fits a predictor of the return from the initial state, a
 * calibration part and a test part that measures the empirical coverage.
 *
 * @param method {@code split}: split conformal with absolute residuals of a ridge regression on the initial
 *     observation (a constant-width interval); {@code cqr}: conformalized quantile regression on linear quantile
 *     regressions (a width that adapts to the initial observation); both quiver-uq's
 * @param alpha the miscoverage level: the interval covers a new episode's return with probability at least
 *     {@code 1 - alpha} (default 0.1)
 * @param episodes fresh episodes of the selected policy (default 200)
 * @param fitFraction the share that fits the predictor (default 0.25)
 * @param calibrationFraction the share that calibrates the interval (default 0.5; the rest tests it)
 */
public record QuantifySpec(String method, double alpha, int episodes, double fitFraction, double calibrationFraction) {
    /** The methods. */
    public static final java.util.List<String> METHODS = java.util.List.of("split", "cqr");

    /** The largest {@code fitFraction + calibrationFraction}: at least 5% of the episodes test the coverage. */
    public static final double MAX_FIT_AND_CALIBRATION = 0.95;

    /** The number of episodes that fit the predictor: {@code floor(fitFraction * episodes)}. */
    public int fitEpisodes() {
        return (int) Math.floor(fitFraction * episodes);
    }

    /**
     * The fewest fitting episodes the regression of the return on an initial observation of {@code dim}
     * numbers needs: {@code dim + 1} (one per coefficient and the intercept); 2 when the dimension is unknown
     * ({@code dim <= 0}).
     */
    public static int minFitEpisodes(int dim) {
        return dim <= 0 ? 2 : dim + 1;
    }

    /** The smallest number of episodes (at least 10) whose share {@code fitFraction} holds {@code need} episodes. */
    public static int smallestEpisodes(double fitFraction, int need) {
        int e = Math.max(10, (int) Math.ceil(need / fitFraction));
        while (Math.floor(fitFraction * e) < need) {
            e++;
        }
        while (e > 10 && Math.floor(fitFraction * (e - 1)) >= need) {
            e--;
        }
        return e;
    }

    /** split, alpha 0.1, 200 episodes, 25% fit, 50% calibration, 25% test. */
    public static QuantifySpec defaults() {
        return new QuantifySpec("split", 0.1, 200, 0.25, 0.5);
    }

    /** The settings as a JSON-ready map. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", method);
        m.put("alpha", alpha);
        m.put("episodes", episodes);
        m.put("fit_fraction", fitFraction);
        m.put("calibration_fraction", calibrationFraction);
        return m;
    }
}
