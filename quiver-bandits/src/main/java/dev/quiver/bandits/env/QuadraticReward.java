package dev.quiver.bandits.env;

/**
 * Non-linear expected reward {@code h(x) = <x, theta>^2} with a unit-norm {@code theta}: values in
 * [0, 1] (the neural-bandit literature's {@code h_1} without its factor 10).
 *
 * @see <a href="https://arxiv.org/abs/1911.04462">Zhou, Li, Gu (2020), Neural Contextual Bandits with
 *     UCB-based Exploration, arXiv:1911.04462 (section 7)</a>
 */
public final class QuadraticReward implements RewardFunction {
    private final double[] theta;

    /** {@code <x, theta>^2}; {@code theta} is copied. */
    public QuadraticReward(double[] theta) {
        this.theta = theta.clone();
    }

    @Override
    public double mean(double[] x) {
        double z = UnitVectors.dot(x, theta);
        return z * z;
    }

    @Override
    public double low() {
        return 0;
    }

    @Override
    public double high() {
        return 1;
    }

    @Override
    public String describe() {
        return "(x.theta)^2";
    }
}
