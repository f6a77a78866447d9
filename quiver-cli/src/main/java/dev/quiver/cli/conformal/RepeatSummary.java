package dev.quiver.cli.conformal;

import dev.quiver.core.estimate.Estimate;
import dev.quiver.core.seed.Seeds;
import dev.quiver.eval.bootstrap.PercentileBootstrap;
import java.util.Locale;

/** The mean of per-repeat values with a 95% percentile-bootstrap interval (10,000 resamples). */
final class RepeatSummary {
    private RepeatSummary() {
    }

    static Estimate of(double[] values, long seed, String what) {
        if (values.length == 1) {
            return new Estimate(values[0], values[0], values[0], 0.95, "single repeat");
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
            sum += v;
        }
        if (!Double.isFinite(sum)) {
            return new Estimate(sum / values.length, min, max, 0.95, "range (infinite values: no bootstrap)");
        }
        return PercentileBootstrap.mean(values, 0.95, 10_000, Seeds.of(seed).child("summary").child(what).rng());
    }

    static String format(Estimate e) {
        return String.format(Locale.ROOT, "%.4f [%.4f, %.4f]", e.point(), e.low(), e.high());
    }
}
