package dev.quiver.core.wrapper;

import dev.quiver.core.env.Env;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.space.Box;
import dev.quiver.core.space.DType;

/** Checks that an env has the space a wrapper needs, with a message naming the wrapper's need. */
final class ActionBoxes {
    private ActionBoxes() {
    }

    @SuppressWarnings("unchecked")
    static Box<float[]> float32(Env<?, ?> env) {
        if (env.spec().actionSpace() instanceof Box<?> b && b.dtype() == DType.FLOAT32) {
            return (Box<float[]>) b;
        }
        throw new QuiverUserException(env.spec().id() + ": this wrapper needs a float32 Box action space, but the env has "
                + env.spec().actionSpace());
    }

    @SuppressWarnings("unchecked")
    static Box<float[]> float32Observations(Env<?, ?> env) {
        if (env.spec().observationSpace() instanceof Box<?> b && b.dtype() == DType.FLOAT32) {
            return (Box<float[]>) b;
        }
        throw new QuiverUserException(env.spec().id()
                + ": this wrapper needs a float32 Box observation space, but the env has "
                + env.spec().observationSpace());
    }
}
