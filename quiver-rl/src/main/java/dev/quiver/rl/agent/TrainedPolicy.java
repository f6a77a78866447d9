package dev.quiver.rl.agent;

import dev.quiver.core.env.EnvSpec;

/**
 * A trained policy over flat float32 observations, with what is needed to check an env against it:
 * the env it was trained on, the observation size, and a check of the action space.
 *
 * @param <A> action type
 */
public interface TrainedPolicy<A> extends SavablePolicy<float[], A> {

    /** The id of the env the policy was trained on. */
    String envId();

    /** Floats per observation. */
    int observationSize();

    /** The number of env steps it was trained for. */
    long trainedSteps();

    /**
     * Why {@code env} cannot be played by this policy, or {@code null} if it can: its observations must
     * be a float32 Box of {@link #observationSize()} values and its actions what the policy emits.
     */
    String incompatibility(EnvSpec env);
}
