package dev.quiver.core.env;

import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.seed.Seeds;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Base class for environments: owns the env's generator ({@code np_random} in Gymnasium), enforces
 * the reset/step order and checks actions against the action space, so subclasses only write the
 * dynamics.
 *
 * @param <O> observation type
 * @param <A> action type
 */
public abstract class AbstractEnv<O, A> implements Env<O, A> {
    private UniformRandomProvider rng;
    private EpisodePhase phase = EpisodePhase.NEEDS_RESET;

    /** The env's generator; valid after the first reset. */
    protected final UniformRandomProvider rng() {
        if (rng == null) {
            rng = Seeds.rng(Seeds.entropy());
        }
        return rng;
    }

    @Override
    public final Reset<O> reset(long seed) {
        rng = Seeds.rng(seed);
        return reset();
    }

    @Override
    public final Reset<O> reset() {
        Reset<O> r = doReset(rng());
        phase = EpisodePhase.RUNNING;
        return r;
    }

    @Override
    public final Step<O> step(A action) {
        if (phase != EpisodePhase.RUNNING) {
            phase.checkCanStep(spec().id());
        }
        String mismatch = actionSpace().describeMismatch(action);
        if (mismatch != null) {
            throw new QuiverUserException(spec().id() + ": invalid action: " + mismatch);
        }
        Step<O> s = doStep(action);
        if (s.terminated() || s.truncated()) {
            phase = EpisodePhase.ENDED;
        }
        return s;
    }

    /**
     * The state of the env's generator (after the first reset), so that a saved training run can make
     * the same resets after a restart; {@code null} before any reset.
     */
    public final byte[] rngState() {
        if (rng == null) {
            return null;
        }
        return Seeds.saveState(rng);
    }

    /**
     * Restores a generator state from {@link #rngState()}; the next {@link #reset()} (without a seed) then
     * starts the episode the saved env would have started.
     *
     * @throws IllegalArgumentException if the bytes are not a state of the env's generator
     */
    public final void restoreRngState(byte[] state) {
        UniformRandomProvider r = Seeds.rng(0);
        Seeds.restoreState(r, state);
        rng = r;
        phase = EpisodePhase.NEEDS_RESET;
    }

    /** Marks the env as inside an episode (after an explicit state was set). */
    protected final void markRunning() {
        phase = EpisodePhase.RUNNING;
    }

    /** Samples an initial state from {@code rng} and returns its observation. */
    protected abstract Reset<O> doReset(UniformRandomProvider rng);

    /** Applies a valid action. */
    protected abstract Step<O> doStep(A action);
}
