package dev.quiver.cli.conformal;

import dev.quiver.core.error.QuiverUserException;
import dev.quiver.uq.model.QuantileModel;
import dev.quiver.uq.model.QuantileRegressor;
import dev.quiver.uq.model.Regressor;
import dev.quiver.uq.model.linear.LinearQuantileRegression;
import dev.quiver.uq.model.linear.LinearRegression;
import dev.quiver.uq.model.mlp.MlpRegressor;
import dev.quiver.uq.model.xgb.XgbQuantileRegressor;
import dev.quiver.uq.model.xgb.XgbRegressor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The candidate models of {@code conformal select}: mean models (ols, ridge, xgboost, mlp) and single-level
 * quantile models ({@code xgboost-qT}, {@code linear-qT} for a level T in (0, 1)), each giving one prediction per
 * row that the clipped score ranks units by.
 */
final class SelectionModels {
    private SelectionModels() {
    }

    /** A named model. */
    record Named(String name, Regressor regressor) {
    }

    /** Parses the comma-separated tokens of {@code --models}. */
    static List<Named> parse(List<String> tokens, ModelOptions options) {
        if (tokens == null || tokens.isEmpty()) {
            throw new QuiverUserException("--models needs at least one model");
        }
        List<Named> out = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (String raw : tokens) {
            String t = raw.trim().toLowerCase(Locale.ROOT);
            if (seen.contains(t)) {
                throw new QuiverUserException("--models lists '" + t + "' twice");
            }
            seen.add(t);
            out.add(new Named(t, regressor(t, options)));
        }
        return out;
    }

    private static Regressor regressor(String t, ModelOptions options) {
        switch (t) {
            case "ols":
                return LinearRegression.ols();
            case "ridge":
                return LinearRegression.ridge(options.ridgeLambda());
            case "xgboost":
                return new XgbRegressor(options.xgb());
            case "mlp":
                return new MlpRegressor(options.mlp());
            default:
                break;
        }
        int dash = t.lastIndexOf("-q");
        if (dash > 0) {
            String base = t.substring(0, dash);
            double level;
            try {
                level = Double.parseDouble(t.substring(dash + 2));
            } catch (NumberFormatException e) {
                level = Double.NaN;
            }
            if (!(level > 0 && level < 1)) {
                throw new QuiverUserException("--models " + t + ": the quantile level after -q must be in (0, 1), e.g."
                        + " xgboost-q0.9");
            }
            if (base.equals("xgboost")) {
                return quantile(new XgbQuantileRegressor(options.xgb()), level);
            }
            if (base.equals("linear")) {
                return quantile(LinearQuantileRegression.defaults(), level);
            }
        }
        throw new QuiverUserException("--models " + t + ": choose among ols, ridge, xgboost, mlp, xgboost-qT and linear-qT"
                + " (T a quantile level in (0, 1), e.g. xgboost-q0.7)");
    }

    /** The model that predicts one conditional quantile. */
    private static Regressor quantile(QuantileRegressor q, double level) {
        return (x, y, seeds) -> {
            QuantileModel m = q.fit(x, y, new double[] {level}, seeds);
            return rows -> {
                double[][] p = m.predict(rows);
                double[] out = new double[p.length];
                for (int i = 0; i < p.length; i++) {
                    out[i] = p[i][0];
                }
                return out;
            };
        };
    }
}
