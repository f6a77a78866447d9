package dev.quiver.envs.classic;

import dev.quiver.core.env.EnvSpec;
import dev.quiver.core.env.Step;
import dev.quiver.core.space.Box;
import dev.quiver.core.space.Discrete;

/**
 * {@code Acrobot-v1}: swing the tip of a two-link under-actuated pendulum above a line, applying
 * torque -1, 0 or +1 (actions 0, 1, 2) at the middle joint. An exact port of Gymnasium 1.x (see
 * {@link AcrobotKernel}): observation {@code (cos t1, sin t1, cos t2, sin t2, dt1, dt2)} in float32,
 * reward -1 per step and 0 on the terminating step.
 *
 * @see <a href="http://incompleteideas.net/book/the-book-2nd.html">Sutton and Barto, Reinforcement Learning: An Introduction</a>
 */
public final class Acrobot extends ClassicEnv<Integer, AcrobotKernel> {
    /** The registered id. */
    public static final String ID = "Acrobot-v1";
    static final EnvSpec SPEC = EnvSpec.of(ID,
            Box.float32(new double[] {-1, -1, -1, -1, -AcrobotKernel.MAX_VEL_1, -AcrobotKernel.MAX_VEL_2},
                    new double[] {1, 1, 1, 1, AcrobotKernel.MAX_VEL_1, AcrobotKernel.MAX_VEL_2}),
            new Discrete(3), 500, -100.0);

    /** Acrobot with Gymnasium's default "book" dynamics. */
    public Acrobot() {
        this(true);
    }

    /** Acrobot with "book" ({@code true}) or "nips" ({@code false}) dynamics. */
    public Acrobot(boolean bookDynamics) {
        super(SPEC, new AcrobotKernel(1, bookDynamics), "theta1, theta2, dtheta1, dtheta2");
    }

    @Override
    float[] newObservation() {
        return new float[6];
    }

    @Override
    protected Step<float[]> doStep(Integer action) {
        boolean terminated = k.step(0, action);
        return new Step<>(observe(), terminated ? 0.0 : -1.0, terminated, false);
    }
}
