package dev.quiver.envs.classic;

import dev.quiver.core.env.EnvSpec;
import dev.quiver.core.env.Step;
import dev.quiver.core.space.Box;

/**
 * {@code MountainCarContinuous-v0}: mountain car with a continuous force in [-1, 1]. An exact port
 * of Gymnasium 1.x including its float32 state after the first step (see {@link
 * MountainCarContinuousKernel}); reward {@code -0.1 a^2} per step and +100 on reaching {@code
 * position >= 0.45}.
 *
 * <p>{@link #setState(double[])} sets a float64 state, as after a reset; {@link
 * #setState(double[], boolean)} can mark it as already float32, as in the middle of an episode.
 *
 * @see <a href="https://www.cl.cam.ac.uk/techreports/UCAM-CL-TR-209.pdf">Moore (1990)</a>
 */
public final class MountainCarContinuous extends ClassicEnv<float[], MountainCarContinuousKernel> {
    /** The registered id. */
    public static final String ID = "MountainCarContinuous-v0";
    static final EnvSpec SPEC = EnvSpec.of(ID,
            Box.float32(new double[] {MountainCarContinuousKernel.MIN_POSITION, -MountainCarContinuousKernel.MAX_SPEED},
                    new double[] {MountainCarContinuousKernel.MAX_POSITION, MountainCarContinuousKernel.MAX_SPEED}),
            Box.float32(-1.0, 1.0, 1), 999, 90.0);

    /** The env with Gymnasium's default goal velocity 0. */
    public MountainCarContinuous() {
        this(0.0);
    }

    /** The env with the given goal velocity. */
    public MountainCarContinuous(double goalVelocity) {
        super(SPEC, new MountainCarContinuousKernel(1, goalVelocity), "position, velocity");
    }

    @Override
    float[] newObservation() {
        return new float[2];
    }

    @Override
    protected Step<float[]> doStep(float[] action) {
        boolean terminated = k.step(0, action[0]);
        return new Step<>(observe(), MountainCarContinuousKernel.reward(action[0], terminated), terminated, false);
    }

    /** Sets the state, marking it as float32 (mid-episode) or float64 (just reset). */
    public float[] setState(double[] state, boolean isFloat32) {
        float[] o = setState(state);
        k.float32[0] = isFloat32;
        return o;
    }
}
