package dev.quiver.bandits.neural;

import dev.quiver.bandits.algo.Arrays2;
import dev.quiver.bandits.algo.BanditAlgorithm;
import dev.quiver.bandits.algo.InverseGapWeighting;
import dev.quiver.bandits.env.BanditSpec;
import dev.quiver.bandits.env.Context;
import dev.quiver.core.seed.Seeds;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * NeuFastCB (Deb et al. 2023): FastCB's reweighted inverse gap weighting over a perturbed online neural
 * regressor trained with the log (KL) loss. Rewards become losses {@code 1 - r01} in [0, 1] ({@code r01}
 * the reward rescaled with the spec's range and clipped); the network predicts each arm's loss as
 * {@code sigmoid(f~_t(theta; x_{t,a}))}; an arm is drawn from {@link InverseGapWeighting#fastCb} with
 * {@code gamma_t} (from {@code seeds.child("actions")}); one online gradient step follows (see
 * {@link PerturbedNeuralRegressor}).
 *
 * @see <a href="https://arxiv.org/abs/2312.07145">Deb, Ban, Zuo, He, Banerjee (2023), Contextual Bandits
 *     with Online Neural Regression, arXiv:2312.07145</a>
 * @see <a href="https://arxiv.org/abs/2107.02237">Foster, Krishnamurthy (2021), arXiv:2107.02237</a>
 */
public final class NeuFastCb implements BanditAlgorithm {
    private final NeuFastCbConfig config;
    private final BanditSpec spec;
    private final PerturbedNeuralRegressor oracle;
    private final double[] input;
    private final double[] predictions;
    private final double[] probabilities;
    private final UniformRandomProvider rng;
    private long t;

    NeuFastCb(NeuFastCbConfig config, BanditSpec spec, Seeds seeds) {
        this.config = config;
        this.spec = spec;
        this.oracle = new PerturbedNeuralRegressor(config.oracle(), spec.inputDim(),
                PerturbedNeuralRegressor.Loss.LOG, seeds.child("oracle"));
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
        InverseGapWeighting.fastCb(predictions, config.gamma().at(t), probabilities);
        return Arrays2.sample(probabilities, rng);
    }

    @Override
    public void update(Context context, int arm, double reward) {
        oracle.update(context.copyInput(arm, input), 1 - spec.normalise(reward));
    }
}
