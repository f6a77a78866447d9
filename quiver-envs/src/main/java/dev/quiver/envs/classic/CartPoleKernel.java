package dev.quiver.envs.classic;

import dev.quiver.core.state.NamedArrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * CartPole dynamics on struct-of-arrays state ({@code x, xDot, theta, thetaDot}, float64), an exact
 * port of Gymnasium 1.x {@code CartPoleEnv} with explicit Euler integration.
 *
 * @see <a href="https://doi.org/10.1109/TSMC.1983.6313077">Barto, Sutton and Anderson (1983),
 *     Neuronlike adaptive elements that can solve difficult learning control problems</a>
 */
final class CartPoleKernel implements ClassicKernel {
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
    @Override
    public void reset(int i, UniformRandomProvider rng) {
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
        double force = FORCE_MAG * (2 * action - 1); // exactly -10 or +10, without a data-dependent branch
        double th = theta[i];
        double thDot = thetaDot[i];
        double cos;
        double sin;
        if (Math.abs(th) <= SMALL_ANGLE) { // always inside an episode: it terminates beyond 0.2095
            cos = cosSmall(th);
            sin = sinSmall(th);
        } else {
            cos = Math.cos(th);
            sin = Math.sin(th);
        }
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

    /** Largest |theta| for which {@link #sinSmall} and {@link #cosSmall} are used. */
    static final double SMALL_ANGLE = 0.25;

    /**
     * sin(x) for |x| <= 0.25 by its Taylor polynomial to x^11 (the next term is below 1e-17 |x|):
     * within 1 ulp, and inlined, unlike Math.sin's stub call.
     */
    static double sinSmall(double x) {
        double x2 = x * x;
        double p = -1.0 / 39916800.0;
        p = p * x2 + 1.0 / 362880.0;
        p = p * x2 - 1.0 / 5040.0;
        p = p * x2 + 1.0 / 120.0;
        p = p * x2 - 1.0 / 6.0;
        return x + x * x2 * p;
    }

    /** cos(x) for |x| <= 0.25 by its Taylor polynomial to x^12 (the next term is below 1e-19): within 1 ulp. */
    static double cosSmall(double x) {
        double x2 = x * x;
        double p = 1.0 / 479001600.0;
        p = p * x2 - 1.0 / 3628800.0;
        p = p * x2 + 1.0 / 40320.0;
        p = p * x2 - 1.0 / 720.0;
        p = p * x2 + 1.0 / 24.0;
        p = p * x2 - 0.5;
        return 1.0 + x2 * p;
    }

    /** Writes the float32 observation of copy {@code i} at {@code out[off..off+4)}. */
    @Override
    public void observe(int i, float[] out, int off) {
        out[off] = (float) x[i];
        out[off + 1] = (float) xDot[i];
        out[off + 2] = (float) theta[i];
        out[off + 3] = (float) thetaDot[i];
    }

    @Override
    public double[] state(int i) {
        return new double[] {x[i], xDot[i], theta[i], thetaDot[i]};
    }

    @Override
    public void setState(int i, double[] s) {
        x[i] = s[0];
        xDot[i] = s[1];
        theta[i] = s[2];
        thetaDot[i] = s[3];
    }

    @Override
    public void save(NamedArrays out) {
        out.put("x", x);
        out.put("x_dot", xDot);
        out.put("theta", theta);
        out.put("theta_dot", thetaDot);
    }

    @Override
    public void restore(NamedArrays in) {
        int n = x.length;
        System.arraycopy(in.doubles("x", n), 0, x, 0, n);
        System.arraycopy(in.doubles("x_dot", n), 0, xDot, 0, n);
        System.arraycopy(in.doubles("theta", n), 0, theta, 0, n);
        System.arraycopy(in.doubles("theta_dot", n), 0, thetaDot, 0, n);
    }
}
