package dev.quiver.envs.classic;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * CartPole dynamics on struct-of-arrays state ({@code x, xDot, theta, thetaDot}, float64), an exact
 * port of Gymnasium 1.x {@code CartPoleEnv} with explicit Euler integration.
 *
 * @see <a href="https://doi.org/10.1109/TSMC.1983.6313077">Barto, Sutton and Anderson (1983),
 *     Neuronlike adaptive elements that can solve difficult learning control problems</a>
 */
final class CartPoleKernel {
    static final double GRAVITY = 9.8;
    static final double MASS_CART = 1.0;
    static final double MASS_POLE = 0.1;
    static final double TOTAL_MASS = MASS_POLE + MASS_CART;
    static final double LENGTH = 0.5;
    static final double POLEMASS_LENGTH = MASS_POLE * LENGTH;
    static final double FORCE_MAG = 10.0;
    static final double TAU = 0.02;
    static final double THETA_THRESHOLD = 12 * 2 * Math.PI / 360;
    static final double X_THRESHOLD = 2.4;

    final double[] x;
    final double[] xDot;
    final double[] theta;
    final double[] thetaDot;

    CartPoleKernel(int n) {
        x = new double[n];
        xDot = new double[n];
        theta = new double[n];
        thetaDot = new double[n];
    }

    /** Gymnasium's reset: each state variable uniform in [-0.05, 0.05). */
    void reset(int i, UniformRandomProvider rng) {
        x[i] = uniform(rng);
        xDot[i] = uniform(rng);
        theta[i] = uniform(rng);
        thetaDot[i] = uniform(rng);
    }

    private static double uniform(UniformRandomProvider rng) {
        return -0.05 + 0.1 * rng.nextDouble();
    }

    /** One Euler step with action 0 (push left) or 1 (push right); returns whether it terminated. */
    boolean step(int i, int action) {
        double force = action == 1 ? FORCE_MAG : -FORCE_MAG;
        double th = theta[i];
        double thDot = thetaDot[i];
        double cos = Math.cos(th);
        double sin = Math.sin(th);
        double temp = (force + POLEMASS_LENGTH * (thDot * thDot) * sin) / TOTAL_MASS;
        double thetaAcc = (GRAVITY * sin - cos * temp)
                / (LENGTH * (4.0 / 3.0 - MASS_POLE * (cos * cos) / TOTAL_MASS));
        double xAcc = temp - POLEMASS_LENGTH * thetaAcc * cos / TOTAL_MASS;
        double nx = x[i] + TAU * xDot[i];
        x[i] = nx;
        xDot[i] = xDot[i] + TAU * xAcc;
        double nth = th + TAU * thDot;
        theta[i] = nth;
        thetaDot[i] = thDot + TAU * thetaAcc;
        return nx < -X_THRESHOLD || nx > X_THRESHOLD || nth < -THETA_THRESHOLD || nth > THETA_THRESHOLD;
    }

    /** Writes the float32 observation of copy {@code i} at {@code out[off..off+4)}. */
    void observe(int i, float[] out, int off) {
        out[off] = (float) x[i];
        out[off + 1] = (float) xDot[i];
        out[off + 2] = (float) theta[i];
        out[off + 3] = (float) thetaDot[i];
    }

    double[] state(int i) {
        return new double[] {x[i], xDot[i], theta[i], thetaDot[i]};
    }

    void setState(int i, double[] s) {
        x[i] = s[0];
        xDot[i] = s[1];
        theta[i] = s[2];
        thetaDot[i] = s[3];
    }
}
