package dev.quiver.ope.sequential;

import dev.quiver.data.dataset.EpisodeDataset;

/**
 * An estimate {@code Q(s, .)} of the evaluation policy's action values, one per discrete action: what the
 * doubly robust estimators use as their control variate and what fitted Q evaluation learns.
 *
 * <p>The step index lets a finite-horizon model give time-dependent values ({@code Q_t}, e.g. the exact values
 * of a tabular model under a time limit); stationary models ignore it.
 */
public interface ActionValueFunction {

    /** The number of actions. */
    int numActions();

    /**
     * Writes {@code Q(s, a)} for every action into {@code out}.
     *
     * @param observation the observation {@code s}
     * @param step the index of the observation within its episode (0 for the first)
     * @param out receives {@link #numActions()} values
     */
    void values(float[] observation, int step, double[] out);

    /**
     * {@code Q(s_t, .)} at every logged step of {@code data}, {@code numSteps * numActions} values in the
     * dataset's global step order. The default asks {@link #values} step by step; batched models override it.
     */
    default double[] stepValues(EpisodeDataset data) {
        int n = numActions();
        double[] out = new double[data.numSteps() * n];
        float[] obs = new float[data.obsDim()];
        double[] row = new double[n];
        for (int i = 0; i < data.numEpisodes(); i++) {
            int start = data.episodeStart(i);
            for (int t = 0; t < data.episodeLength(i); t++) {
                data.observation(i, t, obs);
                values(obs, t, row);
                System.arraycopy(row, 0, out, (start + t) * n, n);
            }
        }
        return out;
    }
}
