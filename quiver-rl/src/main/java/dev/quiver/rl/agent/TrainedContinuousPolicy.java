package dev.quiver.rl.agent;

import dev.quiver.core.env.EnvSpec;
import dev.quiver.core.space.Box;
import dev.quiver.core.space.DType;
import java.util.Arrays;

/**
 * A saved or trained policy over flat float32 observations and bounded continuous (float32 Box) actions,
 * with what is needed to check an env against it (the env it was trained on, the sizes of its spaces
 * and the action bounds it scales its actions to).
 */
public interface TrainedContinuousPolicy extends TrainedPolicy<float[]> {

    /** Floats per action. */
    int actionSize();

    /** The action space's lower bounds, one per action element (a copy). */
    double[] actionLow();

    /** The action space's upper bounds, one per action element (a copy). */
    double[] actionHigh();

    /**
     * A float32 Box observation space of {@link #observationSize()} values and a float32 Box action space of
     * {@link #actionSize()} values with the bounds the policy scales to.
     */
    @Override
    default String incompatibility(EnvSpec env) {
        boolean obsOk = env.observationSpace() instanceof Box<?> b && b.dtype() == DType.FLOAT32
                && b.size() == observationSize();
        boolean actOk = env.actionSpace() instanceof Box<?> a && a.dtype() == DType.FLOAT32
                && a.size() == actionSize() && Arrays.equals(a.lows(), actionLow())
                && Arrays.equals(a.highs(), actionHigh());
        if (obsOk && actOk) {
            return null;
        }
        return "it needs a float32 Box observation space of " + observationSize() + " values and a float32 Box"
                + " action space of " + actionSize() + " values in " + Arrays.toString(actionLow()) + " .. "
                + Arrays.toString(actionHigh()) + ", but env '" + env.id() + "' has observation space "
                + env.observationSpace() + " and action space " + env.actionSpace();
    }
}
