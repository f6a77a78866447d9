package dev.quiver.bandits.env;

/**
 * A sparse, misspecified linear reward: {@code h(x) = <x, theta> + eta(x)} with an s-sparse unit-norm
 * {@code theta} and a structured deviation {@code eta(x) = epsilon * cos(omega * <x, u>)} for a fixed
 * unit direction {@code u}, so {@code |eta| <= epsilon} everywhere: a linear model is off by at most
 * {@code epsilon} (Lattimore, Szepesvari, Weisz 2020; Dong and Yang 2023). Values in
 * {@code [-1 - epsilon, 1 + epsilon]}. The frequency {@code omega = 20} is our choice: fast enough that
 * no smooth correction in {@code x} absorbs it.
 *
 * @see <a href="https://arxiv.org/abs/2303.16998">Dong, Yang (2023), Does Sparsity Help in Learning
 *     Misspecified Linear Bandits?, arXiv:2303.16998</a>
 * @see <a href="https://arxiv.org/abs/1911.07676">Lattimore, Szepesvari, Weisz (2020), Learning with Good
 *     Feature Representations in Bandits and in RL with a Generative Model, arXiv:1911.07676</a>
 */
public final class SparseMisspecifiedReward implements RewardFunction {
    /** The frequency of the deviation. */
    public static final double OMEGA = 20;
    private final double[] theta;
    private final double[] u;
    private final double epsilon;
    private final int sparsity;

    /**
     * {@code <x, theta> + epsilon cos(20 <x, u>)}; arrays are copied.
     *
     * @param theta the sparse parameter
     * @param u the direction of the deviation
     * @param epsilon the misspecification level, at least 0
     */
    public SparseMisspecifiedReward(double[] theta, double[] u, double epsilon) {
        if (!(epsilon >= 0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException("misspecification must be finite and at least 0, got " + epsilon);
        }
        this.theta = theta.clone();
        this.u = u.clone();
        this.epsilon = epsilon;
        int s = 0;
        for (double t : theta) {
            s += t != 0 ? 1 : 0;
        }
        this.sparsity = s;
    }

    /** The deviation from linearity at {@code x}, in {@code [-epsilon, epsilon]}. */
    public double eta(double[] x) {
        return epsilon * Math.cos(OMEGA * UnitVectors.dot(x, u));
    }

    @Override
    public double mean(double[] x) {
        return UnitVectors.dot(x, theta) + eta(x);
    }

    @Override
    public double low() {
        return -1 - epsilon;
    }

    @Override
    public double high() {
        return 1 + epsilon;
    }

    @Override
    public String describe() {
        return "x.theta + eta(x), theta " + sparsity + "-sparse, |eta| <= " + epsilon;
    }
}
