package dev.quiver.envs.classic;

import dev.quiver.core.state.NamedArrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Continuous mountain-car dynamics, an exact port of Gymnasium 1.x {@code Continuous_MountainCarEnv}
 * including its mixed precision: the reset state is float64, but every step stores the new state
 * as float32 and, from then on, numpy 2 keeps the arithmetic in float32. So the first step after a
 * reset (or an explicit float64 state) computes in double and rounds the result, and later steps
 * compute in float, with float32 constants in every comparison.
 */
final class MountainCarContinuousKernel implements ClassicKernel {
    static final double MIN_POSITION = -1.2;
    static final double MAX_POSITION = 0.6;
    static final double MAX_SPEED = 0.07;
    static final double GOAL_POSITION = 0.45;
    static final float POWER = 0.0015f;

    final double[] position;
    final double[] velocity;
    /** Whether copy i's state is already float32 (true after its first step). */
    final boolean[] float32;
    private final double goalVelocity;

    MountainCarContinuousKernel(int n, double goalVelocity) {
        position = new double[n];
        velocity = new double[n];
        float32 = new boolean[n];
        this.goalVelocity = goalVelocity;
    }

    @Override
    public void reset(int i, UniformRandomProvider rng) {
        position[i] = -0.6 + 0.2 * rng.nextDouble();
        velocity[i] = 0.0;
        float32[i] = false;
    }

    /** One step with force {@code a} in [-1, 1]; returns whether the goal was reached. */
    boolean step(int i, float a) {
        float force = Math.min(Math.max(a, -1f), 1f);
        if (float32[i]) {
            float p = (float) position[i];
            float v = (float) velocity[i];
            float dv = force * POWER - (float) (0.0025 * Math.cos((double) (3f * p)));
            v = v + dv;
            if (v > 0.07f) {
                v = 0.07f;
            }
            if (v < -0.07f) {
                v = -0.07f;
            }
            p = p + v;
            if (p > 0.6f) {
                p = 0.6f;
            }
            if (p < -1.2f) {
                p = -1.2f;
            }
            if (p == -1.2f && v < 0) {
                v = 0f;
            }
            position[i] = p;
            velocity[i] = v;
            return p >= 0.45f && v >= (float) goalVelocity;
        }
        double p = position[i];
        double v = velocity[i];
        float dv = force * POWER - (float) (0.0025 * Math.cos(3 * p));
        v = v + dv;
        if (v > MAX_SPEED) {
            v = MAX_SPEED;
        }
        if (v < -MAX_SPEED) {
            v = -MAX_SPEED;
        }
        p = p + v;
        if (p > MAX_POSITION) {
            p = MAX_POSITION;
        }
        if (p < MIN_POSITION) {
            p = MIN_POSITION;
        }
        if (p == MIN_POSITION && v < 0) {
            v = 0;
        }
        boolean terminated = p >= GOAL_POSITION && v >= goalVelocity;
        position[i] = (float) p;
        velocity[i] = (float) v;
        float32[i] = true;
        return terminated;
    }

    /** Gymnasium's reward: {@code -0.1 a^2}, plus 100 on reaching the goal. */
    static double reward(float a, boolean terminated) {
        double ad = a;
        return (terminated ? 100.0 : 0.0) - ad * ad * 0.1;
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

    /** Sets a float64 state, as right after a reset (the first step then computes in double). */
    @Override
    public void setState(int i, double[] s) {
        position[i] = s[0];
        velocity[i] = s[1];
        float32[i] = false;
    }

    @Override
    public void save(NamedArrays out) {
        out.put("position", position);
        out.put("velocity", velocity);
        out.put("float32", float32);
    }

    @Override
    public void restore(NamedArrays in) {
        int n = position.length;
        System.arraycopy(in.doubles("position", n), 0, position, 0, n);
        System.arraycopy(in.doubles("velocity", n), 0, velocity, 0, n);
        System.arraycopy(in.booleans("float32", n), 0, float32, 0, n);
    }
}
