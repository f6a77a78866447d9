package dev.quiver.uq.model.xgb;

import dev.quiver.core.seed.Seeds;
import dev.quiver.uq.data.Matrix;
import dev.quiver.uq.model.RegressionModel;
import dev.quiver.uq.model.Regressor;
import java.util.Map;

/**
 * Gradient-boosted regression trees for the conditional mean (xgboost, {@code reg:squarederror}). The
 * fitted model holds xgboost's serialised booster and no native memory. Seed:
 * {@code seeds.child("xgboost")}.
 *
 * @param config the tree settings
 * @see <a href="https://arxiv.org/abs/1603.02754">Chen and Guestrin (2016), XGBoost, arXiv:1603.02754</a>
 */
public record XgbRegressor(XgbConfig config) implements Regressor {
    /** With {@link XgbConfig#defaults()}. */
    public static XgbRegressor defaults() {
        return new XgbRegressor(XgbConfig.defaults());
    }

    @Override
    public RegressionModel fit(Matrix x, double[] y, Seeds seeds) {
        Map<String, Object> params = config.params(seeds.child("xgboost").seed());
        params.put("objective", "reg:squarederror");
        byte[] model = Boosters.train(x, Boosters.floats(y), params, config.rounds());
        return rows -> {
            float[][] p = Boosters.predict(model, rows);
            double[] out = new double[p.length];
            for (int i = 0; i < p.length; i++) {
                out[i] = p[i][0];
            }
            return out;
        };
    }
}
