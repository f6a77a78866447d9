package dev.quiver.rl.offline;

import dev.quiver.core.env.Env;
import dev.quiver.core.env.Step;
import dev.quiver.core.policy.Policy;
import dev.quiver.core.registry.Envs;
import dev.quiver.core.seed.Seeds;
import dev.quiver.data.dataset.EpisodeDataset;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/** Small datasets collected in the tests from the scripted controllers with noise (seeded, so always the same). */
final class TestDatasets {
    private TestDatasets() {
    }

    /**
     * CartPole-v1 episodes of the scripted controller acting uniformly at random with probability
     * {@code epsilon}; episode {@code i} reset with seed {@code 1000 + i}.
     */
    static EpisodeDataset cartPole(int episodes, double epsilon, long seed) {
        try (Env<float[], Integer> env = Envs.make("CartPole-v1")) {
            Policy<float[], Integer> expert = ScriptedPolicies.cartPole();
            UniformRandomProvider rng = Seeds.of(seed).child("behaviour").rng();
            EpisodeDataset.Builder b = EpisodeDataset.builder(env.spec());
            for (int i = 0; i < episodes; i++) {
                float[] obs = env.reset(1000 + i).observation();
                b.startEpisode(obs);
                while (true) {
                    int a = rng.nextDouble() < epsilon ? rng.nextInt(2) : expert.act(obs);
                    Step<float[]> s = env.step(a);
                    b.addStep(a, s.reward(), s.observation(), s.terminated(), s.truncated());
                    if (s.terminated() || s.truncated()) {
                        break;
                    }
                    obs = s.observation();
                }
            }
            return b.build();
        }
    }

    /**
     * Episodes of a continuous-action env played by {@code expert} plus Gaussian noise of standard deviation
     * {@code sigma} (relative to the half-width of the bounds), clipped to the bounds; episode {@code i} reset
     * with seed {@code 1000 + i}.
     */
    static EpisodeDataset continuous(String envId, Policy<float[], float[]> expert, int episodes, double sigma,
            long seed) {
        try (Env<float[], float[]> env = Envs.make(envId)) {
            var box = (dev.quiver.core.space.Box<?>) env.actionSpace();
            double[] lo = box.lows();
            double[] hi = box.highs();
            ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(
                    Seeds.of(seed).child("behaviour").rng());
            EpisodeDataset.Builder b = EpisodeDataset.builder(env.spec());
            for (int i = 0; i < episodes; i++) {
                float[] obs = env.reset(1000 + i).observation();
                b.startEpisode(obs);
                while (true) {
                    float[] a = expert.act(obs).clone();
                    for (int j = 0; j < a.length; j++) {
                        double half = (hi[j] - lo[j]) / 2;
                        a[j] = (float) Math.max(lo[j], Math.min(hi[j], a[j] + sigma * half * normal.sample()));
                    }
                    Step<float[]> s = env.step(a);
                    b.addStep(a, s.reward(), s.observation(), s.terminated(), s.truncated());
                    if (s.terminated() || s.truncated()) {
                        break;
                    }
                    obs = s.observation();
                }
            }
            return b.build();
        }
    }
}
