package dev.quiver.bandits.env;

/**
 * The expected reward of an arm as a function of its feature vector, {@code h(x_{t,a})}, with one
 * parameter shared by all arms (the neural-bandit literature's setting: Zhou et al. 2020, Ban et al.
 * 2022). Features are unit vectors, so every family here has a known range.
 */
public interface RewardFunction {

    /** {@code h(x)}. */
    double mean(double[] x);

    /** The smallest value {@code h} takes on unit vectors. */
    double low();

    /** The largest value {@code h} takes on unit vectors. */
    double high();

    /** A short description, e.g. {@code "cos(3 x.theta)"}. */
    String describe();
}
