package dev.quiver.bandits.env;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * How an observed reward scatters around its expected value: additive Gaussian noise with a standard
 * deviation, or a Bernoulli draw with the expected value (clipped to [0, 1]) as success probability.
 *
 * @param kind Gaussian or Bernoulli
 * @param sd the Gaussian standard deviation (at least 0; ignored for Bernoulli)
 */
public record RewardNoise(Kind kind, double sd) {

    /** The noise families. */
    public enum Kind {
        /** {@code r = mean + N(0, sd^2)}. */
        GAUSSIAN,
        /** {@code r ~ Bernoulli(clip(mean, 0, 1))}. */
        BERNOULLI
    }

    /** Validates the fields. */
    public RewardNoise {
        java.util.Objects.requireNonNull(kind, "kind");
        if (!(sd >= 0) || !Double.isFinite(sd)) {
            throw new IllegalArgumentException("noise sd must be finite and at least 0, got " + sd);
        }
    }

    /** Gaussian noise with standard deviation {@code sd}. */
    public static RewardNoise gaussian(double sd) {
        return new RewardNoise(Kind.GAUSSIAN, sd);
    }

    /** Bernoulli rewards. */
    public static RewardNoise bernoulli() {
        return new RewardNoise(Kind.BERNOULLI, 0);
    }

    /**
     * Draws a reward around {@code mean}; uses exactly one draw of {@code gaussian} (Gaussian) or one
     * {@code nextDouble} of {@code rng} (Bernoulli), so the streams stay aligned across algorithms.
     */
    public double sample(double mean, UniformRandomProvider rng, ZigguratSampler.NormalizedGaussian gaussian) {
        if (kind == Kind.BERNOULLI) {
            double p = Math.min(1.0, Math.max(0.0, mean));
            return rng.nextDouble() < p ? 1.0 : 0.0;
        }
        return mean + sd * gaussian.sample();
    }

    /** {@code "gaussian noise sd 0.1"} or {@code "bernoulli rewards"}. */
    public String describe() {
        return kind == Kind.BERNOULLI ? "bernoulli rewards" : "gaussian noise sd " + sd;
    }
}
