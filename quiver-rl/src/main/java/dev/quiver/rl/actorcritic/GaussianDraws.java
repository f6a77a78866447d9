package dev.quiver.rl.actorcritic;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Standard normal draws from a seeded Commons RNG stream into a reused array (the reparameterisation
 * noise of SAC, the target-policy smoothing noise of TD3), so that a run is reproducible independently of
 * the engine's own generator.
 */
public final class GaussianDraws {
    private final ZigguratSampler.NormalizedGaussian normal;
    private float[] buffer = new float[0];

    /** Draws from {@code rng}. */
    public GaussianDraws(UniformRandomProvider rng) {
        this.normal = ZigguratSampler.NormalizedGaussian.of(rng);
    }

    /**
     * The next {@code n} draws, in an array of exactly {@code n} elements owned by this object and
     * overwritten by the next call.
     */
    public float[] next(int n) {
        if (buffer.length != n) {
            buffer = new float[n];
        }
        for (int i = 0; i < n; i++) {
            buffer[i] = (float) normal.sample();
        }
        return buffer;
    }
}
