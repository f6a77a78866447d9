package dev.quiver.uq.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.seed.Seeds;
import dev.quiver.uq.Synthetic;
import dev.quiver.uq.data.Matrix;
import dev.quiver.uq.model.mlp.MlpConfig;
import dev.quiver.uq.model.mlp.MlpQuantileRegressor;
import dev.quiver.uq.model.mlp.MlpRegressor;
import org.junit.jupiter.api.Test;

/**
 * The DJL-trained MLPs: same seeds give identical predictions, the mean network learns a nonlinear function,
 * the quantile network's levels are ordered and roughly calibrated on held-out rows (sanity bound 0.06 for a
 * small network trained briefly; binomial standard error on 1000 rows is below 0.01).
 */
class MlpModelsTest {
    private static final MlpConfig SMALL = MlpConfig.defaults().withHidden(32, 32).withEpochs(40).withBatchSize(64)
            .withLearningRate(3e-3);

    @Test
    void meanNetworkLearnsASineAndIsDeterministic() {
        var rng = Seeds.of(1).rng();
        int n = 800;
        double[][] x = new double[n][1];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = 6 * rng.nextDouble() - 3;
            y[i] = Math.sin(2 * x[i][0]) + 0.1 * (rng.nextDouble() - 0.5);
        }
        Matrix xm = Matrix.of(x);
        double[] a = new MlpRegressor(SMALL).fit(xm, y, Seeds.of(4)).predict(xm);
        double[] b = new MlpRegressor(SMALL).fit(xm, y, Seeds.of(4)).predict(xm);
        assertArrayEquals(a, b, 0.0);
        // compare with the best linear fit, which cannot follow sin(2x) over three half-periods
        double[] lin = dev.quiver.uq.model.linear.LinearRegression.ols().fit(xm, y, Seeds.of(0)).predict(xm);
        double mse = 0;
        double mseLinear = 0;
        for (int i = 0; i < n; i++) {
            mse += (y[i] - a[i]) * (y[i] - a[i]);
            mseLinear += (y[i] - lin[i]) * (y[i] - lin[i]);
        }
        assertTrue(mse < 0.25 * mseLinear, "MSE " + mse / n + " vs linear fit " + mseLinear / n);
    }

    @Test
    void quantileNetworkGivesOrderedRoughlyCalibratedLevels() {
        Synthetic.Data d = Synthetic.heteroscedastic(2000, Seeds.of(2).rng());
        double[] levels = {0.1, 0.9};
        QuantileModel q = new MlpQuantileRegressor(SMALL).fit(Synthetic.rows(d.x(), 0, 1000),
                Synthetic.slice(d.y(), 0, 1000), levels, Seeds.of(3));
        double[][] p = q.predict(Synthetic.rows(d.x(), 1000, 1000));
        double[] yTe = Synthetic.slice(d.y(), 1000, 1000);
        int lo = 0;
        int hi = 0;
        int ordered = 0;
        for (int i = 0; i < 1000; i++) {
            lo += yTe[i] <= p[i][0] ? 1 : 0;
            hi += yTe[i] <= p[i][1] ? 1 : 0;
            ordered += p[i][0] < p[i][1] ? 1 : 0;
        }
        assertTrue(ordered > 990, ordered + " ordered rows");
        assertEquals(0.1, lo / 1000.0, 0.06);
        assertEquals(0.9, hi / 1000.0, 0.06);
    }
}
