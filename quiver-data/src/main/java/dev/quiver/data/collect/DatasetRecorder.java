package dev.quiver.data.collect;

import dev.quiver.core.env.AbstractEnv;
import dev.quiver.core.env.Env;
import dev.quiver.core.env.Reset;
import dev.quiver.core.env.Step;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.space.Discrete;
import dev.quiver.core.wrapper.Wrapper;
import dev.quiver.data.dataset.EpisodeDataset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;

/**
 * An env wrapper that records every step it passes through into an {@link EpisodeDataset}, as Minari's
 * {@code DataCollector} does: whoever drives the env (a {@link Collector}, a learner during training) is
 * unaware of it, and {@link #finish()} returns the episodes.
 *
 * <p>Episode boundaries follow Minari's rules:
 * <ul>
 *   <li>a step with {@code terminated} or {@code truncated} ends the episode, flags kept as given;</li>
 *   <li>a {@code reset} while an episode has steps but has not ended (the driver abandoned it) ends that
 *       episode with its last step marked truncated; so does {@link #finish()} for the episode in progress;</li>
 *   <li>an episode reset again (or finished) before its first step is dropped;</li>
 *   <li>if the wrapped env autoresets (Gymnasium's next-step mode: the step after a terminated or truncated
 *       step returns the next episode's first observation, with reward 0 and no flags), that step starts a
 *       new episode and is not recorded as a transition.</li>
 * </ul>
 * Each episode remembers the seed of the {@code reset(seed)} that started it (none for {@code reset()}).
 *
 * <p>Observations must be a float32 or float64 Box ({@code float[]} / {@code double[]}, stored as floats),
 * actions a Discrete ({@code Integer}) or Box; arrays are copied, so envs may reuse their buffers. Values
 * are validated by {@link EpisodeDataset.Builder} (e.g. a non-finite observation raises a
 * {@link QuiverUserException} naming the episode and step).
 *
 * <p>The recorder keeps no env state of its own beyond the episode being recorded: {@link #rngState()} and
 * {@link #restoreRngState} reach the {@link AbstractEnv} beneath all wrappers, which is also what
 * {@link #unwrapped()} returns, so training-state checkpoints work through it.
 *
 * @param <O> observation type ({@code float[]} or {@code double[]})
 * @param <A> action type ({@code Integer}, {@code float[]} or {@code double[]})
 * @see <a href="https://minari.farama.org/api/data_collector/">Minari's DataCollector</a>
 */
public final class DatasetRecorder<O, A> extends Wrapper<O, A> {
    private final EpisodeDataset.Builder builder;
    private final boolean discrete;
    private final List<OptionalLong> seeds = new ArrayList<>();
    /** The first observation of an episode that has no recorded step yet, or null. */
    private float[] pendingStart;
    /** The latest step of the episode in progress, not yet handed to the builder (it may need a truncation). */
    private PendingStep pendingStep;
    private OptionalLong currentSeed = OptionalLong.empty();
    private boolean episodeEnded;
    private boolean started;
    private long steps;
    private boolean finished;

    private record PendingStep(int discreteAction, float[] action, double reward, float[] next, boolean terminated,
            boolean truncated) {
    }

    /**
     * Wraps {@code env}.
     *
     * @throws QuiverUserException if its spaces cannot be stored in an {@link EpisodeDataset}
     */
    public DatasetRecorder(Env<O, A> env) {
        super(env);
        this.builder = EpisodeDataset.builder(env.spec());
        this.discrete = env.spec().actionSpace() instanceof Discrete;
    }

    @Override
    public Reset<O> reset(long seed) {
        Reset<O> r = env.reset(seed);
        begin(r.observation(), OptionalLong.of(seed));
        return r;
    }

    @Override
    public Reset<O> reset() {
        Reset<O> r = env.reset();
        begin(r.observation(), OptionalLong.empty());
        return r;
    }

    @Override
    public Step<O> step(A action) {
        Step<O> s = env.step(action);
        if (finished) {
            return s;
        }
        if (!started) {
            throw new IllegalStateException(env.spec().id() + ": step() before reset(); the recorder needs the"
                    + " episode's first observation");
        }
        if (episodeEnded) {
            // next-step autoreset beneath us: this step's observation starts the next episode
            begin(s.observation(), OptionalLong.empty());
            return s;
        }
        if (pendingStart != null) {
            builder.startEpisode(pendingStart);
            pendingStart = null;
        }
        if (pendingStep != null) {
            add(pendingStep, false);
        }
        pendingStep = discrete
                ? new PendingStep((Integer) action, null, s.reward(), floats(s.observation()), s.terminated(),
                        s.truncated())
                : new PendingStep(0, floats(action), s.reward(), floats(s.observation()), s.terminated(),
                        s.truncated());
        steps++;
        if (s.done()) {
            endEpisode();
            episodeEnded = true;
        }
        return s;
    }

    /** Episodes completed so far (ended by a flag, a reset or {@link #finish()}). */
    public int episodes() {
        return seeds.size();
    }

    /** Steps recorded so far, the episode in progress included. */
    public long steps() {
        return steps;
    }

    /**
     * Ends the episode in progress (its last step marked truncated, as Minari does; dropped if it has no step)
     * and returns everything recorded. The recorder records nothing afterwards (resets and steps pass
     * through), and a second call throws.
     *
     * @throws QuiverUserException if no episode with at least one step was recorded
     */
    public RecordedEpisodes finish() {
        if (finished) {
            throw new IllegalStateException("finish() was already called");
        }
        endEpisode();
        finished = true;
        if (seeds.isEmpty()) {
            throw new QuiverUserException(env.spec().id() + ": no episode with at least one step was recorded");
        }
        return new RecordedEpisodes(builder.build(), Collections.unmodifiableList(new ArrayList<>(seeds)));
    }

    /**
     * The generator state of the {@link AbstractEnv} beneath all wrappers (see {@link AbstractEnv#rngState()}).
     *
     * @throws QuiverUserException if the innermost env is not an {@link AbstractEnv}
     */
    public byte[] rngState() {
        return base().rngState();
    }

    /**
     * Restores the generator state of the {@link AbstractEnv} beneath all wrappers (see
     * {@link AbstractEnv#restoreRngState}); the next reset ends the episode in progress as any reset does.
     *
     * @throws QuiverUserException if the innermost env is not an {@link AbstractEnv}
     */
    public void restoreRngState(byte[] state) {
        base().restoreRngState(state);
    }

    private AbstractEnv<?, ?> base() {
        if (env.unwrapped() instanceof AbstractEnv<?, ?> a) {
            return a;
        }
        throw new QuiverUserException("env '" + env.spec().id() + "' (" + env.unwrapped().getClass().getName()
                + ") has no generator state to save or restore: it is not built on AbstractEnv");
    }

    private void begin(O observation, OptionalLong seed) {
        if (finished) {
            return;
        }
        endEpisode();
        pendingStart = floats(observation);
        currentSeed = seed;
        episodeEnded = false;
        started = true;
    }

    /** Hands the episode in progress to the builder, its last step truncated unless it ended with a flag. */
    private void endEpisode() {
        if (finished) {
            return;
        }
        if (pendingStep != null) {
            add(pendingStep, true);
            pendingStep = null;
            seeds.add(currentSeed);
        }
        pendingStart = null;
    }

    private void add(PendingStep p, boolean last) {
        boolean truncated = p.truncated() || (last && !p.terminated());
        if (discrete) {
            builder.addStep(p.discreteAction(), p.reward(), p.next(), p.terminated(), truncated);
        } else {
            builder.addStep(p.action(), p.reward(), p.next(), p.terminated(), truncated);
        }
    }

    /** A copy of a float or double vector as floats. */
    static float[] floats(Object x) {
        if (x instanceof float[] f) {
            return f.clone();
        }
        if (x instanceof double[] d) {
            float[] out = new float[d.length];
            for (int i = 0; i < d.length; i++) {
                out[i] = (float) d[i];
            }
            return out;
        }
        throw new IllegalArgumentException("expected float[] or double[], got " + (x == null ? "null"
                : x.getClass().getSimpleName()));
    }
}
