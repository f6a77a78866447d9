package dev.quiver.data.sampling;

import dev.quiver.core.error.QuiverUserException;
import dev.quiver.data.dataset.EpisodeDataset;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Which transitions an offline learner sees: the one option that switches a learner's sampling.
 *
 * <ul>
 *   <li>{@link #UNIFORM}: every transition with probability {@code 1/N}, as
 *       {@link dev.quiver.data.dataset.TransitionSampler} draws them.</li>
 *   <li>{@link #RETURN_WEIGHTED} (RW): transition {@code t} of trajectory {@code i} with probability
 *       proportional to {@code exp(Ĝ_i / α)}, {@code Ĝ_i} the trajectory's undiscounted return min-max
 *       normalised to [0, 1] over the dataset's trajectories.</li>
 *   <li>{@link #ADVANTAGE_WEIGHTED} (AW): the same with the return replaced by the advantage
 *       {@code G_i - V̂(s_0^i)}, {@code V̂} the least-squares linear regression (with intercept) of the returns
 *       on the trajectories' initial observations, min-max normalised.</li>
 * </ul>
 * Details and edge cases: {@link TrajectoryWeights}.
 *
 * @see <a href="https://arxiv.org/abs/2306.13085">Z.-W. Hong, P. Agrawal, R. Tachet des Combes, R. Laroche,
 *     Harnessing Mixed Offline Reinforcement Learning Datasets via Trajectory Weighting, ICLR 2023,
 *     arXiv:2306.13085</a>
 */
public enum SamplingScheme {
    /** Uniform over transitions. */
    UNIFORM("uniform"),
    /** Return-weighted trajectories (RW). */
    RETURN_WEIGHTED("rw"),
    /** Advantage-weighted trajectories (AW). */
    ADVANTAGE_WEIGHTED("aw");

    private final String shortName;

    SamplingScheme(String shortName) {
        this.shortName = shortName;
    }

    /** The short name: {@code uniform}, {@code rw} or {@code aw}. */
    public String shortName() {
        return shortName;
    }

    /**
     * The scheme named {@code name}, case-insensitively: {@code uniform}; {@code rw}, {@code return-weighted}
     * or {@code return_weighted}; {@code aw}, {@code advantage-weighted} or {@code advantage_weighted}.
     *
     * @throws QuiverUserException for any other name
     */
    public static SamplingScheme parse(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return switch (n) {
            case "uniform" -> UNIFORM;
            case "rw", "return-weighted" -> RETURN_WEIGHTED;
            case "aw", "advantage-weighted" -> ADVANTAGE_WEIGHTED;
            default -> throw new QuiverUserException("sampling scheme '" + name + "' is not known; allowed: uniform, "
                    + "rw (return-weighted), aw (advantage-weighted)");
        };
    }

    /** A sampler of this scheme with the paper's temperature {@code α = 0.1}. */
    public BatchSampler newSampler(EpisodeDataset data, UniformRandomProvider rng) {
        return SamplingConfig.of(this).newSampler(data, rng);
    }
}
