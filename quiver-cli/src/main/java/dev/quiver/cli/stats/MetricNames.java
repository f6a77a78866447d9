package dev.quiver.cli.stats;

import dev.quiver.core.error.QuiverUserException;
import dev.quiver.eval.aggregate.Metric;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Parses {@code --metrics iqm,mean,median,og} into metrics, with display names. */
final class MetricNames {
    static final Map<String, String> DISPLAY = Map.of("iqm", "IQM", "mean", "Mean", "median", "Median", "og",
            "Optimality Gap");

    private MetricNames() {
    }

    static List<Metric> parse(List<String> names) {
        List<Metric> out = new ArrayList<>();
        for (String raw : new LinkedHashSet<>(names)) {
            String n = raw.trim().toLowerCase(Locale.ROOT);
            out.add(switch (n) {
                case "iqm" -> Metric.iqm();
                case "mean" -> Metric.mean();
                case "median" -> Metric.median();
                case "og" -> Metric.optimalityGap();
                default -> throw new QuiverUserException("--metrics: unknown metric '" + raw
                        + "'; allowed: iqm, mean, median, og");
            });
        }
        if (out.isEmpty()) {
            throw new QuiverUserException("--metrics: give at least one of iqm, mean, median, og");
        }
        return out;
    }

    static String display(String key) {
        return DISPLAY.getOrDefault(key, key);
    }
}
