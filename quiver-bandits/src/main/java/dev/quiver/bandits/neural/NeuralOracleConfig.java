package dev.quiver.bandits.neural;

import java.util.List;

/**
 * The online neural regressor of NeuSquareCB and NeuFastCB: network shape, gradient step, perturbation.
 *
 * @param hidden the widths of the ReLU hidden layers (default one layer of 64, our choice)
 * @param learningRate the step size of the online gradient step (default 0.2 for the square loss; NeuFastCB's
 *     defaults use 0.5 for the log loss, whose gradients are smaller: both picked on tuning seeds 100-103 of
 *     the cosine simulator, see docs/reproductions/bandits.md)
 * @param perturbation the perturbation scale {@code c_p} (default 0.1, our choice; 0 turns it off)
 * @param window how many recent examples each round's single gradient step averages over (default 1: online
 *     gradient descent on the new example, the paper's update)
 * @see <a href="https://arxiv.org/abs/2312.07145">Deb, Ban, Zuo, He, Banerjee (2023), Contextual Bandits
 *     with Online Neural Regression, arXiv:2312.07145</a>
 */
public record NeuralOracleConfig(List<Integer> hidden, double learningRate, double perturbation, int window) {

    /** Validates and copies the fields. */
    public NeuralOracleConfig {
        hidden = List.copyOf(hidden);
        for (int h : hidden) {
            if (h < 1) {
                throw new IllegalArgumentException("hidden widths must be at least 1, got " + hidden);
            }
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be positive, got " + learningRate);
        }
        if (!(perturbation >= 0) || !Double.isFinite(perturbation)) {
            throw new IllegalArgumentException("perturbation must be finite and at least 0, got " + perturbation);
        }
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1, got " + window);
        }
    }

    /** One hidden layer of 64, step 0.2, {@code c_p = 0.1}, window 1 (NeuSquareCB's defaults). */
    public static NeuralOracleConfig defaults() {
        return new NeuralOracleConfig(List.of(64), 0.2, 0.1, 1);
    }

    /** A copy with hidden widths {@code hidden}. */
    public NeuralOracleConfig withHidden(List<Integer> hidden) {
        return new NeuralOracleConfig(hidden, learningRate, perturbation, window);
    }

    /** A copy with step size {@code learningRate}. */
    public NeuralOracleConfig withLearningRate(double learningRate) {
        return new NeuralOracleConfig(hidden, learningRate, perturbation, window);
    }

    /** A copy with perturbation scale {@code perturbation}. */
    public NeuralOracleConfig withPerturbation(double perturbation) {
        return new NeuralOracleConfig(hidden, learningRate, perturbation, window);
    }

    /** A copy averaging each step over the last {@code window} examples. */
    public NeuralOracleConfig withWindow(int window) {
        return new NeuralOracleConfig(hidden, learningRate, perturbation, window);
    }

    /** The hidden widths as an array. */
    int[] hiddenArray() {
        return hidden.stream().mapToInt(Integer::intValue).toArray();
    }
}
