package dev.quiver.uq.conformal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.seed.Seeds;
import dev.quiver.uq.Synthetic;
import dev.quiver.uq.conformal.regression.SplitConformalRegressor;
import dev.quiver.uq.metrics.IntervalMetrics;
import dev.quiver.uq.model.linear.LinearQuantileRegression;
import dev.quiver.uq.model.linear.LinearRegression;
import org.junit.jupiter.api.Test;

/**
 * On a heteroscedastic target (noise scale 0.05 + x1) CQR adapts its width to x while split conformal's
 * absolute-residual interval has one width everywhere, so CQR's mean width is smaller. Population values
 * (infinite data, exact models): CQR 2·1.6449·E[0.05 + x1] = 1.809; split conformal 2t with
 * E_U[P(|Z|(0.05 + U) ≤ t)] = 0.9, t found numerically: 2.088. With 500 training and 500 calibration rows
 * the measured means (20 repetitions) must be within 4% of these (finite-sample slack of the fitted models
 * and of the (n + 1)/n quantile) and CQR must be shorter.
 */
class CqrWidthTest {
    @Test
    void cqrIsShorterThanSplitConformalOnAHeteroscedasticTarget() {
        int reps = 20;
        double cqr = 0;
        double split = 0;
        for (int r = 0; r < reps; r++) {
            Seeds seeds = Seeds.of(8).child("rep", r);
            Synthetic.Data d = Synthetic.heteroscedastic(1500, 0.05, seeds.child("data").rng());
            var xTr = Synthetic.rows(d.x(), 0, 500);
            var yTr = Synthetic.slice(d.y(), 0, 500);
            var xCal = Synthetic.rows(d.x(), 500, 500);
            var yCal = Synthetic.slice(d.y(), 500, 500);
            var xTe = Synthetic.rows(d.x(), 1000, 500);
            cqr += IntervalMetrics.meanWidth(SplitConformalRegressor.cqr(LinearQuantileRegression.defaults(), 0.1)
                    .fit(xTr, yTr, xCal, yCal, seeds).predict(xTe));
            split += IntervalMetrics.meanWidth(SplitConformalRegressor.absolute(LinearRegression.ols(), 0.1)
                    .fit(xTr, yTr, xCal, yCal, seeds).predict(xTe));
        }
        cqr /= reps;
        split /= reps;
        assertTrue(Math.abs(cqr / 1.809 - 1) < 0.04, "CQR mean width " + cqr + " vs population 1.809");
        assertTrue(Math.abs(split / 2.088 - 1) < 0.04, "split mean width " + split + " vs population 2.088");
        assertTrue(cqr < split, "CQR mean width " + cqr + " should be below split conformal's " + split);
    }
}
