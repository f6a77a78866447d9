package dev.quiver.core.wrapper;

import dev.quiver.core.env.Env;
import dev.quiver.core.env.EnvSpec;
import dev.quiver.core.env.Step;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.space.Box;

/**
 * Clips continuous actions into the inner env's Box bounds, as Gymnasium's {@code ClipAction}; the
 * wrapper's action space is the unbounded Box of the same shape.
 *
 * @param <O> observation type
 */
public final class ClipAction<O> extends Wrapper<O, float[]> {
    private final Box<float[]> inner;
    private final EnvSpec spec;

    /** Wraps an env with a float32 Box action space. */
    public ClipAction(Env<O, float[]> env) {
        super(env);
        this.inner = ActionBoxes.float32(env);
        this.spec = env.spec().withSpaces(env.spec().observationSpace(),
                Box.float32(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, inner.shape()));
    }

    @Override
    public EnvSpec spec() {
        return spec;
    }

    @Override
    public Step<O> step(float[] action) {
        if (action == null || action.length != inner.size()) {
            throw new QuiverUserException(spec.id() + ": invalid action: "
                    + spec.actionSpace().describeMismatch(action));
        }
        float[] clipped = new float[action.length];
        for (int i = 0; i < action.length; i++) {
            clipped[i] = (float) Math.min(Math.max(action[i], inner.low(i)), inner.high(i));
        }
        return env.step(clipped);
    }

}
