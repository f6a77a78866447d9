package dev.quiver.bandits.algo;

import dev.quiver.bandits.env.BanditSpec;
import dev.quiver.bandits.env.Context;
import dev.quiver.bandits.regress.OnlineRidge;

/**
 * LinUCB with disjoint linear models (Li et al. 2010, Algorithm 1): each arm {@code a} keeps
 * {@code A_a = lambda I + sum x x'} and {@code b_a = sum r x} over its own pulls, and the arm maximising
 * {@code theta_a' x_a + alpha sqrt(x_a' A_a^-1 x_a)} with {@code theta_a = A_a^-1 b_a} is pulled (first on
 * ties). Inputs are the arms' features (one-hot arm vectors for bandits without features). Deterministic.
 *
 * @see <a href="https://arxiv.org/abs/1003.0146">Li, Chu, Langford, Schapire (2010), A Contextual-Bandit
 *     Approach to Personalized News Article Recommendation, arXiv:1003.0146</a>
 */
public final class LinUcb implements BanditAlgorithm {
    private final LinUcbConfig config;
    private final OnlineRidge[] models;
    private final double[] input;
    private final double[] scores;

    LinUcb(LinUcbConfig config, BanditSpec spec) {
        this.config = config;
        this.models = new OnlineRidge[spec.arms()];
        for (int a = 0; a < models.length; a++) {
            models[a] = new OnlineRidge(spec.inputDim(), config.lambda(), false);
        }
        this.input = new double[spec.inputDim()];
        this.scores = new double[spec.arms()];
    }

    @Override
    public int select(Context context) {
        for (int a = 0; a < scores.length; a++) {
            scores[a] = score(context, a);
        }
        return Arrays2.argmax(scores);
    }

    /** The upper confidence bound of {@code arm} in {@code context}. */
    public double score(Context context, int arm) {
        context.copyInput(arm, input);
        OnlineRidge m = models[arm];
        return m.predict(input) + config.alpha() * Math.sqrt(m.width(input));
    }

    @Override
    public void update(Context context, int arm, double reward) {
        models[arm].update(context.copyInput(arm, input), reward);
    }
}
