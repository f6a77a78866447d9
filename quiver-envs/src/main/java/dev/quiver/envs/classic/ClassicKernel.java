package dev.quiver.envs.classic;

import dev.quiver.core.state.NamedArrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The state of {@code n} copies of one classic-control system in struct-of-arrays form: what a
 * single env and a vector env share. Stepping is not part of it, because each system's step takes
 * its own action type and returns its own outcome; the envs call the concrete kernel's {@code step}
 * directly so that it inlines.
 */
interface ClassicKernel {

    /** Samples copy {@code i}'s initial state from {@code rng}, as Gymnasium's {@code reset}. */
    void reset(int i, UniformRandomProvider rng);

    /** Writes copy {@code i}'s float32 observation at {@code out[off ..]}. */
    void observe(int i, float[] out, int off);

    /** A copy of copy {@code i}'s internal state, in Gymnasium's {@code env.unwrapped.state} layout. */
    double[] state(int i);

    /** Sets copy {@code i}'s internal state (as after a reset: float64 for every system). */
    void setState(int i, double[] state);

    /**
     * Adds the state of all copies to {@code out}, one array per state variable (named as in Gymnasium's
     * source), including anything beyond {@link #state(int)} that the next step depends on.
     */
    void save(NamedArrays out);

    /**
     * Sets the state of all copies from arrays {@link #save} wrote.
     *
     * @throws dev.quiver.core.error.QuiverUserException if an array is missing or has another kind or length
     */
    void restore(NamedArrays in);
}
