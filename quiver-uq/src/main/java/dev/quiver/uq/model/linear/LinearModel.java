package dev.quiver.uq.model.linear;

import dev.quiver.uq.data.Matrix;
import dev.quiver.uq.model.RegressionModel;

/**
 * A fitted linear function {@code f(x) = intercept + Σ_j coefficients[j] · x_j} in the features' own units.
 *
 * @param intercept the intercept
 * @param coefficients one coefficient per feature
 */
public record LinearModel(double intercept, double[] coefficients) implements RegressionModel {
    /** Copies the coefficients. */
    public LinearModel {
        coefficients = coefficients.clone();
    }

    @Override
    public double[] coefficients() {
        return coefficients.clone();
    }

    @Override
    public double[] predict(Matrix x) {
        int p = coefficients.length;
        if (x.cols() != p) {
            throw new IllegalArgumentException("model has " + p + " coefficients, got " + x.cols() + " features");
        }
        double[] out = new double[x.rows()];
        for (int i = 0; i < out.length; i++) {
            double s = intercept;
            for (int j = 0; j < p; j++) {
                s += coefficients[j] * x.get(i, j);
            }
            out[i] = s;
        }
        return out;
    }
}
