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

    /**
     * The process's state beyond its generator (which its owner saves), for an exact resume: a copy, empty
     * for memoryless noise.
     */
    double[] state();

    /**
     * Puts the process back into a {@link #state()}.
     *
     * @throws IllegalArgumentException if {@code state} has the wrong length
     */
    void restoreState(double[] state);
}
