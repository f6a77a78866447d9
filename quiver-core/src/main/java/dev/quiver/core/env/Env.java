package dev.quiver.core.env;

import dev.quiver.core.space.Space;

/**
 * A reinforcement-learning environment with Gymnasium's semantics ({@code gymnasium.Env}).
 *
 * <p>{@link #reset(long)} seeds the environment's generator and starts an episode; {@link #reset()}
 * starts one continuing the current generator (seeded from entropy if the env was never seeded,
 * exactly as Gymnasium does). {@link #step(Object)} advances one step and reports {@code terminated}
 * (the MDP reached a terminal state) and {@code truncated} (a time limit or other outside condition
 * ended the episode) separately. Unlike Gymnasium's passive checker, stepping before the first
 * reset, after the episode ended, or with an action outside {@link #actionSpace()} throws.
 *
 * @param <O> observation type
 * @param <A> action type
 * @see <a href="https://gymnasium.farama.org/api/env/">Gymnasium Env API</a>
 */
public interface Env<O, A> extends AutoCloseable {

    /** The id, spaces, time limit and reward threshold of this env. */
    EnvSpec spec();

    /** The set of valid observations. */
    @SuppressWarnings("unchecked")
    default Space<O> observationSpace() {
        return (Space<O>) spec().observationSpace();
    }

    /** The set of valid actions. */
    @SuppressWarnings("unchecked")
    default Space<A> actionSpace() {
        return (Space<A>) spec().actionSpace();
    }

    /** Re-seeds the env's generator with {@code seed} and starts a new episode. */
    Reset<O> reset(long seed);

    /** Starts a new episode, continuing the env's generator. */
    Reset<O> reset();

    /** Applies {@code action} and returns what happened. */
    Step<O> step(A action);

    /** Releases resources (a no-op for pure-Java envs). */
    @Override
    default void close() {
    }

    /** The innermost env beneath all wrappers. */
    default Env<?, ?> unwrapped() {
        return this;
    }
}
