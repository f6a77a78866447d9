package dev.quiver.rl.actorcritic;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Temporally correlated action noise from a discretised Ornstein-Uhlenbeck process around 0, per element:
 * {@code x ← x − θ x dt + σ √dt N(0, 1)}, reset to 0 at the start of each episode; the noise added is the
 * new {@code x}. Stable-Baselines3's {@code OrnsteinUhlenbeckActionNoise} with its defaults {@code θ = 0.15},
 * {@code dt = 0.01}; DDPG used it for exploration in physical control with inertia (and RL Zoo uses it for
 * MountainCarContinuous).
 *
 * @see <a href="https://arxiv.org/abs/1509.02971">Lillicrap, T. et al. (2016). Continuous control with deep
 *     reinforcement learning. ICLR. arXiv:1509.02971</a>
 * @see <a href="https://doi.org/10.1103/PhysRev.36.823">Uhlenbeck, G. E. and Ornstein, L. S. (1930). On the
 *     Theory of the Brownian Motion. Phys. Rev. 36:823</a>
 */
public final class OrnsteinUhlenbeckNoise implements ExplorationNoise {
    /** The mean-reversion rate θ. */
    public static final double THETA = 0.15;
    /** The time step dt. */
    public static final double DT = 1e-2;

    private final double sigma;
    private final double[] x;
    private final ZigguratSampler.NormalizedGaussian normal;

    /** Noise for actions of {@code size} elements with scale {@code sigma}, drawn from {@code rng}. */
    public OrnsteinUhlenbeckNoise(double sigma, int size, UniformRandomProvider rng) {
        if (!(sigma >= 0 && Double.isFinite(sigma)) || size < 1) {
            throw new IllegalArgumentException("need sigma >= 0 and size >= 1, got " + sigma + ", " + size);
        }
        this.sigma = sigma;
        this.x = new double[size];
        this.normal = ZigguratSampler.NormalizedGaussian.of(rng);
    }

    @Override
    public void addTo(float[] action) {
        double sqrtDt = Math.sqrt(DT);
        for (int i = 0; i < x.length; i++) {
            x[i] = x[i] - THETA * x[i] * DT + sigma * sqrtDt * normal.sample();
            action[i] += (float) x[i];
        }
    }

    @Override
    public void reset() {
        java.util.Arrays.fill(x, 0);
    }

    /** The current {@code x}, one value per action element. */
    @Override
    public double[] state() {
        return x.clone();
    }

    @Override
    public void restoreState(double[] state) {
        if (state.length != x.length) {
            throw new IllegalArgumentException("expected " + x.length + " values, got " + state.length);
        }
        System.arraycopy(state, 0, x, 0, x.length);
    }
}
