package dev.quiver.uq.aggregation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.seed.Seeds;
import dev.quiver.uq.Synthetic;
import dev.quiver.uq.conformal.PredictionIntervals;
import dev.quiver.uq.conformal.SplitCoverageLaw;
import dev.quiver.uq.conformal.regression.SplitConformalRegressor;
import dev.quiver.uq.metrics.IntervalMetrics;
import dev.quiver.uq.model.QuantileModel;
import dev.quiver.uq.model.ResidualQuantileRegressor;
import dev.quiver.uq.model.linear.LinearQuantileRegression;
import dev.quiver.uq.model.linear.LinearRegression;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The aggregate as a quantile regressor: sorted output is monotone, fits are deterministic, and it plugs into CQR
 * (the coverage of one split with 1000 calibration and 2000 test rows lies in the finite-sample band widened by
 * 4 standard errors of {@link SplitCoverageLaw}, about 0.046).
 */
class AggregatedQuantileRegressorTest {
    private static final AggregatedQuantileRegressor AGG = new AggregatedQuantileRegressor(List.of(
            new BaseModel("linear-qr", LinearQuantileRegression.defaults()),
            new BaseModel("ols-residual", new ResidualQuantileRegressor(LinearRegression.ols(), 5))),
            GlobalAggregator.defaults().withIterations(200), 0.3, Monotonization.SORT);

    @Test
    void monotoneDeterministicAndUsableInCqr() {
        Synthetic.Data d = Synthetic.heteroscedastic(4000, Seeds.of(31).rng());
        double[] levels = AggregationStudy.defaultLevels();
        QuantileModel a = AGG.fit(Synthetic.rows(d.x(), 0, 1000), Synthetic.slice(d.y(), 0, 1000), levels, Seeds.of(1));
        QuantileModel b = AGG.fit(Synthetic.rows(d.x(), 0, 1000), Synthetic.slice(d.y(), 0, 1000), levels, Seeds.of(1));
        double[][] pa = a.predict(Synthetic.rows(d.x(), 1000, 200));
        double[][] pb = b.predict(Synthetic.rows(d.x(), 1000, 200));
        for (int i = 0; i < pa.length; i++) {
            assertArrayEquals(pa[i], pb[i], 0.0);
            for (int k = 1; k < pa[i].length; k++) {
                assertTrue(pa[i][k] >= pa[i][k - 1]);
            }
        }
        PredictionIntervals pi = SplitConformalRegressor.cqr(AGG, 0.1)
                .fit(Synthetic.rows(d.x(), 0, 1000), Synthetic.slice(d.y(), 0, 1000), Synthetic.rows(d.x(), 1000, 1000),
                        Synthetic.slice(d.y(), 1000, 1000), Seeds.of(2))
                .predict(Synthetic.rows(d.x(), 2000, 2000));
        double cov = IntervalMetrics.coverage(pi, Synthetic.slice(d.y(), 2000, 2000));
        SplitCoverageLaw law = new SplitCoverageLaw(1000, 0.1);
        double se = law.standardErrorOfAverage(2000, 1);
        assertTrue(cov >= law.lowerBound() - 4 * se && cov <= law.upperBound() + 4 * se, "CQR coverage of the aggregate "
                + cov);
    }
}
