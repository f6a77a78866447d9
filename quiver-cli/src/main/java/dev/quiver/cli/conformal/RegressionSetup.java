package dev.quiver.cli.conformal;

import dev.quiver.core.error.QuiverUserException;
import dev.quiver.uq.conformal.regression.AbsoluteResidualScore;
import dev.quiver.uq.conformal.regression.AsymmetricCqr;
import dev.quiver.uq.conformal.regression.ConformalRegressor;
import dev.quiver.uq.conformal.regression.CqrScore;
import dev.quiver.uq.conformal.regression.CvPlus;
import dev.quiver.uq.conformal.regression.GroupFunction;
import dev.quiver.uq.conformal.regression.JackknifePlusAfterBootstrap;
import dev.quiver.uq.conformal.regression.MondrianConformalRegressor;
import dev.quiver.uq.conformal.regression.NormalizedResidualScore;
import dev.quiver.uq.conformal.regression.SplitConformalRegressor;
import dev.quiver.uq.model.QuantileRegressor;
import dev.quiver.uq.model.Regressor;
import dev.quiver.uq.model.linear.LinearQuantileRegression;
import dev.quiver.uq.model.linear.LinearRegression;
import dev.quiver.uq.model.mlp.MlpConfig;
import dev.quiver.uq.model.mlp.MlpQuantileRegressor;
import dev.quiver.uq.model.mlp.MlpRegressor;
import dev.quiver.uq.model.xgb.XgbConfig;
import dev.quiver.uq.model.xgb.XgbQuantileRegressor;
import dev.quiver.uq.model.xgb.XgbRegressor;
import java.util.List;
import java.util.Locale;

/** Builds the conformal regression method named on the command line from the method and model options. */
final class RegressionSetup {
    /** The methods, in help order. */
    static final List<String> METHODS = List.of("split", "normalized", "cvplus", "jackknife+", "jackknife+ab", "cqr",
            "cqr-asym", "mondrian");
    /** The models. */
    static final List<String> MODELS = List.of("ols", "ridge", "xgboost", "mlp");

    private RegressionSetup() {
    }

    /** The settings a method needs besides its name and model. */
    record Settings(double alpha, double calibrationFraction, double ridgeLambda, XgbConfig xgb, MlpConfig mlp,
            int folds, int bootstrapRounds, Integer groupColumn, int spreadFolds) {
    }

    /** Whether {@code method} calibrates on a held-out part (so the finite-sample band applies to its coverage). */
    static boolean isSplit(String method) {
        return !method.equals("cvplus") && !method.equals("jackknife+") && !method.equals("jackknife+ab");
    }

    static String normalizeMethod(String raw) {
        String m = raw.trim().toLowerCase(Locale.ROOT);
        if (m.equals("cv+")) {
            m = "cvplus";
        }
        if (!METHODS.contains(m)) {
            throw new QuiverUserException("--method " + raw + ": choose one of " + String.join(", ", METHODS));
        }
        return m;
    }

    static String normalizeModel(String raw) {
        String m = raw.trim().toLowerCase(Locale.ROOT);
        if (!MODELS.contains(m)) {
            throw new QuiverUserException("--model " + raw + ": choose one of " + String.join(", ", MODELS));
        }
        return m;
    }

    static ConformalRegressor build(String method, String model, Settings s) {
        double a = s.alpha();
        double cf = s.calibrationFraction();
        return switch (method) {
            case "split" -> new SplitConformalRegressor("split", new AbsoluteResidualScore(mean(model, s)), a, cf);
            case "normalized" -> new SplitConformalRegressor("normalized",
                    new NormalizedResidualScore(mean(model, s), mean(model, s), s.spreadFolds()), a, cf);
            case "cqr" -> new SplitConformalRegressor("cqr", CqrScore.of(quantile(model, s), a), a, cf);
            case "cqr-asym" -> new AsymmetricCqr(quantile(model, s), a, cf, a / 2, 1 - a / 2);
            case "cvplus" -> CvPlus.cvPlus(mean(model, s), a, s.folds());
            case "jackknife+" -> CvPlus.jackknifePlus(mean(model, s), a);
            case "jackknife+ab" -> JackknifePlusAfterBootstrap.of(mean(model, s), a, s.bootstrapRounds());
            case "mondrian" -> {
                if (s.groupColumn() == null) {
                    throw new QuiverUserException("--method mondrian needs --group COLUMN (a feature with integer codes)");
                }
                yield new MondrianConformalRegressor(new AbsoluteResidualScore(mean(model, s)),
                        GroupFunction.byColumn(s.groupColumn()), a, cf);
            }
            default -> throw new IllegalStateException(method);
        };
    }

    /** The mean model of {@code model}. */
    static Regressor mean(String model, Settings s) {
        return switch (model) {
            case "ols" -> LinearRegression.ols();
            case "ridge" -> LinearRegression.ridge(s.ridgeLambda());
            case "xgboost" -> new XgbRegressor(s.xgb());
            case "mlp" -> new MlpRegressor(s.mlp());
            default -> throw new IllegalStateException(model);
        };
    }

    /** The quantile model of {@code model}: linear quantile regression for ols and ridge. */
    static QuantileRegressor quantile(String model, Settings s) {
        return switch (model) {
            case "ols", "ridge" -> LinearQuantileRegression.defaults();
            case "xgboost" -> new XgbQuantileRegressor(s.xgb());
            case "mlp" -> new MlpQuantileRegressor(s.mlp());
            default -> throw new IllegalStateException(model);
        };
    }
}
