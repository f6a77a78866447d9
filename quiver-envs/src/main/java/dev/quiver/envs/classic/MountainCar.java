package dev.quiver.envs.classic;

import dev.quiver.core.env.EnvSpec;
import dev.quiver.core.env.Step;
import dev.quiver.core.space.Box;
import dev.quiver.core.space.Discrete;

/**
 * {@code MountainCar-v0}: drive an under-powered car up a hill with actions left (0), none (1) and
 * right (2). An exact port of Gymnasium 1.x: float64 state {@code (position, velocity)}, float32
 * observation, reward -1 per step, termination at {@code position >= 0.5 and velocity >= goal_velocity}.
 *
 * @see <a href="https://www.cl.cam.ac.uk/techreports/UCAM-CL-TR-209.pdf">Moore (1990)</a>
 */
public final class MountainCar extends ClassicEnv<Integer, MountainCarKernel> {
    /** The registered id. */
    public static final String ID = "MountainCar-v0";
    static final EnvSpec SPEC = EnvSpec.of(ID,
            Box.float32(new double[] {MountainCarKernel.MIN_POSITION, -MountainCarKernel.MAX_SPEED},
                    new double[] {MountainCarKernel.MAX_POSITION, MountainCarKernel.MAX_SPEED}),
            new Discrete(3), 200, -110.0);

    /** MountainCar with Gymnasium's default goal velocity 0. */
    public MountainCar() {
        this(0.0);
    }

    /** MountainCar with the given goal velocity. */
    public MountainCar(double goalVelocity) {
        super(SPEC, new MountainCarKernel(1, goalVelocity), "position, velocity");
    }

    @Override
    float[] newObservation() {
        return new float[2];
    }

    @Override
    protected Step<float[]> doStep(Integer action) {
        boolean terminated = k.step(0, action);
        return new Step<>(observe(), -1.0, terminated, false);
    }
}
