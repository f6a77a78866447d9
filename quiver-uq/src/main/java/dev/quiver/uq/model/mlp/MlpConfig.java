package dev.quiver.uq.model.mlp;

import java.util.Arrays;

/**
 * Settings of the small MLP regressors: ReLU hidden layers, Adam on mini-batches for a fixed number of
 * epochs (no early stopping), features and targets standardised on the training data.
 *
 * @param hidden the hidden layer widths
 * @param epochs passes over the training data
 * @param batchSize rows per gradient step (the last batch of an epoch may be smaller)
 * @param learningRate Adam's learning rate
 * @param weightDecay Adam's L2 weight decay (added to the gradient, PyTorch's Adam)
 */
public record MlpConfig(int[] hidden, int epochs, int batchSize, double learningRate, double weightDecay) {
    /** Validates and copies. */
    public MlpConfig {
        hidden = hidden.clone();
        for (int h : hidden) {
            if (h < 1) {
                throw new IllegalArgumentException("hidden widths must be >= 1, got " + Arrays.toString(hidden));
            }
        }
        if (epochs < 1 || batchSize < 1) {
            throw new IllegalArgumentException("epochs and batch size must be >= 1, got " + epochs + ", " + batchSize);
        }
        if (!(learningRate > 0) || !(weightDecay >= 0)) {
            throw new IllegalArgumentException("need learning rate > 0 and weight decay >= 0, got " + learningRate
                    + ", " + weightDecay);
        }
    }

    /**
     * Two hidden layers of 64, 100 epochs, batches of 64, Adam at 1e-3 with weight decay 1e-6 (the CQR
     * paper's network has three layers of 64 and 1000 epochs with early stopping; this is a smaller default).
     */
    public static MlpConfig defaults() {
        return new MlpConfig(new int[] {64, 64}, 100, 64, 1e-3, 1e-6);
    }

    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    /** A copy with other hidden widths. */
    public MlpConfig withHidden(int... widths) {
        return new MlpConfig(widths, epochs, batchSize, learningRate, weightDecay);
    }

    /** A copy with another number of epochs. */
    public MlpConfig withEpochs(int n) {
        return new MlpConfig(hidden, n, batchSize, learningRate, weightDecay);
    }

    /** A copy with another batch size. */
    public MlpConfig withBatchSize(int n) {
        return new MlpConfig(hidden, epochs, n, learningRate, weightDecay);
    }

    /** A copy with another learning rate. */
    public MlpConfig withLearningRate(double lr) {
        return new MlpConfig(hidden, epochs, batchSize, lr, weightDecay);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MlpConfig c && Arrays.equals(hidden, c.hidden) && epochs == c.epochs
                && batchSize == c.batchSize && learningRate == c.learningRate && weightDecay == c.weightDecay;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hidden) * 31 + java.util.Objects.hash(epochs, batchSize, learningRate, weightDecay);
    }

    @Override
    public String toString() {
        return "MlpConfig[hidden " + Arrays.toString(hidden) + ", " + epochs + " epochs, batch " + batchSize + ", lr "
                + learningRate + ", weight decay " + weightDecay + "]";
    }
}
