package dev.quiver.core.vector;

import dev.quiver.core.env.EnvSpec;
import java.util.List;

/**
 * A batch of {@code numEnvs()} copies of one env stepped together, with Gymnasium 1.x's default
 * <em>next-step</em> autoreset: when copy {@code i} terminates or truncates, the step reports that
 * last observation; the next {@code step} call resets copy {@code i} instead of stepping it (its
 * action is ignored) and reports the reset observation with reward 0 and both flags false.
 *
 * <p>Seeding: {@code reset(seed)} seeds copy {@code i} with {@code seed + i}, as Gymnasium does; so
 * copy {@code i} of a vector env reset with seed {@code s} plays exactly the episode of a single env
 * reset with seed {@code s + i}.
 *
 * @param <O> observation type of one copy
 * @param <A> action type of one copy
 */
public interface VectorEnv<O, A> extends AutoCloseable {

    /** The number of copies. */
    int numEnvs();

    /** The spec of one copy. */
    EnvSpec spec();

    /** Resets every copy, copy {@code i} with seed {@code seed + i}. */
    List<O> reset(long seed);

    /** Steps every copy with its action (ignored for copies due an autoreset). */
    VectorStep<O> step(List<A> actions);

    @Override
    default void close() {
    }
}
