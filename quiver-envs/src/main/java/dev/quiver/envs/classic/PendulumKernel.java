package dev.quiver.envs.classic;

import dev.quiver.core.state.NamedArrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Inverted-pendulum swing-up dynamics on struct-of-arrays float64 state {@code (theta, theta_dot)},
 * an exact port of Gymnasium 1.x {@code PendulumEnv} including its float32 torque terms ({@code
 * 3u} and {@code 0.001 u^2} stay float32 under numpy 2's promotion rules).
 */
final class PendulumKernel implements ClassicKernel {
    static final double MAX_SPEED = 8;
    static final float MAX_TORQUE = 2f;
    static final double DT = 0.05;
    static final double M = 1.0;
    static final double L = 1.0;

    final double[] theta;
    final double[] thetaDot;
    private final double g;

    PendulumKernel(int n, double g) {
        theta = new double[n];
        thetaDot = new double[n];
        this.g = g;
    }

    /** Theta uniform in [-pi, pi), theta_dot uniform in [-1, 1). */
    @Override
    public void reset(int i, UniformRandomProvider rng) {
        theta[i] = -Math.PI + 2 * Math.PI * rng.nextDouble();
        thetaDot[i] = -1.0 + 2.0 * rng.nextDouble();
    }

    /** One step with torque {@code a}; returns the reward (computed from the state before the step). */
    double step(int i, float a) {
        float u = Math.min(Math.max(a, -MAX_TORQUE), MAX_TORQUE);
        double th = theta[i];
        double thDot = thetaDot[i];
        double norm = angleNormalize(th);
        double costs = norm * norm + 0.1 * (thDot * thDot) + (double) (0.001f * (u * u));
        double newThDot = thDot + (3 * g / (2 * L) * Math.sin(th) + (double) (3.0f * u)) * DT;
        newThDot = Math.min(Math.max(newThDot, -MAX_SPEED), MAX_SPEED);
        theta[i] = th + newThDot * DT;
        thetaDot[i] = newThDot;
        return -costs;
    }

    /** {@code ((x + pi) mod 2 pi) - pi} with Python's floor-mod semantics. */
    static double angleNormalize(double x) {
        double twoPi = 2 * Math.PI;
        double m = (x + Math.PI) % twoPi;
        if (m < 0) {
            m += twoPi;
        }
        return m - Math.PI;
    }

    @Override
    public void observe(int i, float[] out, int off) {
        double th = theta[i];
        out[off] = (float) Math.cos(th);
        out[off + 1] = (float) Math.sin(th);
        out[off + 2] = (float) thetaDot[i];
    }

    @Override
    public double[] state(int i) {
        return new double[] {theta[i], thetaDot[i]};
    }

    @Override
    public void setState(int i, double[] s) {
        theta[i] = s[0];
        thetaDot[i] = s[1];
    }

    @Override
    public void save(NamedArrays out) {
        out.put("theta", theta);
        out.put("theta_dot", thetaDot);
    }

    @Override
    public void restore(NamedArrays in) {
        int n = theta.length;
        System.arraycopy(in.doubles("theta", n), 0, theta, 0, n);
        System.arraycopy(in.doubles("theta_dot", n), 0, thetaDot, 0, n);
    }
}
