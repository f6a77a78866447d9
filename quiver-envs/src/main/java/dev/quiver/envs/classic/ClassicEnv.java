package dev.quiver.envs.classic;

import dev.quiver.core.env.AbstractEnv;
import dev.quiver.core.env.EnvSpec;
import dev.quiver.core.env.InternalState;
import dev.quiver.core.error.QuiverUserException;
import java.util.Arrays;

/**
 * A single classic-control env: one copy of a struct-of-arrays kernel behind Gymnasium's {@code
 * Env} API, with float32 observations and a settable internal state.
 *
 * @param <A> action type ({@code Integer} or {@code float[]})
 */
abstract class ClassicEnv<A> extends AbstractEnv<float[], A> implements InternalState<float[]> {
    private final EnvSpec spec;
    private final int stateSize;

    ClassicEnv(EnvSpec spec, int stateSize) {
        this.spec = spec;
        this.stateSize = stateSize;
    }

    @Override
    public final EnvSpec spec() {
        return spec;
    }

    @Override
    public final float[] setState(double[] state) {
        if (state == null || state.length != stateSize) {
            throw new QuiverUserException(spec.id() + ": setState expects " + stateSize + " values ("
                    + stateLayout() + "), got " + (state == null ? "null" : Arrays.toString(state)));
        }
        applyState(state);
        markRunning();
        return observe();
    }

    /** Names of the state variables, for messages. */
    abstract String stateLayout();

    /** Copies {@code state} into the kernel. */
    abstract void applyState(double[] state);

    /** The float32 observation of the current state. */
    abstract float[] observe();

    @Override
    public String toString() {
        return spec.id();
    }
}
