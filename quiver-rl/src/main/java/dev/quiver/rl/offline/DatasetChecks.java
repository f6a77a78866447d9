package dev.quiver.rl.offline;

import dev.quiver.core.env.EnvSpec;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.space.Box;
import dev.quiver.core.space.DType;
import dev.quiver.core.space.Discrete;
import dev.quiver.data.dataset.EpisodeDataset;
import java.util.Arrays;

/**
 * Checks that a dataset can train a policy for an env: the observation length, the kind of actions
 * (discrete or continuous), the number of discrete actions or the length of continuous ones, and that every
 * action lies in the env's action space. A mismatch is a {@link QuiverUserException} that names the
 * dataset, the env and what differs (for an out-of-range action: the episode, the step and the value).
 */
public final class DatasetChecks {
    /**
     * Continuous actions may lie this fraction of the bound's width outside the bounds (float rounding in
     * files written elsewhere); they are clipped to the bounds when training.
     */
    public static final double BOUND_TOLERANCE = 1e-3;

    private DatasetChecks() {
    }

    /**
     * Requires that {@code data} fits {@code spec}.
     *
     * @param algorithm the algorithm's name, for messages
     * @param dataset how to name the dataset in messages (e.g. its path)
     * @throws QuiverUserException on any mismatch
     */
    public static void requireCompatible(String algorithm, String dataset, EpisodeDataset data, EnvSpec spec) {
        String where = algorithm + ": dataset " + dataset + " (" + data.numEpisodes() + " episodes, " + data.numSteps()
                + " steps) does not fit env '" + spec.id() + "': ";
        if (!(spec.observationSpace() instanceof Box<?> obs) || obs.dtype() != DType.FLOAT32) {
            throw new QuiverUserException(where + "the env's observation space " + spec.observationSpace()
                    + " is not a float32 Box");
        }
        if (obs.size() != data.obsDim()) {
            throw new QuiverUserException(where + "its observations have " + data.obsDim() + " values, the env's "
                    + obs.size() + " (observation space " + obs + ")");
        }
        if (spec.actionSpace() instanceof Discrete d) {
            if (!data.discrete()) {
                throw new QuiverUserException(where + "it has continuous actions of " + data.actDim()
                        + " values, the env has discrete actions " + d);
            }
            if (d.start() != 0) {
                throw new QuiverUserException(where + "the env's actions start at " + d.start() + "; only Discrete"
                        + " spaces starting at 0 are supported");
            }
            for (int e = 0; e < data.numEpisodes(); e++) {
                for (int t = 0; t < data.episodeLength(e); t++) {
                    int a = data.discreteAction(e, t);
                    if (a < 0 || a >= d.n()) {
                        throw new QuiverUserException(where + "episode " + e + ", step " + t + " has action " + a
                                + ", outside the env's " + d);
                    }
                }
            }
        } else if (spec.actionSpace() instanceof Box<?> box && box.dtype() == DType.FLOAT32 && box.isBounded()) {
            if (data.discrete()) {
                throw new QuiverUserException(where + "it has discrete actions, the env has continuous actions " + box);
            }
            if (data.actDim() != box.size()) {
                throw new QuiverUserException(where + "its actions have " + data.actDim() + " values, the env's "
                        + box.size() + " (action space " + box + ")");
            }
            requireInBounds(where, data, box.lows(), box.highs());
        } else {
            throw new QuiverUserException(where + "the env's action space " + spec.actionSpace()
                    + " is neither Discrete nor a bounded float32 Box");
        }
    }

    private static void requireInBounds(String where, EpisodeDataset data, double[] low, double[] high) {
        float[] a = new float[data.actDim()];
        for (int e = 0; e < data.numEpisodes(); e++) {
            for (int t = 0; t < data.episodeLength(e); t++) {
                data.action(e, t, a);
                for (int j = 0; j < a.length; j++) {
                    double slack = BOUND_TOLERANCE * (high[j] - low[j]);
                    if (a[j] < low[j] - slack || a[j] > high[j] + slack) {
                        throw new QuiverUserException(where + "episode " + e + ", step " + t + " has action "
                                + Arrays.toString(a) + ", element " + j + " outside the env's bounds [" + low[j] + ", "
                                + high[j] + "]");
                    }
                }
            }
        }
    }
}
