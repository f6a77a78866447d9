package dev.quiver.core.wrapper;

import dev.quiver.core.env.Env;
import dev.quiver.core.env.EnvSpec;
import dev.quiver.core.env.Reset;
import dev.quiver.core.env.Step;
import dev.quiver.core.space.Box;

/**
 * Normalises float32 observations to roughly zero mean and unit variance with running statistics,
 * as Gymnasium's {@code NormalizeObservation}: each observation first updates the statistics, then
 * is returned as {@code (obs - mean) / sqrt(var + epsilon)}. Set {@link #setUpdating(boolean)} to
 * false to freeze the statistics (e.g. for evaluation).
 *
 * @param <A> action type
 */
public final class NormalizeObservation<A> extends Wrapper<float[], A> {
    private final RunningMeanStd stats;
    private final double epsilon;
    private final EnvSpec spec;
    private boolean updating = true;

    /** Normalises with Gymnasium's default {@code epsilon = 1e-8}. */
    public NormalizeObservation(Env<float[], A> env) {
        this(env, 1e-8);
    }

    /** Normalises with the given {@code epsilon}. */
    public NormalizeObservation(Env<float[], A> env, double epsilon) {
        super(env);
        Box<float[]> box = ActionBoxes.float32Observations(env);
        this.stats = new RunningMeanStd(box.size());
        this.epsilon = epsilon;
        this.spec = env.spec().withSpaces(Box.float32(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, box.shape()),
                env.spec().actionSpace());
    }

    @Override
    public EnvSpec spec() {
        return spec;
    }

    /** Whether new observations update the statistics. */
    public void setUpdating(boolean updating) {
        this.updating = updating;
    }

    /** The running statistics. */
    public RunningMeanStd statistics() {
        return stats;
    }

    @Override
    public Reset<float[]> reset(long seed) {
        Reset<float[]> r = env.reset(seed);
        return new Reset<>(normalize(r.observation()), r.info());
    }

    @Override
    public Reset<float[]> reset() {
        Reset<float[]> r = env.reset();
        return new Reset<>(normalize(r.observation()), r.info());
    }

    @Override
    public Step<float[]> step(A action) {
        Step<float[]> s = env.step(action);
        return new Step<>(normalize(s.observation()), s.reward(), s.terminated(), s.truncated(), s.info());
    }

    private float[] normalize(float[] obs) {
        if (updating) {
            stats.update(obs);
        }
        float[] out = new float[obs.length];
        for (int i = 0; i < obs.length; i++) {
            out[i] = (float) ((obs[i] - stats.mean(i)) / Math.sqrt(stats.variance(i) + epsilon));
        }
        return out;
    }
}
