package dev.quiver.data.corrupt;

import dev.quiver.core.seed.Seeds;
import dev.quiver.data.dataset.EpisodeDataset;
import org.apache.commons.rng.UniformRandomProvider;

/** Seeded random datasets for the corruption tests. */
final class CorruptionData {
    private CorruptionData() {
    }

    /**
     * {@code episodes} continuous-action episodes of 1..{@code maxLen} steps; observation dimension d has
     * scale {@code d + 1} (so the per-dimension standard deviations differ), rewards in [-5, 5].
     */
    static EpisodeDataset continuous(long seed, int episodes, int obsDim, int actDim, int maxLen) {
        UniformRandomProvider rng = Seeds.rng(seed);
        EpisodeDataset.Builder b = EpisodeDataset.continuousBuilder(obsDim, actDim);
        for (int e = 0; e < episodes; e++) {
            int t = 1 + rng.nextInt(maxLen);
            float[] obs = new float[(t + 1) * obsDim];
            for (int i = 0; i < obs.length; i++) {
                obs[i] = (float) ((rng.nextDouble() * 2 - 1) * (i % obsDim + 1));
            }
            float[] act = new float[t * actDim];
            for (int i = 0; i < act.length; i++) {
                act[i] = (float) (rng.nextDouble() * 2 - 1) * (i % actDim == 0 ? 1f : 0.25f);
            }
            double[] r = new double[t];
            for (int i = 0; i < t; i++) {
                r[i] = rng.nextDouble() * 10 - 5;
            }
            boolean[] term = new boolean[t];
            boolean[] trunc = new boolean[t];
            term[t - 1] = e % 3 == 0;
            trunc[t - 1] = e % 3 == 1;
            b.addEpisode(obs, act, r, term, trunc);
        }
        return b.build();
    }

    /** Flat transition columns of {@code data}, read through its public accessors. */
    record Flat(float[] obs, float[] next, float[] act, int[] dact, double[] rew, boolean[] term, boolean[] trunc) {
        static Flat of(EpisodeDataset data) {
            int n = data.numSteps();
            int od = data.obsDim();
            int ad = data.actDim();
            Flat f = new Flat(new float[n * od], new float[n * od], data.discrete() ? null : new float[n * ad],
                    data.discrete() ? new int[n] : null, new double[n], new boolean[n], new boolean[n]);
            float[] o = new float[od];
            float[] a = new float[Math.max(ad, 1)];
            for (int e = 0; e < data.numEpisodes(); e++) {
                for (int t = 0; t < data.episodeLength(e); t++) {
                    int s = data.episodeStart(e) + t;
                    data.observation(e, t, o);
                    System.arraycopy(o, 0, f.obs, s * od, od);
                    data.nextObservation(e, t, o);
                    System.arraycopy(o, 0, f.next, s * od, od);
                    if (data.discrete()) {
                        f.dact[s] = data.discreteAction(e, t);
                    } else {
                        data.action(e, t, a);
                        System.arraycopy(a, 0, f.act, s * ad, ad);
                    }
                    f.rew[s] = data.reward(e, t);
                    f.term[s] = data.terminated(e, t);
                    f.trunc[s] = data.truncated(e, t);
                }
            }
            return f;
        }
    }
}
