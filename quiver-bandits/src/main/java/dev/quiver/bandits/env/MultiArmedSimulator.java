package dev.quiver.bandits.env;

import dev.quiver.core.seed.Seeds;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * A stochastic multi-armed bandit: arm {@code a} pays {@code means[a]} in expectation, as a Bernoulli
 * draw or with additive Gaussian noise. Contexts carry no features. Rewards come from the stream
 * {@code seeds.child("rewards")}, one draw per pull.
 */
public final class MultiArmedSimulator implements BanditEnvironment {
    private final double[] means;
    private final RewardNoise noise;
    private final BanditSpec spec;
    private final Context context;
    private final UniformRandomProvider rng;
    private final ZigguratSampler.NormalizedGaussian gaussian;

    /**
     * A bandit with the given expected rewards (copied).
     *
     * @throws IllegalArgumentException if there are fewer than 2 arms, a mean is not finite, or Bernoulli
     *     means lie outside [0, 1]
     */
    public MultiArmedSimulator(double[] means, RewardNoise noise, Seeds seeds) {
        this.noise = Objects.requireNonNull(noise, "noise");
        this.means = means.clone();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < means.length; a++) {
            if (!Double.isFinite(means[a])) {
                throw new IllegalArgumentException("mean of arm " + a + " is not finite: " + means[a]);
            }
            if (noise.kind() == RewardNoise.Kind.BERNOULLI && (means[a] < 0 || means[a] > 1)) {
                throw new IllegalArgumentException("Bernoulli mean of arm " + a + " must be in [0, 1], got " + means[a]);
            }
            lo = Math.min(lo, means[a]);
            hi = Math.max(hi, means[a]);
        }
        // the range of the means for algorithms that rescale rewards: [0, 1] unless the means leave it
        this.spec = new BanditSpec(means.length, 0, Math.min(0, lo), Math.max(1, hi));
        this.context = Context.empty(means.length);
        this.rng = seeds.child("rewards").rng();
        this.gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
    }

    /** Bernoulli arms with success probabilities {@code means}. */
    public static MultiArmedSimulator bernoulli(double[] means, Seeds seeds) {
        return new MultiArmedSimulator(means, RewardNoise.bernoulli(), seeds);
    }

    /** Gaussian arms {@code N(means[a], sd^2)}. */
    public static MultiArmedSimulator gaussian(double[] means, double sd, Seeds seeds) {
        return new MultiArmedSimulator(means, RewardNoise.gaussian(sd), seeds);
    }

    /** A copy of the expected rewards. */
    public double[] means() {
        return means.clone();
    }

    @Override
    public BanditSpec spec() {
        return spec;
    }

    @Override
    public Context next() {
        return context;
    }

    @Override
    public double mean(Context context, int arm) {
        return means[arm];
    }

    @Override
    public double pull(Context context, int arm) {
        return noise.sample(means[arm], rng, gaussian);
    }

    @Override
    public String describe() {
        StringBuilder m = new StringBuilder();
        for (int a = 0; a < means.length; a++) {
            m.append(a == 0 ? "" : ", ").append(String.format(java.util.Locale.ROOT, "%.3f", means[a]));
        }
        return "multi-armed, K=" + means.length + ", means [" + m + "], " + noise.describe();
    }
}
