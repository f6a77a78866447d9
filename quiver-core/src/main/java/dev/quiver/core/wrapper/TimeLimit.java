package dev.quiver.core.wrapper;

import dev.quiver.core.env.Env;
import dev.quiver.core.env.EnvSpec;
import dev.quiver.core.env.EpisodePhase;
import dev.quiver.core.env.Reset;
import dev.quiver.core.env.Step;

/**
 * Truncates episodes after {@code maxEpisodeSteps} steps, as Gymnasium's {@code TimeLimit}: the step
 * that reaches the limit reports {@code truncated = true} (and keeps {@code terminated} as the env
 * said). Stepping after that throws until the next reset.
 *
 * @param <O> observation type
 * @param <A> action type
 */
public final class TimeLimit<O, A> extends Wrapper<O, A> {
    private final int maxEpisodeSteps;
    private int elapsed;
    private EpisodePhase phase = EpisodePhase.NEEDS_RESET;

    /** Wraps {@code env} with a limit of {@code maxEpisodeSteps >= 1} steps. */
    public TimeLimit(Env<O, A> env, int maxEpisodeSteps) {
        super(env);
        if (maxEpisodeSteps < 1) {
            throw new IllegalArgumentException("maxEpisodeSteps must be >= 1, got " + maxEpisodeSteps);
        }
        this.maxEpisodeSteps = maxEpisodeSteps;
    }

    /** The limit. */
    public int maxEpisodeSteps() {
        return maxEpisodeSteps;
    }

    /** Steps taken in the current episode. */
    public int elapsedSteps() {
        return elapsed;
    }

    @Override
    public EnvSpec spec() {
        return env.spec().withMaxEpisodeSteps(maxEpisodeSteps);
    }

    @Override
    public Reset<O> reset(long seed) {
        Reset<O> r = env.reset(seed);
        started();
        return r;
    }

    @Override
    public Reset<O> reset() {
        Reset<O> r = env.reset();
        started();
        return r;
    }

    /** Restarts the step count (also call after setting an explicit state on the inner env). */
    public void started() {
        elapsed = 0;
        phase = EpisodePhase.RUNNING;
    }

    @Override
    public Step<O> step(A action) {
        if (phase != EpisodePhase.RUNNING) {
            phase.checkCanStep(env.spec().id());
        }
        Step<O> s = env.step(action);
        elapsed++;
        if (elapsed >= maxEpisodeSteps && !s.truncated()) {
            s = new Step<>(s.observation(), s.reward(), s.terminated(), true, s.info());
        }
        if (s.done()) {
            phase = EpisodePhase.ENDED;
        }
        return s;
    }
}
