package dev.quiver.rl.actorcritic;

import org.apache.commons.rng.UniformRandomProvider;

/** Which {@link ExplorationNoise} a deterministic-policy learner adds to its actions. */
public enum NoiseType {
    /** Independent Gaussian noise ({@link GaussianNoise}). */
    GAUSSIAN,
    /** Ornstein-Uhlenbeck noise ({@link OrnsteinUhlenbeckNoise}). */
    ORNSTEIN_UHLENBECK;

    /** A fresh noise process of this type with scale {@code sigma} for actions of {@code size} elements. */
    public ExplorationNoise create(double sigma, int size, UniformRandomProvider rng) {
        return switch (this) {
            case GAUSSIAN -> new GaussianNoise(sigma, rng);
            case ORNSTEIN_UHLENBECK -> new OrnsteinUhlenbeckNoise(sigma, size, rng);
        };
    }
}
