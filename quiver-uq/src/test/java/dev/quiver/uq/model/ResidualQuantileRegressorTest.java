package dev.quiver.uq.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.seed.Seeds;
import dev.quiver.uq.Synthetic;
import dev.quiver.uq.model.linear.LinearRegression;
import org.junit.jupiter.api.Test;

/**
 * Mean plus residual quantiles on homoscedastic data (every conditional quantile is the mean plus a constant):
 * the held-out share below each level's prediction is within 4 standard errors of τ, the standard error combining
 * the test binomial sqrt(τ(1 − τ)/m) and the empirical quantile's level error sqrt(τ(1 − τ)/n).
 */
class ResidualQuantileRegressorTest {
    @Test
    void levelsAreCalibratedOnHomoscedasticData() {
        Synthetic.Data d = Synthetic.heteroscedastic(7000, 1.0, Seeds.of(8).rng());
        // base 1.0 + x1: heteroscedastic; use a homoscedastic variant instead by regenerating y with constant noise
        var rng = Seeds.of(9).rng();
        var g = org.apache.commons.rng.sampling.distribution.ZigguratSampler.NormalizedGaussian.of(rng);
        double[] y = new double[7000];
        for (int i = 0; i < y.length; i++) {
            y[i] = 1 + 2 * d.x().get(i, 0) - d.x().get(i, 1) + g.sample();
        }
        double[] levels = {0.1, 0.5, 0.9};
        QuantileModel q = new ResidualQuantileRegressor(LinearRegression.ols(), 5).fit(Synthetic.rows(d.x(), 0, 2000),
                Synthetic.slice(y, 0, 2000), levels, Seeds.of(10));
        double[][] p = q.predict(Synthetic.rows(d.x(), 2000, 5000));
        for (int k = 0; k < levels.length; k++) {
            int below = 0;
            for (int i = 0; i < 5000; i++) {
                if (y[2000 + i] <= p[i][k]) {
                    below++;
                }
            }
            double t = levels[k];
            double se = Math.sqrt(t * (1 - t) * (1.0 / 5000 + 1.0 / 2000));
            assertTrue(Math.abs(below / 5000.0 - t) <= 4 * se, "level " + t + ": share " + below / 5000.0);
        }
        double[][] again = new ResidualQuantileRegressor(LinearRegression.ols(), 5).fit(Synthetic.rows(d.x(), 0, 2000),
                Synthetic.slice(y, 0, 2000), levels, Seeds.of(10)).predict(Synthetic.rows(d.x(), 2000, 10));
        for (int i = 0; i < 10; i++) {
            assertArrayEquals(p[i], again[i], 0.0);
        }
    }
}
