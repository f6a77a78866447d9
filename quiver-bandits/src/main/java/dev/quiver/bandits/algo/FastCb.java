package dev.quiver.bandits.algo;

import dev.quiver.bandits.env.BanditSpec;
import dev.quiver.bandits.env.Context;
import dev.quiver.bandits.regress.OnlineLogistic;
import dev.quiver.core.seed.Seeds;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * FastCB (Foster and Krishnamurthy 2021, Algorithm 1) with a linear log-loss oracle: rewards are turned
 * into losses {@code 1 - r01} in [0, 1] ({@code r01} the reward rescaled with the spec's range and clipped),
 * the oracle predicts each arm's loss as a probability, {@link InverseGapWeighting#fastCb} gives the
 * reweighted inverse-gap distribution with learning rate {@code gamma_t}, an arm is drawn (from
 * {@code seeds.child("actions")}) and the oracle learns the observed loss under the log loss.
 *
 * <p>The oracle is {@link OnlineLogistic} (online Newton step) on the arm's features plus an intercept
 * (one-hot arm vectors for bandits without features), shared by all arms.
 *
 * @see <a href="https://arxiv.org/abs/2107.02237">Foster, Krishnamurthy (2021), Efficient First-Order
 *     Contextual Bandits: Prediction, Allocation, and Triangular Discrimination, arXiv:2107.02237</a>
 */
public final class FastCb implements BanditAlgorithm {
    private final FastCbConfig config;
    private final BanditSpec spec;
    private final OnlineLogistic oracle;
    private final double[] input;
    private final double[] predictions;
    private final double[] probabilities;
    private final UniformRandomProvider rng;
    private long t;

    FastCb(FastCbConfig config, BanditSpec spec, Seeds seeds) {
        this.config = config;
        this.spec = spec;
        this.oracle = new OnlineLogistic(spec.inputDim(), config.lambda());
        this.input = new double[spec.inputDim()];
        this.predictions = new double[spec.arms()];
        this.probabilities = new double[spec.arms()];
        this.rng = seeds.child("actions").rng();
    }

    @Override
    public int select(Context context) {
        t++;
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
