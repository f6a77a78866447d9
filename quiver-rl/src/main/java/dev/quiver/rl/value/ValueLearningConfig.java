package dev.quiver.rl.value;

/**
 * The hyperparameters that {@link ValueLearner}'s shared training loop reads: replay, ε-greedy
 * exploration, when and how often to train, target updates and the optimizer. Configuration records of
 * the DQN family implement it simply by having components of these names.
 */
public interface ValueLearningConfig {
    /** Adam's learning rate. */
    double learningRate();

    /**
     * Adam's denominator ε; PyTorch's default {@code 1e-8} unless the algorithm's config has a component of
     * this name.
     */
    default double adamEpsilon() {
        return 1e-8;
    }

    /** Replay capacity (transitions). */
    int bufferSize();

    /** Discount. */
    double gamma();

    /** Target update rate (1: hard copy). */
    double tau();

    /** Env steps between target updates. */
    long targetNetworkFrequency();

    /** Transitions per gradient update. */
    int batchSize();

    /** ε at the start. */
    double startE();

    /** ε after the decay. */
    double endE();

    /** Share of the run over which ε decays linearly. */
    double explorationFraction();

    /** Env steps before the first update. */
    long learningStarts();

    /** Env steps between training rounds. */
    long trainFrequency();

    /** Gradient updates in each training round. */
    int gradientSteps();

    /** n of the n-step returns (1: one-step). */
    int nStep();

    /** Global gradient-norm clipping threshold (0: none). */
    double maxGradNorm();

    /** The configuration as a JSON-ready map (saved with the training state and checked on resume). */
    java.util.Map<String, Object> toMap();
}
