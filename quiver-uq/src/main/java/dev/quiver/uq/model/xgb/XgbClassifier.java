package dev.quiver.uq.model.xgb;

import dev.quiver.core.seed.Seeds;
import dev.quiver.uq.data.Matrix;
import dev.quiver.uq.model.Classifier;
import dev.quiver.uq.model.ClassifierModel;
import java.util.Map;

/**
 * Gradient-boosted classification trees (xgboost, {@code multi:softprob} with {@code num_class = K}):
 * class probabilities per row. Seed: {@code seeds.child("xgboost")}.
 *
 * @param config the tree settings ({@code rounds} trees per class)
 * @see <a href="https://arxiv.org/abs/1603.02754">Chen and Guestrin (2016), XGBoost, arXiv:1603.02754</a>
 */
public record XgbClassifier(XgbConfig config) implements Classifier {
    /** With {@link XgbConfig#defaults()}. */
    public static XgbClassifier defaults() {
        return new XgbClassifier(XgbConfig.defaults());
    }

    @Override
    public ClassifierModel fit(Matrix x, int[] labels, int numClasses, Seeds seeds) {
        if (numClasses < 2) {
            throw new IllegalArgumentException("need at least 2 classes, got " + numClasses);
        }
        float[] y = new float[labels.length];
        for (int i = 0; i < y.length; i++) {
            if (labels[i] < 0 || labels[i] >= numClasses) {
                throw new IllegalArgumentException("label " + labels[i] + " outside 0.." + (numClasses - 1));
            }
            y[i] = labels[i];
        }
        Map<String, Object> params = config.params(seeds.child("xgboost").seed());
        params.put("objective", "multi:softprob");
        params.put("num_class", numClasses);
        byte[] model = Boosters.train(x, y, params, config.rounds());
        return new ClassifierModel() {
            @Override
            public int numClasses() {
                return numClasses;
            }

            @Override
            public double[][] predictProba(Matrix rows) {
                float[][] p = Boosters.predict(model, rows);
                double[][] out = new double[p.length][numClasses];
                for (int i = 0; i < p.length; i++) {
                    double sum = 0;
                    for (int k = 0; k < numClasses; k++) {
                        out[i][k] = p[i][k];
                        sum += out[i][k];
                    }
                    for (int k = 0; k < numClasses; k++) {
                        out[i][k] /= sum;
                    }
                }
                return out;
            }
        };
    }
}
