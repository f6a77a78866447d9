package dev.quiver.rl.agent;

import dev.quiver.core.env.EnvSpec;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.space.Box;
import dev.quiver.core.space.DType;
import dev.quiver.core.space.Discrete;

/**
 * Checks shared by learners that an env spec's spaces are ones the algorithm supports, failing with a
 * {@link QuiverUserException} that names the algorithm, the env id, both spaces and what is allowed.
 */
public final class SpaceChecks {
    private SpaceChecks() {
    }

    /**
     * Requires a float32 {@link Box} observation space and returns its flat size.
     *
     * @param algorithm the algorithm's name, for the message
     */
    public static int requireFloat32Box(String algorithm, EnvSpec spec) {
        if (spec.observationSpace() instanceof Box<?> box && box.dtype() == DType.FLOAT32) {
            return box.size();
        }
        throw unsupported(algorithm, spec, "a float32 Box observation space");
    }

    /**
     * Requires a {@link Discrete} action space starting at 0 and returns its number of actions.
     *
     * @param algorithm the algorithm's name, for the message
     */
    public static int requireDiscrete(String algorithm, EnvSpec spec) {
        if (spec.actionSpace() instanceof Discrete d && d.start() == 0) {
            return d.n();
        }
        throw unsupported(algorithm, spec, "a Discrete action space (starting at 0)");
    }

    /**
     * Requires a bounded float32 {@link Box} action space (finite low and high on every element) and
     * returns it.
     *
     * @param algorithm the algorithm's name, for the message
     */
    @SuppressWarnings("unchecked")
    public static Box<float[]> requireBoundedFloat32BoxActions(String algorithm, EnvSpec spec) {
        if (spec.actionSpace() instanceof Box<?> box && box.dtype() == DType.FLOAT32 && box.isBounded()) {
            return (Box<float[]>) box;
        }
        throw unsupported(algorithm, spec, "a float32 Box action space with finite bounds");
    }

    private static QuiverUserException unsupported(String algorithm, EnvSpec spec, String needs) {
        return new QuiverUserException(algorithm + " needs " + needs + ", but env '" + spec.id()
                + "' has observation space " + spec.observationSpace() + " and action space " + spec.actionSpace());
    }

    /**
     * Requires that {@code actual} (the env passed to {@code learn}) has the same spaces as {@code built}
     * (the spec the learner was built for).
     */
    public static void requireSameSpaces(String algorithm, EnvSpec built, EnvSpec actual) {
        if (!built.observationSpace().equals(actual.observationSpace())
                || !built.actionSpace().equals(actual.actionSpace())) {
            throw new QuiverUserException(algorithm + " was built for env '" + built.id() + "' (observation space "
                    + built.observationSpace() + ", action space " + built.actionSpace() + ") but learn() got env '"
                    + actual.id() + "' (observation space " + actual.observationSpace() + ", action space "
                    + actual.actionSpace() + "); build a learner for that env's spec");
        }
    }
}
