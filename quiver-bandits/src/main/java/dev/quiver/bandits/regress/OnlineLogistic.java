package dev.quiver.bandits.regress;

/**
 * Online logistic regression for targets in [0, 1] under the log loss, by an online Newton step: after
 * each example {@code (x, y)}, {@code H += max(p (1 - p), kappa) x x'} and {@code theta -= H^-1 (p - y) x},
 * with {@code p = sigmoid(theta' x)} and {@code H} starting at {@code lambda I} (Sherman-Morrison keeps
 * {@code H^-1}). Predictions are probabilities {@code sigmoid(theta' x)}. Appends a constant feature 1.
 *
 * <p>The log-loss oracle of FastCB with a linear model class. The oracle is our choice: FastCB only needs
 * an online regression oracle for the log loss, and the online Newton step is the classical one with
 * logarithmic regret for exp-concave losses (Hazan, Agarwal, Kale 2007); using the logistic curvature
 * floored at {@code kappa = 0.01} (our constant) keeps steps bounded when predictions saturate.
 *
 * @see <a href="https://arxiv.org/abs/2107.02237">Foster, Krishnamurthy (2021), arXiv:2107.02237</a>
 * @see <a href="https://doi.org/10.1007/s10994-007-5016-8">Hazan, Agarwal, Kale (2007), Logarithmic regret
 *     algorithms for online convex optimization, Machine Learning 69</a>
 */
public final class OnlineLogistic implements OnlineRegressor {
    /** The floor of the curvature weight. */
    public static final double KAPPA = 0.01;
    private final int dim;
    private final int p;
    private final double[] hinv;
    private final double[] theta;
    private final double[] z;
    private final double[] work;

    /**
     * A fresh model with {@code theta = 0} (predicting 1/2).
     *
     * @param dim the input dimension
     * @param lambda the initial curvature (a ridge penalty), positive
     */
    public OnlineLogistic(int dim, double lambda) {
        if (!(lambda > 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("lambda must be positive, got " + lambda);
        }
        this.dim = dim;
        this.p = dim + 1;
        this.hinv = Matrices.identity(p, 1 / lambda);
        this.theta = new double[p];
        this.z = new double[p];
        this.work = new double[p];
    }

    @Override
    public double predict(double[] x) {
        return sigmoid(Matrices.dot(theta, lift(x)));
    }

    @Override
    public void update(double[] x, double y) {
        lift(x);
        double prob = sigmoid(Matrices.dot(theta, z));
        double w = Math.max(prob * (1 - prob), KAPPA);
        Matrices.rankOneInverseUpdate(hinv, z, w, work);
        Matrices.multiply(hinv, z, work);
        double g = prob - y;
        for (int i = 0; i < p; i++) {
            theta[i] -= g * work[i];
        }
    }

    /** {@code 1 / (1 + e^-z)}, computed without overflow. */
    public static double sigmoid(double v) {
        if (v >= 0) {
            return 1 / (1 + Math.exp(-v));
        }
        double e = Math.exp(v);
        return e / (1 + e);
    }

    private double[] lift(double[] x) {
        if (x.length != dim) {
            throw new IllegalArgumentException("expected " + dim + " inputs, got " + x.length);
        }
        System.arraycopy(x, 0, z, 0, dim);
        z[dim] = 1;
        return z;
    }
}
