package dev.quiver.bandits.neural;

import dev.quiver.bandits.algo.Arrays2;
import dev.quiver.bandits.algo.BanditAlgorithm;
import dev.quiver.bandits.algo.InverseGapWeighting;
import dev.quiver.bandits.env.BanditSpec;
import dev.quiver.bandits.env.Context;
import dev.quiver.core.seed.Seeds;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * NeuSquareCB (Deb et al. 2023): SquareCB's inverse gap weighting over a perturbed online neural regressor
 * trained with the square loss. Each round: draw the perturbation, predict every arm's reward with
 * {@code f~_t(theta; x_{t,a})}, sample an arm from {@link InverseGapWeighting#squareCb} with
 * {@code gamma_t} (draws from {@code seeds.child("actions")}), then take one online gradient step on the
 * observed reward (see {@link PerturbedNeuralRegressor}). Inputs are the arms' features (one-hot arm vectors
 * for bandits without features).
 *
 * @see <a href="https://arxiv.org/abs/2312.07145">Deb, Ban, Zuo, He, Banerjee (2023), Contextual Bandits
 *     with Online Neural Regression, arXiv:2312.07145</a>
 * @see <a href="https://arxiv.org/abs/2002.04926">Foster, Rakhlin (2020), arXiv:2002.04926</a>
 */
public final class NeuSquareCb implements BanditAlgorithm {
    private final NeuSquareCbConfig config;
    private final PerturbedNeuralRegressor oracle;
    private final double[] input;
    private final double[] predictions;
    private final double[] probabilities;
    private final UniformRandomProvider rng;
    private long t;

    NeuSquareCb(NeuSquareCbConfig config, BanditSpec spec, Seeds seeds) {
        this.config = config;
        this.oracle = new PerturbedNeuralRegressor(config.oracle(), spec.inputDim(),
                PerturbedNeuralRegressor.Loss.SQUARE, seeds.child("oracle"));
        this.input = new double[spec.inputDim()];
        this.predictions = new double[spec.arms()];
        this.probabilities = new double[spec.arms()];
        this.rng = seeds.child("actions").rng();
    }

    @Override
    public int select(Context context) {
        t++;
        oracle.beginRound();
        for (int a = 0; a < predictions.length; a++) {
            predictions[a] = oracle.predict(context.copyInput(a, input));
        }
        InverseGapWeighting.squareCb(predictions, config.gamma().at(t), probabilities);
        return Arrays2.sample(probabilities, rng);
    }

    @Override
    public void update(Context context, int arm, double reward) {
        oracle.update(context.copyInput(arm, input), reward);
    }
}
