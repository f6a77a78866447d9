package dev.quiver.uq.aggregation;

import dev.quiver.uq.data.Matrix;

/**
 * A fitted aggregator: combines the base models' quantile predictions for rows of x into one quantile vector
 * per row ({@code [row][level]}), before any monotonisation.
 */
public interface QuantileAggregate {
    /**
     * The aggregated quantiles.
     *
     * @param x the rows' features (local aggregators read them; global ones ignore them)
     * @param base the base predictions for the same rows
     */
    double[][] aggregate(Matrix x, QuantileStack base);

    /**
     * The weights used for row i as {@code [outputLevel][source]} (sources as in
     * {@link Granularity#sources}), each row a probability vector.
     */
    double[][] weights(Matrix x, int row);

    /** The granularity. */
    Granularity granularity();
}
