package dev.quiver.data.sampling;

import dev.quiver.core.error.QuiverUserException;
import dev.quiver.data.dataset.EpisodeDataset;
import dev.quiver.data.dataset.TransitionSampler;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * How an offline learner samples its transitions: a {@link SamplingScheme} and, for the weighted schemes,
 * the softmax temperature {@code α}.
 *
 * @param scheme uniform, return-weighted or advantage-weighted (default {@link SamplingScheme#UNIFORM})
 * @param temperature {@code α > 0} of {@code exp(Ĝ / α)} (default 0.1, as Hong et al. use); ignored by
 *     {@link SamplingScheme#UNIFORM}
 * @see SamplingScheme
 */
public record SamplingConfig(SamplingScheme scheme, double temperature) {
    /** The temperature Hong et al. (2023) use for RW and AW. */
    public static final double DEFAULT_TEMPERATURE = 0.1;
    /** Uniform sampling. */
    public static final SamplingConfig DEFAULT = new SamplingConfig(SamplingScheme.UNIFORM, DEFAULT_TEMPERATURE);

    /**
     * Validates the values.
     *
     * @throws QuiverUserException if the scheme is null or the temperature is not a finite positive number
     */
    public SamplingConfig {
        if (scheme == null) {
            throw new QuiverUserException("sampling scheme is missing; allowed: uniform, rw, aw");
        }
        if (!(temperature > 0.0) || !Double.isFinite(temperature)) {
            throw new QuiverUserException("sampling temperature must be a finite number > 0, got " + temperature);
        }
    }

    /** {@code scheme} with the default temperature 0.1. */
    public static SamplingConfig of(SamplingScheme scheme) {
        return new SamplingConfig(scheme, DEFAULT_TEMPERATURE);
    }

    /** A copy with another scheme. */
    public SamplingConfig withScheme(SamplingScheme s) {
        return new SamplingConfig(s, temperature);
    }

    /** A copy with another temperature. */
    public SamplingConfig withTemperature(double t) {
        return new SamplingConfig(scheme, t);
    }

    /** A sampler over {@code data}, each episode its own trajectory. */
    public BatchSampler newSampler(EpisodeDataset data, UniformRandomProvider rng) {
        return newSampler(data, null, rng);
    }

    /**
     * A sampler over {@code data} whose trajectories are groups of consecutive episodes (see
     * {@link TrajectoryWeights#of(EpisodeDataset, int[], SamplingScheme, double)}); {@code null} makes each
     * episode a trajectory. Uniform sampling ignores the grouping and draws exactly as
     * {@link TransitionSampler} does with the same generator.
     */
    public BatchSampler newSampler(EpisodeDataset data, int[] trajectoryOfEpisode, UniformRandomProvider rng) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(rng, "rng");
        if (scheme == SamplingScheme.UNIFORM) {
            return new UniformBatchSampler(new TransitionSampler(data, rng));
        }
        return new WeightedTransitionSampler(TrajectoryWeights.of(data, trajectoryOfEpisode, scheme, temperature),
                rng);
    }
}
