package dev.quiver.core.env;

/**
 * An env whose internal (Markov) state can be read and set explicitly, as Gymnasium's
 * {@code env.unwrapped.state}. Used to replay reference trajectories and to plan from a given
 * state.
 *
 * @param <O> observation type
 */
public interface InternalState<O> {

    /** A copy of the internal state in the env's documented layout. */
    double[] state();

    /**
     * Sets the internal state and makes the env ready to step from it (a new episode starts there:
     * step counters of the env itself are reset). Returns the observation of that state.
     */
    O setState(double[] state);
}
