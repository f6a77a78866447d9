package dev.quiver.data.dataset;

import dev.quiver.core.seed.Seeds;
import org.apache.commons.rng.UniformRandomProvider;

/** Seeded random episodes for property-style tests. */
final class TestData {
    private TestData() {
    }

    /** Raw columns of one generated episode. */
    record Raw(float[] obs, int[] dActs, float[] cActs, double[] rewards, boolean[] term, boolean[] trunc) {
        int length() {
            return rewards.length;
        }
    }

    static Raw episode(UniformRandomProvider rng, int obsDim, int actDim, int numActions, int maxLen) {
        int t = 1 + rng.nextInt(maxLen);
        float[] obs = new float[(t + 1) * obsDim];
        for (int i = 0; i < obs.length; i++) {
            obs[i] = (float) (rng.nextDouble() * 4 - 2);
        }
        int[] d = null;
        float[] c = null;
        if (actDim == 0) {
            d = new int[t];
            for (int i = 0; i < t; i++) {
                d[i] = rng.nextInt(numActions);
            }
        } else {
            c = new float[t * actDim];
            for (int i = 0; i < c.length; i++) {
                c[i] = (float) (rng.nextDouble() * 2 - 1);
            }
        }
        double[] r = new double[t];
        for (int i = 0; i < t; i++) {
            r[i] = rng.nextDouble() * 10 - 5;
        }
        boolean[] term = new boolean[t];
        boolean[] trunc = new boolean[t];
        int kind = rng.nextInt(3); // 0 terminated, 1 truncated, 2 cut (neither)
        term[t - 1] = kind == 0;
        trunc[t - 1] = kind == 1;
        return new Raw(obs, d, c, r, term, trunc);
    }

    static Raw[] episodes(long seed, int n, int obsDim, int actDim, int numActions, int maxLen) {
        UniformRandomProvider rng = Seeds.rng(seed);
        Raw[] out = new Raw[n];
        for (int i = 0; i < n; i++) {
            out[i] = episode(rng, obsDim, actDim, numActions, maxLen);
        }
        return out;
    }

    static EpisodeDataset build(Raw[] eps, int obsDim, int actDim, int numActions) {
        EpisodeDataset.Builder b = actDim == 0 ? EpisodeDataset.discreteBuilder(obsDim, numActions)
                : EpisodeDataset.continuousBuilder(obsDim, actDim);
        for (Raw e : eps) {
            if (actDim == 0) {
                b.addEpisode(e.obs(), e.dActs(), e.rewards(), e.term(), e.trunc());
            } else {
                b.addEpisode(e.obs(), e.cActs(), e.rewards(), e.term(), e.trunc());
            }
        }
        return b.build();
    }

    /** A one-dimensional discrete dataset whose observation t of episode i is 1000 * i + t. */
    static EpisodeDataset labelled(int... lengths) {
        EpisodeDataset.Builder b = EpisodeDataset.discreteBuilder(1, 2);
        for (int i = 0; i < lengths.length; i++) {
            b.startEpisode(new float[] {1000f * i});
            for (int t = 0; t < lengths[i]; t++) {
                b.addStep(t % 2, 1.0, new float[] {1000f * i + t + 1}, t == lengths[i] - 1, false);
            }
        }
        return b.build();
    }
}
