package dev.quiver.rl.actorcritic;

/**
 * Noise added to a deterministic policy's actions (in the policy's {@code [-1, 1]} units) while it
 * collects experience, as in DDPG and TD3.
 */
public interface ExplorationNoise {
    /** Adds the next noise sample to {@code action}, element by element. */
    void addTo(float[] action);

    /** Starts a new episode (temporally correlated noise forgets its state). */
    void reset();
}
