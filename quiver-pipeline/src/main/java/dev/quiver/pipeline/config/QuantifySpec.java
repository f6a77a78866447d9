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
