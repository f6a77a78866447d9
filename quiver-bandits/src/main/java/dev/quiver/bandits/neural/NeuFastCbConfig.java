package dev.quiver.bandits.neural;

import dev.quiver.bandits.algo.AlgorithmConfig;
import dev.quiver.bandits.algo.BanditAlgorithm;
import dev.quiver.bandits.algo.GammaSchedule;
import dev.quiver.bandits.env.BanditSpec;
import dev.quiver.core.seed.Seeds;
import java.util.Objects;

/**
 * Configuration of {@link NeuFastCb}.
 *
 * @param oracle the online neural regressor (default {@link NeuralOracleConfig#defaults()} with step 0.5)
 * @param gamma the inverse-gap-weighting schedule (default {@code 10 sqrt(t)}, as FastCB's)
 * @see <a href="https://arxiv.org/abs/2312.07145">Deb, Ban, Zuo, He, Banerjee (2023), arXiv:2312.07145</a>
 */
public record NeuFastCbConfig(NeuralOracleConfig oracle, GammaSchedule gamma) implements AlgorithmConfig {

    /** Validates the fields. */
    public NeuFastCbConfig {
        Objects.requireNonNull(oracle, "oracle");
        Objects.requireNonNull(gamma, "gamma");
    }

    /** The default oracle with step 0.5 and {@code gamma_t = 10 sqrt(t)}. */
    public static NeuFastCbConfig defaults() {
        return new NeuFastCbConfig(NeuralOracleConfig.defaults().withLearningRate(0.5), GammaSchedule.defaults());
    }

    /** A copy with another oracle. */
    public NeuFastCbConfig withOracle(NeuralOracleConfig oracle) {
        return new NeuFastCbConfig(oracle, gamma);
    }

    /** A copy with another schedule. */
    public NeuFastCbConfig withGamma(GammaSchedule gamma) {
        return new NeuFastCbConfig(oracle, gamma);
    }

    @Override
    public String name() {
        return "neufastcb";
    }

    @Override
    public BanditAlgorithm build(BanditSpec spec, Seeds seeds) {
        return new NeuFastCb(this, spec, seeds);
    }
}
