package dev.quiver.bandits.algo;

import dev.quiver.bandits.env.BanditSpec;
import dev.quiver.core.seed.Seeds;

/**
 * Configuration of {@link EpsilonGreedy}: a constant exploration rate, or Auer et al.'s decaying
 * {@code epsilon_t = min(1, decay K / t)} when {@code decay > 0}.
 *
 * @param epsilon the constant exploration probability in [0, 1] (default 0.1; used when {@code decay == 0})
 * @param decay Auer et al.'s {@code c / d^2} (default 0: constant rate)
 * @see <a href="https://doi.org/10.1023/A:1013689704352">Auer, Cesa-Bianchi, Fischer (2002), Finite-time
 *     Analysis of the Multiarmed Bandit Problem, Machine Learning 47 (epsilon_n-greedy)</a>
 */
public record EpsilonGreedyConfig(double epsilon, double decay) implements AlgorithmConfig {

    /** Validates the fields. */
    public EpsilonGreedyConfig {
        if (!(epsilon >= 0 && epsilon <= 1)) {
            throw new IllegalArgumentException("epsilon must be in [0, 1], got " + epsilon);
        }
        if (!(decay >= 0) || !Double.isFinite(decay)) {
            throw new IllegalArgumentException("decay must be finite and at least 0, got " + decay);
        }
    }

    /** Constant {@code epsilon = 0.1}. */
    public static EpsilonGreedyConfig defaults() {
        return new EpsilonGreedyConfig(0.1, 0);
    }

    /** A copy with constant rate {@code epsilon}. */
    public EpsilonGreedyConfig withEpsilon(double epsilon) {
        return new EpsilonGreedyConfig(epsilon, decay);
    }

    /** A copy with Auer et al.'s decaying rate {@code min(1, decay K / t)} ({@code 0} for constant). */
    public EpsilonGreedyConfig withDecay(double decay) {
        return new EpsilonGreedyConfig(epsilon, decay);
    }

    /** The exploration probability in round {@code t >= 1} with {@code arms} arms. */
    public double rate(long t, int arms) {
        return decay > 0 ? Math.min(1.0, decay * arms / t) : epsilon;
    }

    @Override
    public String name() {
        return "epsgreedy";
    }

    @Override
    public BanditAlgorithm build(BanditSpec spec, Seeds seeds) {
        return new EpsilonGreedy(this, spec, seeds);
    }
}
