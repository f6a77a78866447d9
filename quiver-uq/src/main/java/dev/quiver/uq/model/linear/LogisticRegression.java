package dev.quiver.uq.model.linear;

import dev.quiver.core.seed.Seeds;
import dev.quiver.uq.data.Matrix;
import dev.quiver.uq.data.Standardizer;
import dev.quiver.uq.linalg.Lbfgs;
import dev.quiver.uq.model.Classifier;

/**
 * Multinomial logistic regression with an L2 penalty: on the standardised features {@code z}, weights
 * {@code W} (K rows of p coefficients and an intercept) minimise
 * {@code Σ_i [log Σ_k exp(w_kᵀz_i + b_k) − (w_{y_i}ᵀz_i + b_{y_i})] + (λ/2) Σ_k |w_k|²} (intercepts not
 * penalised; λ = 1 matches scikit-learn's C = 1 on standardised data). The objective is strictly convex
 * for λ > 0, minimised by {@link Lbfgs} (memory 10) until the gradient norm falls below 1e-8 of its start.
 * Deterministic (the seeds are unused).
 *
 * @param lambda the L2 penalty λ ≥ 0 (λ = 0 diverges on separable data)
 * @param maxIterations the most L-BFGS iterations
 * @see <a href="https://doi.org/10.1111/j.2517-6161.1958.tb00292.x">Cox (1958), The regression analysis of
 *     binary sequences, JRSS B 20(2)</a>
 */
public record LogisticRegression(double lambda, int maxIterations) implements Classifier {
    /** Validates the settings. */
    public LogisticRegression {
        if (!(lambda >= 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("lambda must be finite and >= 0, got " + lambda);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
        }
    }

    /** λ = 1, at most 1000 iterations. */
    public static LogisticRegression defaults() {
        return new LogisticRegression(1.0, 1000);
    }

    /** A copy with another penalty. */
    public LogisticRegression withLambda(double newLambda) {
        return new LogisticRegression(newLambda, maxIterations);
    }

    @Override
    public LogisticModel fit(Matrix x, int[] labels, int numClasses, Seeds seeds) {
        if (numClasses < 2) {
            throw new IllegalArgumentException("need at least 2 classes, got " + numClasses);
        }
        if (labels.length != x.rows() || labels.length == 0) {
            throw new IllegalArgumentException(x.rows() + " rows but " + labels.length + " labels");
        }
        for (int l : labels) {
            if (l < 0 || l >= numClasses) {
                throw new IllegalArgumentException("label " + l + " outside 0.." + (numClasses - 1));
            }
        }
        Standardizer std = Standardizer.fit(x);
        Matrix z = std.transform(x);
        int q = z.cols() + 1;
        Lbfgs.Result r = Lbfgs.minimize((w, g) -> objective(z, labels, numClasses, lambda, w, g),
                new double[numClasses * q], 10, 1e-8, maxIterations);
        return new LogisticModel(std, numClasses, r.x());
    }

    /**
     * The penalised negative log-likelihood at weights {@code w} ({@code K x (p+1)} row-major, intercept
     * last in each row) on standardised features {@code z}; its gradient goes into {@code gradient}.
     */
    public static double objective(Matrix z, int[] labels, int numClasses, double lambda, double[] w,
            double[] gradient) {
        int p = z.cols();
        int q = p + 1;
        java.util.Arrays.fill(gradient, 0);
        double[] logits = new double[numClasses];
        double[] row = new double[p];
        double f = 0;
        for (int i = 0; i < z.rows(); i++) {
            z.copyRow(i, row, 0);
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < numClasses; k++) {
                double s = w[k * q + p];
                for (int j = 0; j < p; j++) {
                    s += w[k * q + j] * row[j];
                }
                logits[k] = s;
                max = Math.max(max, s);
            }
            double sum = 0;
            for (int k = 0; k < numClasses; k++) {
                logits[k] = Math.exp(logits[k] - max);
                sum += logits[k];
            }
            int yi = labels[i];
            f += Math.log(sum) + max - (Math.log(logits[yi]) + max);
            for (int k = 0; k < numClasses; k++) {
                double coef = logits[k] / sum - (k == yi ? 1 : 0);
                int o = k * q;
                for (int j = 0; j < p; j++) {
                    gradient[o + j] += coef * row[j];
                }
                gradient[o + p] += coef;
            }
        }
        for (int k = 0; k < numClasses; k++) {
            for (int j = 0; j < p; j++) {
                double v = w[k * q + j];
                f += 0.5 * lambda * v * v;
                gradient[k * q + j] += lambda * v;
            }
        }
        return f;
    }
}
