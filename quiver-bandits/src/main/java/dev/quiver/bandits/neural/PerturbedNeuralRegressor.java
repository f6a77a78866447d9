package dev.quiver.bandits.neural;

import dev.quiver.bandits.regress.OnlineLogistic;
import dev.quiver.bandits.regress.OnlineRegressor;
import dev.quiver.core.seed.Seeds;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The online neural regressor of Deb et al.'s NeuCBs: a network {@code f(theta; x)} whose prediction in
 * round {@code t} carries a small random perturbation, trained by one online gradient step per round.
 *
 * <p>Perturbed prediction: {@code f~_t(theta; x) = f(theta; x) + c_p <theta - theta_0, eps_t>}, with
 * {@code theta_0} the initial parameters and a fresh {@code eps_t ~ N(0, I / p)} each round ({@code p}
 * parameters, so {@code ||eps_t||} is about 1). The paper adds "a suitable small random perturbation to the
 * network predictions", which makes the loss satisfy quadratic growth with a unique minimum; its full text
 * was not readable from this project's sources (only the abstract and reviews), so this form, linear in the
 * parameters with a per-round random direction (its gradient adds {@code c_p eps_t} to the network's), is
 * our reading and {@code c_p} our constant. The shift is the same for every arm of a round, so it changes
 * the learning dynamics, not the ranking of arms within the round.
 *
 * <p>Update after observing {@code y} for {@code x}: {@code theta -= eta * ell'(f~_t) * (grad f(theta; x) +
 * c_p eps_t)}, averaged over the last {@code window} examples (window 1: online gradient descent on the new
 * example), where {@code ell'} is {@code f~ - y} for the square loss {@code (f~ - y)^2 / 2} (NeuSquareCB)
 * and {@code sigmoid(f~) - y} for the log (KL) loss of the prediction {@code sigmoid(f~)} (NeuFastCB).
 *
 * <p>Randomness: initial weights from {@code seeds.child("init")}, perturbations from
 * {@code seeds.child("perturbation")}.
 *
 * @see <a href="https://arxiv.org/abs/2312.07145">Deb, Ban, Zuo, He, Banerjee (2023), Contextual Bandits
 *     with Online Neural Regression, arXiv:2312.07145</a>
 */
public final class PerturbedNeuralRegressor implements OnlineRegressor {

    /** The training loss. */
    public enum Loss {
        /** Square loss on the raw output (NeuSquareCB). */
        SQUARE,
        /** Log loss on {@code sigmoid(output)}, targets in [0, 1] (NeuFastCB). */
        LOG
    }

    private final NeuralOracleConfig config;
    private final Loss loss;
    private final Mlp net;
    private final double[] theta;
    private final double[] theta0;
    private final double[] eps;
    private final double[] grad;
    private final double[][] windowX;
    private final double[] windowY;
    private final ZigguratSampler.NormalizedGaussian perturbation;
    private int stored;
    private int next;
    private double shift;

    /** A fresh regressor for inputs of dimension {@code input}. */
    public PerturbedNeuralRegressor(NeuralOracleConfig config, int input, Loss loss, Seeds seeds) {
        this.config = config;
        this.loss = loss;
        this.net = new Mlp(input, config.hiddenArray());
        this.theta = net.initialise(ZigguratSampler.NormalizedGaussian.of(seeds.child("init").rng()));
        this.theta0 = theta.clone();
        this.eps = new double[net.parameters()];
        this.grad = new double[net.parameters()];
        this.windowX = new double[config.window()][input];
        this.windowY = new double[config.window()];
        this.perturbation = ZigguratSampler.NormalizedGaussian.of(seeds.child("perturbation").rng());
    }

    /** Draws this round's perturbation direction {@code eps_t}; call once per round before predicting. */
    public void beginRound() {
        if (config.perturbation() == 0) {
            shift = 0;
            return;
        }
        double scale = 1 / Math.sqrt(eps.length);
        double s = 0;
        for (int i = 0; i < eps.length; i++) {
            eps[i] = scale * perturbation.sample();
            s += (theta[i] - theta0[i]) * eps[i];
        }
        shift = config.perturbation() * s;
    }

    /** The perturbed output {@code f~_t(theta; x)} (before any sigmoid). */
    public double output(double[] x) {
        return net.forward(theta, x) + shift;
    }

    /** The prediction: the perturbed output (square loss) or its sigmoid (log loss). */
    @Override
    public double predict(double[] x) {
        double o = output(x);
        return loss == Loss.LOG ? OnlineLogistic.sigmoid(o) : o;
    }

    /** Adds {@code (x, y)} to the window and takes one gradient step on the window's mean loss. */
    @Override
    public void update(double[] x, double y) {
        System.arraycopy(x, 0, windowX[next], 0, x.length);
        windowY[next] = y;
        next = (next + 1) % windowY.length;
        stored = Math.min(stored + 1, windowY.length);
        java.util.Arrays.fill(grad, 0.0);
        double cp = config.perturbation();
        double residualSum = 0;
        for (int i = 0; i < stored; i++) {
            double o = net.forward(theta, windowX[i]) + shift;
            double r = (loss == Loss.LOG ? OnlineLogistic.sigmoid(o) : o) - windowY[i];
            net.backward(theta, r / stored, grad);
            residualSum += r / stored;
        }
        double lr = config.learningRate();
        for (int i = 0; i < theta.length; i++) {
            double g = grad[i] + (cp == 0 ? 0 : residualSum * cp * eps[i]);
            theta[i] -= lr * g;
        }
        // the shift follows the parameters until the next round draws a new direction
        if (cp != 0) {
            double s = 0;
            for (int i = 0; i < eps.length; i++) {
                s += (theta[i] - theta0[i]) * eps[i];
            }
            shift = cp * s;
        }
    }

    /** The number of network parameters. */
    public int parameters() {
        return net.parameters();
    }
}
