package dev.quiver.core.vector;

import dev.quiver.core.env.EnvSpec;

/**
 * A struct-of-arrays vector env for envs with flat float32 observations: all copies' state lives in
 * primitive arrays and each step writes into reusable buffers, so stepping allocates nothing.
 * Semantics are {@link VectorEnv}'s: next-step autoreset, the registered time limit as
 * truncation, copy {@code i} seeded with {@code seed + i} (then continuing its own generator across
 * autoresets, as a single env's {@code reset()} would).
 *
 * <p>The buffers returned by {@link #observations()}, {@link #rewards()}, {@link #terminations()}
 * and {@link #truncations()} are owned by the env and overwritten by the next call.
 */
public interface FlatVectorEnv extends AutoCloseable {

    /** The number of copies. */
    int numEnvs();

    /** The spec of one copy. */
    EnvSpec spec();

    /** The number of floats in one observation. */
    int observationSize();

    /** Resets every copy; observations are then in {@link #observations()}. */
    void reset(long seed);

    /** Steps with one discrete action per copy (for Discrete action spaces). */
    void step(int[] actions);

    /** Steps with {@code numEnvs() * actionSize} continuous actions, copy-major (for Box action spaces). */
    void step(float[] actions);

    /** Observations, {@code numEnvs() * observationSize()} floats, copy-major. */
    float[] observations();

    /** Rewards of the last step. */
    double[] rewards();

    /** Terminations of the last step. */
    boolean[] terminations();

    /** Truncations of the last step. */
    boolean[] truncations();

    @Override
    default void close() {
    }
}
