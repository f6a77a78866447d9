package dev.quiver.ope.model;

import dev.quiver.ope.bandit.data.LoggedBanditData;
import java.util.function.DoubleUnaryOperator;

/** A fitted model {@code link(b0 + phi(x, a, k) . beta)}: ridge (identity link) or logistic (sigmoid). */
final class LinearPredictor implements FittedRewardModel {
    private final RewardFeatures features;
    private final double intercept;
    private final double[] beta;
    private final DoubleUnaryOperator link;

    LinearPredictor(RewardFeatures features, double intercept, double[] beta, DoubleUnaryOperator link) {
        this.features = features;
        this.intercept = intercept;
        this.beta = beta;
        this.link = link;
    }

    @Override
    public double[][] predict(LoggedBanditData data, int[] rows) {
        int k = data.numActions();
        int p = features.dimension(data);
        if (p != beta.length) {
            throw new IllegalArgumentException("the model was fitted on " + beta.length + " features; " + data.source()
                    + " gives " + p);
        }
        double[] phi = new double[p];
        double[][] out = new double[rows.length][k];
        for (int j = 0; j < rows.length; j++) {
            for (int a = 0; a < k; a++) {
                features.write(data, rows[j], a, phi);
                double s = intercept;
                for (int c = 0; c < p; c++) {
                    if (phi[c] != 0) {
                        s += phi[c] * beta[c];
                    }
                }
                out[j][a] = link.applyAsDouble(s);
            }
        }
        return out;
    }

    /** A constant prediction (a model fitted on rewards that are all equal). */
    static FittedRewardModel constant(double value) {
        return (data, rows) -> {
            double[][] out = new double[rows.length][data.numActions()];
            for (double[] row : out) {
                java.util.Arrays.fill(row, value);
            }
            return out;
        };
    }
}
