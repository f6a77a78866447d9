package dev.quiver.ope.sequential;

import dev.quiver.core.error.QuiverUserException;
import java.util.List;

/**
 * The settings of {@link FittedQEvaluation}: the Q-network and its training. The defaults are Quiver's choice
 * for small discrete tasks (toy-text one-hot states, classic control), not values from the paper, which fits
 * each iteration's regression to convergence with a generic learner.
 *
 * @param hidden the widths of the Q-network's ReLU hidden layers; empty for a linear model (exactly tabular on
 *     one-hot observations) (default 64, 64)
 * @param learningRate Adam's learning rate (default 1e-3)
 * @param batchSize transitions per gradient step, drawn uniformly with replacement (default 128)
 * @param steps gradient steps (default 5,000)
 * @param targetUpdateInterval gradient steps between hard copies of the Q-network into the target network that
 *     makes the regression targets, i.e. the length of one FQE iteration (default 100, as d3rlpy's FQE)
 * @param normalizeObservations whether inputs are standardised with the mean and standard deviation of the
 *     logged observations (default true)
 * @param bootstrapRefits how many bootstrap resamples of the episodes FQE is refitted on to make its interval
 *     (Hao et al. 2021's bootstrapped FQE); 0 keeps the fitted model fixed and resamples only the initial states,
 *     which ignores the fitting error and is degenerate when every episode starts in the same state (default 0:
 *     each refit costs a full fit)
 */
public record FqeConfig(List<Integer> hidden, double learningRate, int batchSize, int steps, int targetUpdateInterval,
        boolean normalizeObservations, int bootstrapRefits) {
    /** Validates the values and copies the list. */
    public FqeConfig {
        hidden = List.copyOf(hidden);
        for (int h : hidden) {
            if (h < 1) {
                throw new QuiverUserException("FQE hidden widths must be at least 1, got " + hidden);
            }
        }
        if (!(learningRate > 0 && Double.isFinite(learningRate))) {
            throw new QuiverUserException("FQE learning rate must be positive, got " + learningRate);
        }
        if (bootstrapRefits < 0) {
            throw new QuiverUserException("FQE bootstrap refits must be at least 0, got " + bootstrapRefits);
        }
        if (batchSize < 1 || steps < 1 || targetUpdateInterval < 1) {
            throw new QuiverUserException("FQE batch size, steps and target update interval must be at least 1, got "
                    + batchSize + ", " + steps + ", " + targetUpdateInterval);
        }
    }

    /**
     * Hidden 64, 64; learning rate 1e-3; batch 128; 5,000 steps; target copied every 100 steps; normalised inputs;
     * no refits.
     */
    public static FqeConfig defaults() {
        return new FqeConfig(List.of(64, 64), 1e-3, 128, 5000, 100, true, 0);
    }

    /** The same with hidden widths {@code h}. */
    public FqeConfig withHidden(List<Integer> h) {
        return new FqeConfig(h, learningRate, batchSize, steps, targetUpdateInterval, normalizeObservations,
                bootstrapRefits);
    }

    /** The same with learning rate {@code lr}. */
    public FqeConfig withLearningRate(double lr) {
        return new FqeConfig(hidden, lr, batchSize, steps, targetUpdateInterval, normalizeObservations,
                bootstrapRefits);
    }

    /** The same with batch size {@code b}. */
    public FqeConfig withBatchSize(int b) {
        return new FqeConfig(hidden, learningRate, b, steps, targetUpdateInterval, normalizeObservations,
                bootstrapRefits);
    }

    /** The same with {@code n} gradient steps. */
    public FqeConfig withSteps(int n) {
        return new FqeConfig(hidden, learningRate, batchSize, n, targetUpdateInterval, normalizeObservations,
                bootstrapRefits);
    }

    /** The same with a target copy every {@code n} steps. */
    public FqeConfig withTargetUpdateInterval(int n) {
        return new FqeConfig(hidden, learningRate, batchSize, steps, n, normalizeObservations, bootstrapRefits);
    }

    /** The same with or without input standardisation. */
    public FqeConfig withNormalizeObservations(boolean on) {
        return new FqeConfig(hidden, learningRate, batchSize, steps, targetUpdateInterval, on, bootstrapRefits);
    }

    /** The same with {@code n} bootstrap refits. */
    public FqeConfig withBootstrapRefits(int n) {
        return new FqeConfig(hidden, learningRate, batchSize, steps, targetUpdateInterval, normalizeObservations, n);
    }
}
