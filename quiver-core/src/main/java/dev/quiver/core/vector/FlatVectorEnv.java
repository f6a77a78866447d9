package dev.quiver.core.vector;

import dev.quiver.core.env.EnvSpec;
import dev.quiver.core.state.NamedArrays;

/**
 * A struct-of-arrays vector env for envs with flat float32 observations: all copies' state lives in
 * primitive arrays and each step writes into reusable buffers, so stepping allocates nothing.
 * Semantics are {@link VectorEnv}'s: next-step autoreset, the registered time limit as
 * truncation, copy {@code i} seeded with {@code seed + i} (then continuing its own generator across
 * autoresets, as a single env's {@code reset()} would).
 *
 * <p>The buffers returned by {@link #observations()}, {@link #rewards()}, {@link #terminations()}
 * and {@link #truncations()} are owned by the env and overwritten by the next call.
 *
 * <p><b>State.</b> A vector env that {@link #savesState() saves its state} gives, between two calls, its
 * complete state as {@link NamedArrays} ({@link #saveState()}): every copy's dynamics state, generator,
 * elapsed steps and pending autoreset, and the output buffers. {@link #restoreState} puts that state into
 * another instance of the same env with the same number of copies, which then steps exactly as the saved
 * one would have (same observations, rewards and flags, bit for bit); a training run saves it to resume
 * mid-episode (PPO does at every rollout boundary).
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

    /** Whether {@link #saveState()} and {@link #restoreState} are supported (by default not). */
    default boolean savesState() {
        return false;
    }

    /**
     * The complete state after the last {@link #reset} or step, as a copy that later steps leave unchanged.
     *
     * @throws UnsupportedOperationException unless {@link #savesState()}
     * @throws IllegalStateException before the first {@link #reset}
     */
    default NamedArrays saveState() {
        throw new UnsupportedOperationException(spec().id() + ": this vector env (" + getClass().getName()
                + ") cannot save its state");
    }

    /**
     * Puts this env into a state from {@link #saveState()} of an env with the same id, options and number of
     * copies (no reset is needed before or after); the next step continues as the saved env's would have.
     *
     * @throws UnsupportedOperationException unless {@link #savesState()}
     * @throws dev.quiver.core.error.QuiverUserException if an array is missing or has another kind or length
     *     (the message names it and {@code state.source()}); this env's state is then unspecified until the
     *     next {@link #reset} or successful restore
     */
    default void restoreState(NamedArrays state) {
        throw new UnsupportedOperationException(spec().id() + ": this vector env (" + getClass().getName()
                + ") cannot restore a state");
    }

    @Override
    default void close() {
    }
}
