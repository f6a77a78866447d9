package dev.quiver.bandits.neural;

import dev.quiver.bandits.algo.AlgorithmConfig;
import dev.quiver.bandits.algo.BanditAlgorithm;
import dev.quiver.bandits.algo.GammaSchedule;
import dev.quiver.bandits.env.BanditSpec;
import dev.quiver.core.seed.Seeds;
import java.util.Objects;

/**
 * Configuration of {@link NeuSquareCb}.
 *
 * @param oracle the online neural regressor (default {@link NeuralOracleConfig#defaults()})
 * @param gamma the inverse-gap-weighting schedule (default {@code 10 sqrt(t)}, as SquareCB's)
 * @see <a href="https://arxiv.org/abs/2312.07145">Deb, Ban, Zuo, He, Banerjee (2023), arXiv:2312.07145</a>
 */
public record NeuSquareCbConfig(NeuralOracleConfig oracle, GammaSchedule gamma) implements AlgorithmConfig {

    /** Validates the fields. */
    public NeuSquareCbConfig {
        Objects.requireNonNull(oracle, "oracle");
        Objects.requireNonNull(gamma, "gamma");
    }

    /** The default oracle and {@code gamma_t = 10 sqrt(t)}. */
    public static NeuSquareCbConfig defaults() {
        return new NeuSquareCbConfig(NeuralOracleConfig.defaults(), GammaSchedule.defaults());
    }

    /** A copy with another oracle. */
    public NeuSquareCbConfig withOracle(NeuralOracleConfig oracle) {
        return new NeuSquareCbConfig(oracle, gamma);
    }

    /** A copy with another schedule. */
    public NeuSquareCbConfig withGamma(GammaSchedule gamma) {
        return new NeuSquareCbConfig(oracle, gamma);
    }

    @Override
    public String name() {
        return "neusquarecb";
    }

    @Override
    public BanditAlgorithm build(BanditSpec spec, Seeds seeds) {
        return new NeuSquareCb(this, spec, seeds);
    }
}
