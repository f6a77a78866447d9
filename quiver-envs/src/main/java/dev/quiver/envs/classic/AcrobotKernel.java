package dev.quiver.envs.classic;

import dev.quiver.core.state.NamedArrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Acrobot dynamics on struct-of-arrays state {@code (theta1, theta2, dtheta1, dtheta2)}, an exact
 * port of Gymnasium 1.x {@code AcrobotEnv}: one classic RK4 step of 0.2 s on the augmented state
 * (angles, velocities, constant torque), "book" (Sutton and Barto) or "nips" (Sutton 1996)
 * equations, angles wrapped into [-pi, pi] and velocities clipped. The reset state is rounded to
 * float32, as Gymnasium's is; everything after is float64.
 *
 * @see <a href="http://incompleteideas.net/book/the-book-2nd.html">Sutton and Barto (1998/2018),
 *     Reinforcement Learning: An Introduction</a>
 * @see <a href="https://papers.nips.cc/paper/1995/hash/8f1d43620bc6bb580df6e80b0dc05c48-Abstract.html">Sutton
 *     (1996), Generalization in reinforcement learning: successful examples using sparse coarse coding</a>
 */
final class AcrobotKernel implements ClassicKernel {
    static final double DT = 0.2;
    static final double LINK_LENGTH_1 = 1.0;
    static final double LINK_MASS_1 = 1.0;
    static final double LINK_MASS_2 = 1.0;
    static final double LINK_COM_POS_1 = 0.5;
    static final double LINK_COM_POS_2 = 0.5;
    static final double LINK_MOI = 1.0;
    static final double MAX_VEL_1 = 4 * Math.PI;
    static final double MAX_VEL_2 = 9 * Math.PI;
    static final double[] TORQUES = {-1.0, 0.0, 1.0};
    private static final double G = 9.8;

    final double[] theta1;
    final double[] theta2;
    final double[] dtheta1;
    final double[] dtheta2;
    private final boolean book;
    /** Scratch for the two accelerations of one derivative evaluation. */
    private double acc1;
    private double acc2;

    AcrobotKernel(int n, boolean bookDynamics) {
        theta1 = new double[n];
        theta2 = new double[n];
        dtheta1 = new double[n];
        dtheta2 = new double[n];
        this.book = bookDynamics;
    }

    /** Each state variable uniform in [-0.1, 0.1), rounded to float32. */
    @Override
    public void reset(int i, UniformRandomProvider rng) {
        theta1[i] = (float) (-0.1 + 0.2 * rng.nextDouble());
        theta2[i] = (float) (-0.1 + 0.2 * rng.nextDouble());
        dtheta1[i] = (float) (-0.1 + 0.2 * rng.nextDouble());
        dtheta2[i] = (float) (-0.1 + 0.2 * rng.nextDouble());
    }

    /** Sets {@link #acc1} and {@link #acc2} to the angular accelerations at the given state. */
    private void accelerations(double t1, double t2, double dt1, double dt2, double a) {
        final double m1 = LINK_MASS_1;
        final double m2 = LINK_MASS_2;
        final double l1 = LINK_LENGTH_1;
        final double lc1 = LINK_COM_POS_1;
        final double lc2 = LINK_COM_POS_2;
        final double i1 = LINK_MOI;
        final double i2 = LINK_MOI;
        double cos2 = Math.cos(t2);
        double sin2 = Math.sin(t2);
        double d1 = m1 * (lc1 * lc1) + m2 * (l1 * l1 + lc2 * lc2 + 2 * l1 * lc2 * cos2) + i1 + i2;
        double d2 = m2 * (lc2 * lc2 + l1 * lc2 * cos2) + i2;
        double phi2 = m2 * lc2 * G * Math.cos(t1 + t2 - Math.PI / 2.0);
        double phi1 = -m2 * l1 * lc2 * (dt2 * dt2) * sin2 - 2 * m2 * l1 * lc2 * dt2 * dt1 * sin2
                + (m1 * lc1 + m2 * l1) * G * Math.cos(t1 - Math.PI / 2) + phi2;
        double ddt2;
        if (book) {
            ddt2 = (a + d2 / d1 * phi1 - m2 * l1 * lc2 * (dt1 * dt1) * sin2 - phi2)
                    / (m2 * (lc2 * lc2) + i2 - (d2 * d2) / d1);
        } else {
            ddt2 = (a + d2 / d1 * phi1 - phi2) / (m2 * (lc2 * lc2) + i2 - (d2 * d2) / d1);
        }
        acc1 = -(d2 * ddt2 + phi1) / d1;
        acc2 = ddt2;
    }

    /** One RK4 step with action 0, 1 or 2 (torque -1, 0, +1); returns whether the goal height was reached. */
    boolean step(int i, int action) {
        double a = TORQUES[action];
        double y0 = theta1[i];
        double y1 = theta2[i];
        double y2 = dtheta1[i];
        double y3 = dtheta2[i];
        double dt = DT;
        double dt2 = dt / 2.0;

        accelerations(y0, y1, y2, y3, a);
        double k10 = y2;
        double k11 = y3;
        double k12 = acc1;
        double k13 = acc2;

        double u0 = y0 + dt2 * k10;
        double u1 = y1 + dt2 * k11;
        double u2 = y2 + dt2 * k12;
        double u3 = y3 + dt2 * k13;
        accelerations(u0, u1, u2, u3, a);
        double k20 = u2;
        double k21 = u3;
        double k22 = acc1;
        double k23 = acc2;

        u0 = y0 + dt2 * k20;
        u1 = y1 + dt2 * k21;
        u2 = y2 + dt2 * k22;
        u3 = y3 + dt2 * k23;
        accelerations(u0, u1, u2, u3, a);
        double k30 = u2;
        double k31 = u3;
        double k32 = acc1;
        double k33 = acc2;

        u0 = y0 + dt * k30;
        u1 = y1 + dt * k31;
        u2 = y2 + dt * k32;
        u3 = y3 + dt * k33;
        accelerations(u0, u1, u2, u3, a);
        double k40 = u2;
        double k41 = u3;
        double k42 = acc1;
        double k43 = acc2;

        double h = dt / 6.0;
        double n0 = y0 + h * (k10 + 2 * k20 + 2 * k30 + k40);
        double n1 = y1 + h * (k11 + 2 * k21 + 2 * k31 + k41);
        double n2 = y2 + h * (k12 + 2 * k22 + 2 * k32 + k42);
        double n3 = y3 + h * (k13 + 2 * k23 + 2 * k33 + k43);

        n0 = wrap(n0);
        n1 = wrap(n1);
        n2 = Math.min(Math.max(n2, -MAX_VEL_1), MAX_VEL_1);
        n3 = Math.min(Math.max(n3, -MAX_VEL_2), MAX_VEL_2);
        theta1[i] = n0;
        theta2[i] = n1;
        dtheta1[i] = n2;
        dtheta2[i] = n3;
        return -Math.cos(n0) - Math.cos(n1 + n0) > 1.0;
    }

    /** Gymnasium's wrap into [-pi, pi] by repeated shifts of {@code pi - (-pi)}. */
    private static double wrap(double x) {
        final double lo = -Math.PI;
        final double hi = Math.PI;
        final double diff = hi - lo;
        while (x > hi) {
            x = x - diff;
        }
        while (x < lo) {
            x = x + diff;
        }
        return x;
    }

    @Override
    public void observe(int i, float[] out, int off) {
        double t1 = theta1[i];
        double t2 = theta2[i];
        out[off] = (float) Math.cos(t1);
        out[off + 1] = (float) Math.sin(t1);
        out[off + 2] = (float) Math.cos(t2);
        out[off + 3] = (float) Math.sin(t2);
        out[off + 4] = (float) dtheta1[i];
        out[off + 5] = (float) dtheta2[i];
    }

    @Override
    public double[] state(int i) {
        return new double[] {theta1[i], theta2[i], dtheta1[i], dtheta2[i]};
    }

    @Override
    public void setState(int i, double[] s) {
        theta1[i] = s[0];
        theta2[i] = s[1];
        dtheta1[i] = s[2];
        dtheta2[i] = s[3];
    }

    @Override
    public void save(NamedArrays out) {
        out.put("theta1", theta1);
        out.put("theta2", theta2);
        out.put("dtheta1", dtheta1);
        out.put("dtheta2", dtheta2);
    }

    @Override
    public void restore(NamedArrays in) {
        int n = theta1.length;
        System.arraycopy(in.doubles("theta1", n), 0, theta1, 0, n);
        System.arraycopy(in.doubles("theta2", n), 0, theta2, 0, n);
        System.arraycopy(in.doubles("dtheta1", n), 0, dtheta1, 0, n);
        System.arraycopy(in.doubles("dtheta2", n), 0, dtheta2, 0, n);
    }
}
