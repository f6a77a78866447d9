package dev.quiver.uq.aggregation;

import dev.quiver.uq.model.QuantileRegressor;
import java.util.Objects;

/**
 * A named base quantile model of an aggregation study.
 *
 * @param name a short name for tables, e.g. {@code xgb-qr}
 * @param regressor the quantile-regression algorithm
 */
public record BaseModel(String name, QuantileRegressor regressor) {
    /** Validates the fields. */
    public BaseModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(regressor, "regressor");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a base model needs a name");
        }
    }
}
