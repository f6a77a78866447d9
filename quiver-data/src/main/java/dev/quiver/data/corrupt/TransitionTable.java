package dev.quiver.data.corrupt;

import dev.quiver.core.env.EnvSpec;
import dev.quiver.core.space.Box;
import dev.quiver.core.space.Discrete;
import dev.quiver.data.dataset.EpisodeDataset;
import java.util.Arrays;

/**
 * A dataset as flat transition columns, D4RL's {@code qlearning_dataset} layout: observation and next
 * observation of every step stored separately, so either can be changed without touching the other. Built
 * from an {@link EpisodeDataset} and turned back into one by {@link #rebuild()}, which splits an episode
 * wherever a step's next observation no longer equals the following step's observation.
 */
final class TransitionTable {
    final EpisodeDataset source;
    final int numSteps;
    final int obsDim;
    final int actDim;
    final boolean discrete;
    final float[] observations;
    final float[] nextObservations;
    final float[] actions;
    final int[] discreteActions;
    final double[] rewards;
    final boolean[] terminations;
    final boolean[] truncations;

    private TransitionTable(EpisodeDataset source) {
        this.source = source;
        numSteps = source.numSteps();
        obsDim = source.obsDim();
        actDim = source.actDim();
        discrete = source.discrete();
        observations = new float[numSteps * obsDim];
        nextObservations = new float[numSteps * obsDim];
        actions = discrete ? null : new float[numSteps * actDim];
        discreteActions = discrete ? new int[numSteps] : null;
        rewards = new double[numSteps];
        terminations = new boolean[numSteps];
        truncations = new boolean[numSteps];
        for (int e = 0; e < source.numEpisodes(); e++) {
            EpisodeDataset.Episode ep = source.episode(e);
            int s0 = source.episodeStart(e);
            int t = ep.length();
            System.arraycopy(ep.observations(), 0, observations, s0 * obsDim, t * obsDim);
            System.arraycopy(ep.observations(), obsDim, nextObservations, s0 * obsDim, t * obsDim);
            if (discrete) {
                System.arraycopy(ep.discreteActions(), 0, discreteActions, s0, t);
            } else {
                System.arraycopy(ep.continuousActions(), 0, actions, s0 * actDim, t * actDim);
            }
            System.arraycopy(ep.rewards(), 0, rewards, s0, t);
            System.arraycopy(ep.terminations(), 0, terminations, s0, t);
            System.arraycopy(ep.truncations(), 0, truncations, s0, t);
        }
    }

    static TransitionTable of(EpisodeDataset source) {
        return new TransitionTable(source);
    }

    /** Population standard deviation (divisor n, as NumPy's {@code std}) of each of the {@code dim} columns. */
    static double[] std(float[] rows, int dim) {
        int n = rows.length / dim;
        double[] mean = new double[dim];
        double[] var = new double[dim];
        for (int r = 0; r < n; r++) {
            for (int d = 0; d < dim; d++) {
                mean[d] += rows[r * dim + d];
            }
        }
        for (int d = 0; d < dim; d++) {
            mean[d] /= n;
        }
        for (int r = 0; r < n; r++) {
            for (int d = 0; d < dim; d++) {
                double x = rows[r * dim + d] - mean[d];
                var[d] += x * x;
            }
        }
        for (int d = 0; d < dim; d++) {
            var[d] = Math.sqrt(var[d] / n);
        }
        return var;
    }

    /**
     * The columns of the given rows ({@code rows[i]} a global step), {@code dim} values each, gathered.
     */
    static float[] gather(float[] column, int dim, int[] rows) {
        float[] out = new float[rows.length * dim];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(column, rows[i] * dim, out, i * dim, dim);
        }
        return out;
    }

    /** Writes gathered rows back. */
    static void scatter(float[] values, int dim, int[] rows, float[] column) {
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(values, i * dim, column, rows[i] * dim, dim);
        }
    }

    /** The episodes rebuilt, and where each came from. */
    record Rebuilt(EpisodeDataset dataset, int[] sourceEpisode, int[] sourceStart) {
    }

    /**
     * An {@link EpisodeDataset} with exactly these transitions in the same global order: each source episode
     * is cut after step {@code t} when {@code next(t) != obs(t + 1)}, so every transition keeps its own
     * observation and next observation. A cut leaves the segment's last step as it was (neither terminated
     * nor truncated), which the dataset allows for episodes cut by the end of collection; transitions keep
     * their flags, so TD targets bootstrap exactly as before.
     */
    Rebuilt rebuild() {
        EpisodeDataset.Builder b = builder();
        int[] srcEpisode = new int[source.numEpisodes() + numSteps];
        int[] srcStart = new int[srcEpisode.length];
        int segments = 0;
        for (int e = 0; e < source.numEpisodes(); e++) {
            int s0 = source.episodeStart(e);
            int len = source.episodeLength(e);
            int from = 0;
            for (int t = 0; t < len; t++) {
                if (t == len - 1 || !sameRow(nextObservations, s0 + t, observations, s0 + t + 1)) {
                    addSegment(b, s0 + from, s0 + t + 1);
                    srcEpisode[segments] = e;
                    srcStart[segments] = from;
                    segments++;
                    from = t + 1;
                }
            }
        }
        return new Rebuilt(b.build(), Arrays.copyOf(srcEpisode, segments), Arrays.copyOf(srcStart, segments));
    }

    private boolean sameRow(float[] a, int ra, float[] b, int rb) {
        for (int d = 0; d < obsDim; d++) {
            if (a[ra * obsDim + d] != b[rb * obsDim + d]) {
                return false;
            }
        }
        return true;
    }

    /** Adds global steps {@code [from, to)} as one episode. */
    private void addSegment(EpisodeDataset.Builder b, int from, int to) {
        int t = to - from;
        float[] obs = new float[(t + 1) * obsDim];
        System.arraycopy(observations, from * obsDim, obs, 0, t * obsDim);
        System.arraycopy(nextObservations, (to - 1) * obsDim, obs, t * obsDim, obsDim);
        double[] r = Arrays.copyOfRange(rewards, from, to);
        boolean[] term = Arrays.copyOfRange(terminations, from, to);
        boolean[] trunc = Arrays.copyOfRange(truncations, from, to);
        if (discrete) {
            b.addEpisode(obs, Arrays.copyOfRange(discreteActions, from, to), r, term, trunc);
        } else {
            b.addEpisode(obs, Arrays.copyOfRange(actions, from * actDim, to * actDim), r, term, trunc);
        }
    }

    private EpisodeDataset.Builder builder() {
        if (!discrete) {
            return EpisodeDataset.continuousBuilder(obsDim, actDim);
        }
        // the dataset does not keep its action space; actions are unchanged, so their own range is valid
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int a : discreteActions) {
            min = Math.min(min, a);
            max = Math.max(max, a);
        }
        return EpisodeDataset.builder(EnvSpec.of("corrupted", Box.float32(Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY, obsDim), new Discrete(max - min + 1, min), 0, Double.NaN));
    }
}
