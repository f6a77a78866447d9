package dev.quiver.envs.classic;

import dev.quiver.core.state.NamedArrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Mountain-car dynamics with discrete actions on struct-of-arrays float64 state {@code (position,
 * velocity)}, an exact port of Gymnasium 1.x {@code MountainCarEnv}.
 *
 * @see <a href="https://www.cl.cam.ac.uk/techreports/UCAM-CL-TR-209.pdf">Moore (1990), Efficient
 *     memory-based learning for robot control</a>
 */
final class MountainCarKernel implements ClassicKernel {
    static final double MIN_POSITION = -1.2;
    static final double MAX_POSITION = 0.6;
    static final double MAX_SPEED = 0.07;
    static final double GOAL_POSITION = 0.5;
    static final double FORCE = 0.001;
    static final double GRAVITY = 0.0025;

    final double[] position;
    final double[] velocity;
    private final double goalVelocity;

    MountainCarKernel(int n, double goalVelocity) {
        position = new double[n];
        velocity = new double[n];
        this.goalVelocity = goalVelocity;
    }

    /** Position uniform in [-0.6, -0.4), velocity 0. */
    @Override
    public void reset(int i, UniformRandomProvider rng) {
        position[i] = -0.6 + 0.2 * rng.nextDouble();
        velocity[i] = 0.0;
    }

    /** One step with action 0 (left), 1 (none) or 2 (right); returns whether the goal was reached. */
    boolean step(int i, int action) {
        double p = position[i];
        double v = velocity[i] + (action - 1) * FORCE + Math.cos(3 * p) * (-GRAVITY);
        v = Math.min(Math.max(v, -MAX_SPEED), MAX_SPEED);
        p += v;
        p = Math.min(Math.max(p, MIN_POSITION), MAX_POSITION);
        if (p == MIN_POSITION && v < 0) {
            v = 0;
        }
        position[i] = p;
        velocity[i] = v;
        return p >= GOAL_POSITION && v >= goalVelocity;
    }

    @Override
    public void observe(int i, float[] out, int off) {
        out[off] = (float) position[i];
        out[off + 1] = (float) velocity[i];
    }

    @Override
    public double[] state(int i) {
        return new double[] {position[i], velocity[i]};
    }

    @Override
    public void setState(int i, double[] s) {
        position[i] = s[0];
        velocity[i] = s[1];
    }

    @Override
    public void save(NamedArrays out) {
        out.put("position", position);
        out.put("velocity", velocity);
    }

    @Override
    public void restore(NamedArrays in) {
        int n = position.length;
        System.arraycopy(in.doubles("position", n), 0, position, 0, n);
        System.arraycopy(in.doubles("velocity", n), 0, velocity, 0, n);
    }
}
