package dev.quiver.bandits.env;

/**
 * Non-linear expected reward {@code h(x) = cos(frequency * <x, theta>)} with a unit-norm {@code theta}
 * (the neural-bandit literature's {@code h_3} with frequency 3): values in [-1, 1]. Symmetric in
 * {@code <x, theta>}, so no linear model in {@code x} can rank the arms.
 *
 * @see <a href="https://arxiv.org/abs/1911.04462">Zhou, Li, Gu (2020), Neural Contextual Bandits with
 *     UCB-based Exploration, arXiv:1911.04462 (section 7, h(x) = cos(3 x'a))</a>
 */
public final class CosineReward implements RewardFunction {
    private final double[] theta;
    private final double frequency;

    /** {@code cos(frequency * <x, theta>)}; {@code theta} is copied. */
    public CosineReward(double[] theta, double frequency) {
        if (!(frequency > 0) || !Double.isFinite(frequency)) {
            throw new IllegalArgumentException("frequency must be positive, got " + frequency);
        }
        this.theta = theta.clone();
        this.frequency = frequency;
    }

    @Override
    public double mean(double[] x) {
        return Math.cos(frequency * UnitVectors.dot(x, theta));
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
        return "cos(" + frequency + " x.theta)";
    }
}
