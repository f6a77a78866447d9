package dev.quiver.envs.classic;

import dev.quiver.core.env.AbstractEnv;
import dev.quiver.core.env.EnvSpec;
import dev.quiver.core.env.InternalState;
import dev.quiver.core.env.Reset;
import dev.quiver.core.error.QuiverUserException;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A single classic-control env: one copy of a struct-of-arrays {@link ClassicKernel} behind
 * Gymnasium's {@code Env} API, with float32 observations and a settable internal state. Subclasses
 * only write {@code doStep}, calling their concrete kernel's {@code step} on copy 0.
 *
 * @param <A> action type ({@code Integer} or {@code float[]})
 * @param <K> the kernel type
 */
abstract class ClassicEnv<A, K extends ClassicKernel> extends AbstractEnv<float[], A> implements InternalState<float[]> {
    /** The one-copy kernel. */
    protected final K k;
    private final EnvSpec spec;
    private final String stateLayout;

    ClassicEnv(EnvSpec spec, K kernel, String stateLayout) {
        this.spec = spec;
        this.k = kernel;
        this.stateLayout = stateLayout;
    }

    @Override
    public final EnvSpec spec() {
        return spec;
    }

    @Override
    protected final Reset<float[]> doReset(UniformRandomProvider rng) {
        k.reset(0, rng);
        return new Reset<>(observe());
    }

    /** The float32 observation of the current state (a new array). */
    final float[] observe() {
        float[] o = newObservation();
        k.observe(0, o, 0);
        return o;
    }

    /**
     * A new zeroed observation array. Each subclass allocates with a constant length: the JIT then
     * allocates inline, which made CartPole's single-env step about 25% faster than {@code new
     * float[field]} (BENCHMARKS.md).
     */
    abstract float[] newObservation();

    @Override
    public final double[] state() {
        return k.state(0);
    }

    @Override
    public final float[] setState(double[] state) {
        int size = stateLayout.split(",").length;
        if (state == null || state.length != size) {
            throw new QuiverUserException(spec.id() + ": setState expects " + size + " values (" + stateLayout
                    + "), got " + (state == null ? "null" : Arrays.toString(state)));
        }
        k.setState(0, state);
        markRunning();
        return observe();
    }

    @Override
    public String toString() {
        return spec.id();
    }
}
