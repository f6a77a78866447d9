package dev.quiver.data.sampling;

import dev.quiver.data.dataset.EpisodeDataset;

/** Small datasets with chosen lengths, returns and initial observations. */
final class SamplingData {
    private SamplingData() {
    }

    /**
     * Continuous-action episodes: episode {@code i} has {@code lengths[i]} steps, reward
     * {@code returns[i] / lengths[i]} per step, first observation {@code s0[i]} and later observations
     * {@code s0[i] + t}.
     */
    static EpisodeDataset episodes(int[] lengths, double[] returns, float[][] s0) {
        int dim = s0[0].length;
        EpisodeDataset.Builder b = EpisodeDataset.continuousBuilder(dim, 1);
        for (int i = 0; i < lengths.length; i++) {
            int t = lengths[i];
            float[] obs = new float[(t + 1) * dim];
            for (int k = 0; k <= t; k++) {
                for (int d = 0; d < dim; d++) {
                    obs[k * dim + d] = s0[i][d] + k;
                }
            }
            float[] act = new float[t];
            double[] r = new double[t];
            for (int k = 0; k < t; k++) {
                act[k] = i + 0.01f * k;
                r[k] = k == 0 ? returns[i] : 0.0; // the whole return on the first step: G is exact
            }
            boolean[] term = new boolean[t];
            boolean[] trunc = new boolean[t];
            term[t - 1] = i % 2 == 0;
            trunc[t - 1] = i % 2 == 1;
            b.addEpisode(obs, act, r, term, trunc);
        }
        return b.build();
    }

    /** One-dimensional initial observations. */
    static float[][] column(double... v) {
        float[][] out = new float[v.length][1];
        for (int i = 0; i < v.length; i++) {
            out[i][0] = (float) v[i];
        }
        return out;
    }
}
