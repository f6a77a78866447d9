package dev.quiver.uq.model.linear;

import dev.quiver.uq.data.Matrix;
import dev.quiver.uq.data.Standardizer;
import dev.quiver.uq.model.ClassifierModel;

/** A fitted multinomial logistic model: softmax of linear functions of the standardised features. */
public final class LogisticModel implements ClassifierModel {
    private final Standardizer standardizer;
    private final int numClasses;
    private final double[] weights;

    LogisticModel(Standardizer standardizer, int numClasses, double[] weights) {
        this.standardizer = standardizer;
        this.numClasses = numClasses;
        this.weights = weights.clone();
    }

    @Override
    public int numClasses() {
        return numClasses;
    }

    /** The standardisation fitted on the training features. */
    public Standardizer standardizer() {
        return standardizer;
    }

    /** The weights on the standardised features: {@code K x (p+1)} row-major, intercept last (a copy). */
    public double[] weights() {
        return weights.clone();
    }

    @Override
    public double[][] predictProba(Matrix x) {
        Matrix z = standardizer.transform(x);
        int p = z.cols();
        int q = p + 1;
        double[][] out = new double[z.rows()][numClasses];
        for (int i = 0; i < z.rows(); i++) {
            double max = Double.NEGATIVE_INFINITY;
            double[] o = out[i];
            for (int k = 0; k < numClasses; k++) {
                double s = weights[k * q + p];
                for (int j = 0; j < p; j++) {
                    s += weights[k * q + j] * z.get(i, j);
                }
                o[k] = s;
                max = Math.max(max, s);
            }
            double sum = 0;
            for (int k = 0; k < numClasses; k++) {
                o[k] = Math.exp(o[k] - max);
                sum += o[k];
            }
            for (int k = 0; k < numClasses; k++) {
                o[k] /= sum;
            }
        }
        return out;
    }
}
