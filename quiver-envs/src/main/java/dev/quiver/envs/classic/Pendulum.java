package dev.quiver.envs.classic;

import dev.quiver.core.env.EnvSpec;
import dev.quiver.core.env.Step;
import dev.quiver.core.space.Box;

/**
 * {@code Pendulum-v1}: swing a pendulum up and keep it upright with a torque in [-2, 2]. An exact
 * port of Gymnasium 1.x (see {@link PendulumKernel}): observation {@code (cos theta, sin theta,
 * theta_dot)} in float32, reward {@code -(angle^2 + 0.1 theta_dot^2 + 0.001 u^2)}, never terminates
 * (the 200-step time limit truncates).
 */
public final class Pendulum extends ClassicEnv<float[], PendulumKernel> {
    /** The registered id. */
    public static final String ID = "Pendulum-v1";
    static final EnvSpec SPEC = EnvSpec.of(ID,
            Box.float32(new double[] {-1, -1, -PendulumKernel.MAX_SPEED}, new double[] {1, 1, PendulumKernel.MAX_SPEED}),
            Box.float32(-2.0, 2.0, 1), 200, Double.NaN);

    /** Pendulum with Gymnasium's default gravity g = 10. */
    public Pendulum() {
        this(10.0);
    }

    /** Pendulum with gravity {@code g}. */
    public Pendulum(double g) {
        super(SPEC, new PendulumKernel(1, g), "theta, theta_dot");
    }

    @Override
    float[] newObservation() {
        return new float[3];
    }

    @Override
    protected Step<float[]> doStep(float[] action) {
        double reward = k.step(0, action[0]);
        return new Step<>(observe(), reward, false, false);
    }
}
