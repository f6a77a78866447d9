package dev.quiver.rl.agent;

import dev.quiver.core.env.EnvSpec;
import dev.quiver.core.space.Box;
import dev.quiver.core.space.DType;
import dev.quiver.core.space.Discrete;

/**
 * A saved or trained policy over flat float32 observations and discrete actions, with what is needed
 * to check an env against it (the env it was trained on and the sizes of its spaces).
 */
public interface TrainedDiscretePolicy extends TrainedPolicy<Integer> {

    /** The number of discrete actions. */
    int numActions();

    /** A float32 Box observation space of {@link #observationSize()} values and {@code Discrete(numActions)} actions. */
    @Override
    default String incompatibility(EnvSpec env) {
        boolean obsOk = env.observationSpace() instanceof Box<?> b && b.dtype() == DType.FLOAT32
                && b.size() == observationSize();
        boolean actOk = env.actionSpace() instanceof Discrete d && d.start() == 0 && d.n() == numActions();
        if (obsOk && actOk) {
            return null;
        }
        return "it needs a float32 Box observation space of " + observationSize() + " values and a Discrete("
                + numActions() + ") action space, but env '" + env.id() + "' has observation space "
                + env.observationSpace() + " and action space " + env.actionSpace();
    }
}
