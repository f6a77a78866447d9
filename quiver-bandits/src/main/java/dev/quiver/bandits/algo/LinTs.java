package dev.quiver.bandits.algo;

import dev.quiver.bandits.env.BanditSpec;
import dev.quiver.bandits.env.Context;
import dev.quiver.bandits.regress.Matrices;
import dev.quiver.bandits.regress.OnlineRidge;
import dev.quiver.core.linalg.Cholesky;
import dev.quiver.core.linalg.JitterLadder;
import dev.quiver.core.seed.Seeds;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Linear Thompson sampling (Agrawal and Goyal 2013, Algorithm 1): one parameter shared by all arms,
 * {@code B = lambda I + sum x x'}, {@code mu^ = B^-1 sum r x}; each round draw
 * {@code mu~ ~ N(mu^, v^2 B^-1)} (through the Cholesky factor of {@code B^-1}, with
 * {@link JitterLadder#roundingRepair() jitter} if rounding in the Sherman-Morrison updates made it slightly
 * indefinite) and pull the arm maximising {@code x_a' mu~} (first on ties). Inputs are the arms' features
 * (one-hot arm vectors for bandits without features). Draws come from {@code seeds.child("posterior")}.
 *
 * @see <a href="https://arxiv.org/abs/1209.3352">Agrawal, Goyal (2013), Thompson Sampling for Contextual
 *     Bandits with Linear Payoffs, arXiv:1209.3352</a>
 */
public final class LinTs implements BanditAlgorithm {
    private final LinTsConfig config;
    private final OnlineRidge model;
    private final int p;
    private final double[] input;
    private final double[] scores;
    private final double[] z;
    private final double[] lz;
    private final double[] sample;
    private final ZigguratSampler.NormalizedGaussian gaussian;

    LinTs(LinTsConfig config, BanditSpec spec, Seeds seeds) {
        this.config = config;
        this.p = spec.inputDim();
        this.model = new OnlineRidge(p, config.lambda(), false);
        this.input = new double[p];
        this.scores = new double[spec.arms()];
        this.z = new double[p];
        this.lz = new double[p];
        this.sample = new double[p];
        this.gaussian = ZigguratSampler.NormalizedGaussian.of(seeds.child("posterior").rng());
    }

    @Override
    public int select(Context context) {
        double[] mean = model.theta();
        Cholesky factor = Cholesky.factor(model.inverse(), p, JitterLadder.roundingRepair());
        for (int i = 0; i < p; i++) {
            z[i] = gaussian.sample();
        }
        factor.lowerTimes(z, lz);
        for (int i = 0; i < p; i++) {
            sample[i] = mean[i] + config.v() * lz[i];
        }
        for (int a = 0; a < scores.length; a++) {
            scores[a] = Matrices.dot(context.copyInput(a, input), sample);
        }
        return Arrays2.argmax(scores);
    }

    @Override
    public void update(Context context, int arm, double reward) {
        model.update(context.copyInput(arm, input), reward);
    }
}
