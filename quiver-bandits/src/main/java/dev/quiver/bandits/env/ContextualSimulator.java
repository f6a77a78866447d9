package dev.quiver.bandits.env;

import dev.quiver.core.seed.Seeds;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * A contextual K-armed bandit: each round every arm gets a feature vector drawn uniformly from the unit
 * sphere in {@code R^d} (independently across arms and rounds, as in Zhou et al. 2020's synthetic
 * experiments), its expected reward is {@code h(x_{t,a})} and a pull returns it plus noise.
 *
 * <p>Contexts come from the stream {@code seeds.child("contexts")}, rewards from
 * {@code seeds.child("rewards")}; each pull uses exactly one draw, so two runs from the same seeds see the
 * same contexts and, round by round, the same noise draws whatever arms they pull.
 */
public final class ContextualSimulator implements BanditEnvironment {
    private final int arms;
    private final int dim;
    private final RewardFunction reward;
    private final RewardNoise noise;
    private final BanditSpec spec;
    private final ZigguratSampler.NormalizedGaussian contextGaussian;
    private final UniformRandomProvider rewardRng;
    private final ZigguratSampler.NormalizedGaussian rewardGaussian;

    /**
     * A simulator with {@code arms} arms of dimension {@code dim}.
     *
     * @param seeds the run's seed node; streams {@code "contexts"} and {@code "rewards"} are derived from it
     */
    public ContextualSimulator(int arms, int dim, RewardFunction reward, RewardNoise noise, Seeds seeds) {
        if (dim < 1) {
            throw new IllegalArgumentException("a contextual bandit needs dim >= 1, got " + dim);
        }
        this.arms = arms;
        this.dim = dim;
        this.reward = Objects.requireNonNull(reward, "reward");
        this.noise = Objects.requireNonNull(noise, "noise");
        this.spec = new BanditSpec(arms, dim, reward.low(), reward.high());
        this.contextGaussian = ZigguratSampler.NormalizedGaussian.of(seeds.child("contexts").rng());
        this.rewardRng = seeds.child("rewards").rng();
        this.rewardGaussian = ZigguratSampler.NormalizedGaussian.of(rewardRng);
    }

    @Override
    public BanditSpec spec() {
        return spec;
    }

    @Override
    public Context next() {
        double[][] x = new double[arms][];
        for (int a = 0; a < arms; a++) {
            x[a] = UnitVectors.sphere(dim, contextGaussian);
        }
        return Context.wrap(x);
    }

    @Override
    public double mean(Context context, int arm) {
        double[] x = new double[dim];
        for (int j = 0; j < dim; j++) {
            x[j] = context.feature(arm, j);
        }
        return reward.mean(x);
    }

    @Override
    public double pull(Context context, int arm) {
        return noise.sample(mean(context, arm), rewardRng, rewardGaussian);
    }

    /** The reward function. */
    public RewardFunction reward() {
        return reward;
    }

    @Override
    public String describe() {
        return reward.describe() + ", K=" + arms + ", d=" + dim + ", " + noise.describe();
    }
}
