package dev.quiver.uq.model.xgb;

import dev.quiver.uq.data.Matrix;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Training and prediction through xgboost4j with no native memory left behind: the training matrix and
 * the booster are disposed before {@link #train} returns, which hands back the model as bytes (xgboost's
 * UBJSON); {@link #predict} loads a booster from them, predicts in place (no DMatrix) and disposes it.
 */
final class Boosters {
    private Boosters() {
    }

    /** Trains for {@code rounds} and returns the serialised model. */
    static byte[] train(Matrix x, float[] labels, Map<String, Object> params, int rounds) {
        DMatrix train = null;
        Booster booster = null;
        try {
            train = new DMatrix(x.toFloats(), x.rows(), x.cols(), Float.NaN);
            train.setLabel(labels);
            booster = XGBoost.train(train, params, rounds, Map.of(), null, null);
            return booster.toByteArray("ubj");
        } catch (XGBoostError e) {
            throw new IllegalStateException("xgboost training failed: " + e.getMessage(), e);
        } finally {
            if (booster != null) {
                booster.dispose();
            }
            if (train != null) {
                train.dispose();
            }
        }
    }

    /** {@code [row][output]}: the model's predictions (probabilities for softprob, quantiles for quantile loss). */
    static float[][] predict(byte[] model, Matrix x) {
        Booster booster = null;
        try {
            booster = XGBoost.loadModel(model);
            booster.setParam("nthread", 1);
            return booster.inplace_predict(x.toFloats(), x.rows(), x.cols(), Float.NaN);
        } catch (XGBoostError | java.io.IOException e) {
            throw new IllegalStateException("xgboost prediction failed: " + e.getMessage(), e);
        } finally {
            if (booster != null) {
                booster.dispose();
            }
        }
    }

    static float[] floats(double[] y) {
        float[] f = new float[y.length];
        for (int i = 0; i < y.length; i++) {
            f[i] = (float) y[i];
        }
        return f;
    }
}
