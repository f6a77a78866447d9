package dev.quiver.eval.aggregate;

import java.util.Objects;

/** A metric made of a user-supplied {@link Aggregate}; see {@link Metric#of(String, Aggregate)}. */
record CustomMetric(String name, Aggregate aggregate) implements Metric {

    CustomMetric {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(aggregate, "aggregate");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a metric name must not be blank");
        }
    }

    @Override
    public double apply(double[][] scores) {
        return aggregate.apply(scores);
    }
}
