package dev.quiver.bandits.env;

/**
 * Linear expected reward {@code h(x) = <x, theta>} with a unit-norm {@code theta}: values in [-1, 1] on
 * unit features. The model LinUCB, LinTS and SquareCB with a linear oracle assume.
 *
 * @see <a href="https://arxiv.org/abs/1003.0146">Li, Chu, Langford, Schapire (2010), A Contextual-Bandit
 *     Approach to Personalized News Article Recommendation, arXiv:1003.0146</a>
 */
public final class LinearReward implements RewardFunction {
    private final double[] theta;

    /** The linear reward with parameter {@code theta} (copied; expected to have norm at most 1). */
    public LinearReward(double[] theta) {
        this.theta = theta.clone();
    }

    /** A copy of the parameter. */
    public double[] theta() {
        return theta.clone();
    }

    @Override
    public double mean(double[] x) {
        return UnitVectors.dot(x, theta);
    }

    @Override
    public double low() {
        return -1;
    }

    @Override
    public double high() {
        return 1;
    }

    @Override
    public String describe() {
        return "x.theta";
    }
}
