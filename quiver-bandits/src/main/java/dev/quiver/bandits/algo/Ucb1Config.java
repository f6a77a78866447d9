package dev.quiver.bandits.algo;

import dev.quiver.bandits.env.BanditSpec;
import dev.quiver.core.seed.Seeds;

/**
 * Configuration of {@link Ucb1}.
 *
 * @param c the exploration constant in {@code mean + sqrt(c ln t / n)} (default 2, Auer et al.'s UCB1)
 * @see <a href="https://doi.org/10.1023/A:1013689704352">Auer, Cesa-Bianchi, Fischer (2002), Machine
 *     Learning 47</a>
 */
public record Ucb1Config(double c) implements AlgorithmConfig {

    /** Validates the field. */
    public Ucb1Config {
        if (!(c >= 0) || !Double.isFinite(c)) {
            throw new IllegalArgumentException("c must be finite and at least 0, got " + c);
        }
    }

    /** {@code c = 2}. */
    public static Ucb1Config defaults() {
        return new Ucb1Config(2);
    }

    /** A copy with exploration constant {@code c}. */
    public Ucb1Config withC(double c) {
        return new Ucb1Config(c);
    }

    @Override
    public String name() {
        return "ucb1";
    }

    @Override
    public BanditAlgorithm build(BanditSpec spec, Seeds seeds) {
        return new Ucb1(this, spec);
    }
}
