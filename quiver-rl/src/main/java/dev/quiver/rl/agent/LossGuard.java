package dev.quiver.rl.agent;

import dev.quiver.core.error.QuiverUserException;

/** Stops training when a loss is NaN or infinite, with a message naming the algorithm and the step. */
public final class LossGuard {
    private LossGuard() {
    }

    /**
     * Returns {@code loss} if it is finite.
     *
     * @param algorithm the algorithm's name
     * @param lossName which loss (e.g. {@code "TD loss"})
     * @param loss the value
     * @param step the environment step at which it was computed
     * @throws QuiverUserException if {@code loss} is NaN or infinite
     */
    public static double requireFinite(String algorithm, String lossName, double loss, long step) {
        if (!Double.isFinite(loss)) {
            throw new QuiverUserException(algorithm + ": the " + lossName + " is " + loss + " at environment step "
                    + step + "; training stopped. Check the env's rewards and observations for NaN/inf, or lower "
                    + "the learning rate / set maxGradNorm");
        }
        return loss;
    }

    /**
     * Returns {@code loss} if it is finite; for offline learners, which count gradient steps on a dataset.
     *
     * @param algorithm the algorithm's name
     * @param lossName which loss (e.g. {@code "value loss"})
     * @param loss the value
     * @param step the gradient step (0-based) at which it was computed
     * @throws QuiverUserException if {@code loss} is NaN or infinite
     */
    public static double requireFiniteAtGradientStep(String algorithm, String lossName, double loss, long step) {
        if (!Double.isFinite(loss)) {
            throw new QuiverUserException(algorithm + ": the " + lossName + " is " + loss + " at gradient step " + step
                    + "; training stopped. Check the dataset's rewards, observations and actions for extreme or NaN"
                    + " values, or lower the learning rate");
        }
        return loss;
    }
}
