package dev.quiver.uq.aggregation;

import dev.quiver.core.seed.Seeds;
import dev.quiver.uq.data.Matrix;

/** An aggregation method: fits weights on held-out rows' base predictions ({@link GlobalAggregator}, {@link LocalAggregator}). */
public interface QuantileAggregator {
    /**
     * Fits the aggregate.
     *
     * @param x the fitting rows' features (global aggregators ignore them)
     * @param base the base models' predictions on those rows
     * @param y their targets
     * @param levels the quantile levels of {@code base}
     */
    QuantileAggregate fit(Matrix x, QuantileStack base, double[] y, double[] levels, Seeds seeds);
}
