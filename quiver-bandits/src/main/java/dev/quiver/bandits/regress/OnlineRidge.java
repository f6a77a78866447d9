package dev.quiver.bandits.regress;

/**
 * Online ridge regression: {@code theta_t = (lambda I + sum x x')^-1 sum x y}, refreshed after each
 * example in {@code O(p^2)} through a Sherman-Morrison update of the inverse. Optionally appends a
 * constant feature 1 (an intercept, penalised like the other weights).
 *
 * <p>The square-loss oracle of SquareCB with a linear model class, and the estimator of LinUCB and LinTS.
 *
 * @see <a href="https://arxiv.org/abs/2002.04926">Foster, Rakhlin (2020), arXiv:2002.04926</a>
 */
public final class OnlineRidge implements OnlineRegressor {
    private final int dim;
    private final int p;
    private final boolean intercept;
    private final double[] ainv;
    private final double[] b;
    private final double[] theta;
    private final double[] z;
    private final double[] work;

    /**
     * A fresh model with {@code theta = 0}.
     *
     * @param dim the input dimension
     * @param lambda the ridge penalty, positive
     * @param intercept whether to append a constant feature
     */
    public OnlineRidge(int dim, double lambda, boolean intercept) {
        if (!(lambda > 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("ridge lambda must be positive, got " + lambda);
        }
        this.dim = dim;
        this.p = dim + (intercept ? 1 : 0);
        this.intercept = intercept;
        this.ainv = Matrices.identity(p, 1 / lambda);
        this.b = new double[p];
        this.theta = new double[p];
        this.z = new double[p];
        this.work = new double[p];
    }

    @Override
    public double predict(double[] x) {
        return Matrices.dot(theta, lift(x));
    }

    /** {@code ||x||^2} in the inverse design matrix: {@code z' A^-1 z} with {@code z} the (lifted) input. */
    public double width(double[] x) {
        return Matrices.quadratic(ainv, lift(x));
    }

    @Override
    public void update(double[] x, double y) {
        lift(x);
        Matrices.rankOneInverseUpdate(ainv, z, 1.0, work);
        for (int i = 0; i < p; i++) {
            b[i] += y * z[i];
        }
        Matrices.multiply(ainv, b, theta);
    }

    /** A copy of the current weights (the intercept last, when there is one). */
    public double[] theta() {
        return theta.clone();
    }

    /** A copy of the current inverse design matrix {@code (lambda I + sum z z')^-1}, row-major. */
    public double[] inverse() {
        return ainv.clone();
    }

    /** The dimension of the weights ({@code dim}, plus one with an intercept). */
    public int size() {
        return p;
    }

    private double[] lift(double[] x) {
        if (x.length != dim) {
            throw new IllegalArgumentException("expected " + dim + " inputs, got " + x.length);
        }
        System.arraycopy(x, 0, z, 0, dim);
        if (intercept) {
            z[dim] = 1;
        }
        return z;
    }
}
