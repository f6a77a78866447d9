package dev.quiver.eval.bootstrap;

import dev.quiver.core.estimate.Estimate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of one stratified bootstrap of several metrics on one score matrix: per metric its
 * {@link BootstrapDistribution} and its interval under the run's configuration.
 */
public final class BootstrapResult {
    private final BootstrapConfig config;
    private final Map<String, BootstrapDistribution> byName;

    /** Wraps the distributions (keyed by metric name, in metric order) made under {@code config}. */
    public BootstrapResult(BootstrapConfig config, List<BootstrapDistribution> distributions) {
        this.config = Objects.requireNonNull(config, "config");
        Map<String, BootstrapDistribution> m = new LinkedHashMap<>();
        for (BootstrapDistribution d : distributions) {
            if (m.put(d.name(), d) != null) {
                throw new IllegalArgumentException("two distributions are named '" + d.name() + "'");
            }
        }
        this.byName = Collections.unmodifiableMap(m);
    }

    /** The configuration the replicates were drawn with. */
    public BootstrapConfig config() {
        return config;
    }

    /** The metric names, in the order the metrics were given. */
    public List<String> names() {
        return new ArrayList<>(byName.keySet());
    }

    /** The distribution of metric {@code name}. */
    public BootstrapDistribution distribution(String name) {
        BootstrapDistribution d = byName.get(name);
        if (d == null) {
            throw new IllegalArgumentException("no metric '" + name + "' in this result; it has " + byName.keySet());
        }
        return d;
    }

    /** The point estimate of metric {@code name}. */
    public double point(String name) {
        return distribution(name).point();
    }

    /** The interval of metric {@code name} with the configured method and confidence. */
    public Estimate estimate(String name) {
        return distribution(name).interval(config.method(), config.confidence());
    }

    /** Every metric's interval with the configured method and confidence, in metric order. */
    public Map<String, Estimate> estimates() {
        Map<String, Estimate> m = new LinkedHashMap<>();
        for (String n : byName.keySet()) {
            m.put(n, estimate(n));
        }
        return m;
    }

    /** Every metric's distribution, in metric order. */
    public Map<String, BootstrapDistribution> distributions() {
        return byName;
    }

    @Override
    public String toString() {
        return estimates().toString();
    }
}
