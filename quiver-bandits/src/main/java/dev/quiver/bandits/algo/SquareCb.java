package dev.quiver.bandits.algo;

import dev.quiver.bandits.env.BanditSpec;
import dev.quiver.bandits.env.Context;
import dev.quiver.bandits.regress.OnlineRidge;
import dev.quiver.core.seed.Seeds;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * SquareCB (Foster and Rakhlin 2020, Algorithm 1) with a linear online regression oracle: each round the
 * oracle predicts every arm's reward, {@link InverseGapWeighting#squareCb} turns the predictions into
 * probabilities with learning rate {@code gamma_t}, an arm is drawn (from {@code seeds.child("actions")})
 * and the oracle learns the observed reward of that arm under the square loss.
 *
 * <p>The oracle is online ridge regression on the arm's features plus an intercept (one-hot arm vectors for
 * bandits without features), shared by all arms.
 *
 * @see <a href="https://arxiv.org/abs/2002.04926">Foster, Rakhlin (2020), Beyond UCB: Optimal and Efficient
 *     Contextual Bandits with Regression Oracles, arXiv:2002.04926</a>
 */
public final class SquareCb implements BanditAlgorithm {
    private final SquareCbConfig config;
    private final OnlineRidge oracle;
    private final double[] input;
    private final double[] predictions;
    private final double[] probabilities;
    private final UniformRandomProvider rng;
    private long t;

    SquareCb(SquareCbConfig config, BanditSpec spec, Seeds seeds) {
        this.config = config;
        this.oracle = new OnlineRidge(spec.inputDim(), config.lambda(), true);
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
        InverseGapWeighting.squareCb(predictions, config.gamma().at(t), probabilities);
        return Arrays2.sample(probabilities, rng);
    }

    /** A copy of the last round's action distribution. */
    public double[] lastProbabilities() {
        return probabilities.clone();
    }

    @Override
    public void update(Context context, int arm, double reward) {
        oracle.update(context.copyInput(arm, input), reward);
    }
}
