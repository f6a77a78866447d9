package dev.quiver.uq.aggregation;

import dev.quiver.core.seed.Seeds;
import dev.quiver.uq.data.DataSplit;
import dev.quiver.uq.data.Matrix;
import dev.quiver.uq.model.QuantileModel;
import dev.quiver.uq.model.QuantileRegressor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Quantile aggregation as one {@link QuantileRegressor}, so it plugs into CQR and every other quantile-based
 * method: the rows are split at random ({@code seeds.child("split")}) into base-training rows and held-out
 * aggregation rows ({@code aggregationFraction}); every base model is fitted on the former
 * ({@code seeds.child("base", j)}), the aggregator on the latter ({@code seeds.child("aggregator")}), and
 * predictions are the aggregate monotonised by {@code monotonization}.
 *
 * @param baseModels the base quantile models (at least one)
 * @param aggregator how the weights are fitted
 * @param aggregationFraction the held-out share, in (0, 1)
 * @param monotonization how crossing quantiles are repaired
 * @see <a href="https://arxiv.org/abs/2103.00083">Fakoor et al. (2023), Flexible Model Aggregation for
 *     Quantile Regression, arXiv:2103.00083</a>
 */
public record AggregatedQuantileRegressor(List<BaseModel> baseModels, QuantileAggregator aggregator,
        double aggregationFraction, Monotonization monotonization) implements QuantileRegressor {
    /** Validates and copies. */
    public AggregatedQuantileRegressor {
        baseModels = List.copyOf(baseModels);
        Objects.requireNonNull(aggregator, "aggregator");
        Objects.requireNonNull(monotonization, "monotonization");
        if (baseModels.isEmpty()) {
            throw new IllegalArgumentException("need at least one base model");
        }
        if (!(aggregationFraction > 0 && aggregationFraction < 1)) {
            throw new IllegalArgumentException("aggregation fraction must be in (0, 1), got " + aggregationFraction);
        }
    }

    @Override
    public QuantileModel fit(Matrix x, double[] y, double[] levels, Seeds seeds) {
        double[] taus = QuantileRegressor.checkLevels(levels);
        int n = x.rows();
        int[] perm = DataSplit.permutation(n, seeds.child("split").rng());
        int nAgg = (int) Math.ceil(aggregationFraction * n - 1e-9);
        if (nAgg < 1 || n - nAgg < 2) {
            throw new IllegalArgumentException("too few rows (" + n + ") to hold out " + aggregationFraction);
        }
        int[] trainRows = Arrays.copyOfRange(perm, 0, n - nAgg);
        int[] aggRows = Arrays.copyOfRange(perm, n - nAgg, n);
        Matrix xTr = x.selectRows(trainRows);
        double[] yTr = pick(y, trainRows);
        List<QuantileModel> fitted = new ArrayList<>();
        for (int j = 0; j < baseModels.size(); j++) {
            fitted.add(baseModels.get(j).regressor().fit(xTr, yTr, taus, seeds.child("base", j)));
        }
        Matrix xAgg = x.selectRows(aggRows);
        QuantileAggregate aggregate = aggregator.fit(xAgg, QuantileStack.predict(fitted, xAgg), pick(y, aggRows), taus,
                seeds.child("aggregator"));
        return new QuantileModel() {
            @Override
            public double[] levels() {
                return taus.clone();
            }

            @Override
            public double[][] predict(Matrix rows) {
                return monotonization.apply(aggregate.aggregate(rows, QuantileStack.predict(fitted, rows)));
            }
        };
    }

    private static double[] pick(double[] y, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = y[rows[i]];
        }
        return out;
    }
}
