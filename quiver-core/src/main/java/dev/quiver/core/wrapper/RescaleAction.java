package dev.quiver.core.wrapper;

import dev.quiver.core.env.Env;
import dev.quiver.core.env.EnvSpec;
import dev.quiver.core.env.Step;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.space.Box;

/**
 * Affinely maps actions from {@code [minAction, maxAction]} onto the inner env's Box bounds, as
 * Gymnasium's {@code RescaleAction}: {@code low + (high - low) * (a - min) / (max - min)}, then
 * clipped to {@code [low, high]}.
 *
 * @param <O> observation type
 */
public final class RescaleAction<O> extends Wrapper<O, float[]> {
    private final Box<float[]> inner;
    private final EnvSpec spec;
    private final double min;
    private final double max;

    /** Rescales from {@code [minAction, maxAction]} on every dimension. */
    public RescaleAction(Env<O, float[]> env, double minAction, double maxAction) {
        super(env);
        if (!(minAction < maxAction)) {
            throw new IllegalArgumentException("RescaleAction needs minAction < maxAction, got " + minAction + ", "
                    + maxAction);
        }
        this.inner = ActionBoxes.float32(env);
        if (!inner.isBounded()) {
            throw new QuiverUserException(env.spec().id() + ": RescaleAction needs a bounded action space, got " + inner);
        }
        this.min = minAction;
        this.max = maxAction;
        this.spec = env.spec().withSpaces(env.spec().observationSpace(), Box.float32(minAction, maxAction, inner.shape()));
    }

    @Override
    public EnvSpec spec() {
        return spec;
    }

    @Override
    public Step<O> step(float[] action) {
        String mismatch = spec.actionSpace().describeMismatch(action);
        if (mismatch != null) {
            throw new QuiverUserException(spec.id() + ": invalid action: " + mismatch);
        }
        float[] mapped = new float[action.length];
        for (int i = 0; i < action.length; i++) {
            double lo = inner.low(i);
            double hi = inner.high(i);
            double v = lo + (hi - lo) * ((action[i] - min) / (max - min));
            mapped[i] = (float) Math.min(Math.max(v, lo), hi);
        }
        return env.step(mapped);
    }
}
