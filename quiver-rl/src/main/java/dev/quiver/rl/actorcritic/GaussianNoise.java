package dev.quiver.rl.actorcritic;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Independent Gaussian action noise {@code N(0, σ²)} per element and step (TD3's exploration noise;
 * Stable-Baselines3's {@code NormalActionNoise}).
 *
 * @see <a href="https://arxiv.org/abs/1802.09477">Fujimoto, S., van Hoof, H. and Meger, D. (2018).
 *     Addressing Function Approximation Error in Actor-Critic Methods. ICML. arXiv:1802.09477</a>
 */
public final class GaussianNoise implements ExplorationNoise {
    private final double sigma;
    private final ZigguratSampler.NormalizedGaussian normal;

    /** Noise with standard deviation {@code sigma} drawn from {@code rng}. */
    public GaussianNoise(double sigma, UniformRandomProvider rng) {
        if (!(sigma >= 0 && Double.isFinite(sigma))) {
            throw new IllegalArgumentException("sigma must be >= 0, got " + sigma);
        }
        this.sigma = sigma;
        this.normal = ZigguratSampler.NormalizedGaussian.of(rng);
    }

    @Override
    public void addTo(float[] action) {
        for (int i = 0; i < action.length; i++) {
            action[i] += (float) (sigma * normal.sample());
        }
    }

    @Override
    public void reset() {
        // memoryless
    }

    @Override
    public double[] state() {
        return new double[0];
    }

    @Override
    public void restoreState(double[] state) {
        if (state.length != 0) {
            throw new IllegalArgumentException("Gaussian noise has no state, got " + state.length + " values");
        }
    }
}
