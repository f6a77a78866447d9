package dev.quiver.uq.model.linear;

import dev.quiver.uq.data.Matrix;
import dev.quiver.uq.model.QuantileModel;

/** Fitted linear quantile functions, one {@link LinearModel} per level. */
public final class LinearQuantileModel implements QuantileModel {
    private final double[] levels;
    private final LinearModel[] models;

    LinearQuantileModel(double[] levels, LinearModel[] models) {
        this.levels = levels.clone();
        this.models = models.clone();
    }

    @Override
    public double[] levels() {
        return levels.clone();
    }

    /** The linear function of level index {@code k}. */
    public LinearModel model(int k) {
        return models[k];
    }

    @Override
    public double[][] predict(Matrix x) {
        double[][] out = new double[x.rows()][levels.length];
        for (int k = 0; k < levels.length; k++) {
            double[] pk = models[k].predict(x);
            for (int i = 0; i < pk.length; i++) {
                out[i][k] = pk[i];
            }
        }
        return out;
    }
}
