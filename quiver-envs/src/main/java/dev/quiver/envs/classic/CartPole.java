package dev.quiver.envs.classic;

import dev.quiver.core.env.EnvSpec;
import dev.quiver.core.env.Step;
import dev.quiver.core.space.Box;
import dev.quiver.core.space.Discrete;

/**
 * {@code CartPole-v1}: balance a pole on a cart by pushing it left (0) or right (1). An exact port of
 * Gymnasium 1.x: float64 state {@code (x, x_dot, theta, theta_dot)}, float32 observation, reward
 * 1 per step (including the terminating one), termination when {@code |x| > 2.4} or {@code |theta| >
 * 12 degrees}. With {@code sutton_barto_reward} the reward is 0 per step and -1 on termination.
 *
 * @see <a href="https://doi.org/10.1109/TSMC.1983.6313077">Barto, Sutton and Anderson (1983)</a>
 */
public final class CartPole extends ClassicEnv<Integer, CartPoleKernel> {
    /** The registered id. */
    public static final String ID = "CartPole-v1";
    static final EnvSpec SPEC = EnvSpec.of(ID,
            Box.float32(new double[] {-CartPoleKernel.X_THRESHOLD * 2, Double.NEGATIVE_INFINITY,
                -CartPoleKernel.THETA_THRESHOLD * 2, Double.NEGATIVE_INFINITY},
                    new double[] {CartPoleKernel.X_THRESHOLD * 2, Double.POSITIVE_INFINITY,
                        CartPoleKernel.THETA_THRESHOLD * 2, Double.POSITIVE_INFINITY}),
            new Discrete(2), 500, 475.0);
    private final boolean suttonBartoReward;

    /** CartPole with Gymnasium's default reward. */
    public CartPole() {
        this(false);
    }

    /** CartPole, optionally with the Sutton and Barto reward (0 per step, -1 on failure). */
    public CartPole(boolean suttonBartoReward) {
        super(SPEC, new CartPoleKernel(1), "x, x_dot, theta, theta_dot");
        this.suttonBartoReward = suttonBartoReward;
    }

    @Override
    float[] newObservation() {
        return new float[4];
    }

    @Override
    protected Step<float[]> doStep(Integer action) {
        boolean terminated = k.step(0, action);
        double reward = suttonBartoReward ? (terminated ? -1.0 : 0.0) : 1.0;
        return new Step<>(observe(), reward, terminated, false);
    }
}
