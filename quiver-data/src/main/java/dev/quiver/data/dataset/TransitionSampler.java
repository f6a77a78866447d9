package dev.quiver.data.dataset;

import dev.quiver.core.error.QuiverUserException;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Uniform sampling with replacement from an {@link EpisodeDataset}: single transitions, n-step
 * transitions and sequences of consecutive steps, into reusable batches (no allocation per call
 * once a sequence length has been used).
 *
 * <p>Transitions are drawn uniformly over all {@code numSteps} steps. An n-step row starting at
 * step {@code t} of an episode of length {@code L} sums {@code m = min(n, L - t)} rewards,
 * {@code sum_{k < m} gamma^k r_{t+k}}, stopping at the episode's end (termination, truncation, or a
 * cut last step; only the last step of an episode may end it); its next observation is observation
 * {@code t + m}, and it bootstraps unless step {@code t + m - 1} terminated. Sequences of {@code K}
 * steps start uniformly among all valid starts (step {@code t} of episode {@code i} with
 * {@code t + K <= L_i}), so they never cross episodes.
 *
 * <p>Not thread-safe: give each thread its own sampler and generator.
 */
public final class TransitionSampler {
    private final EpisodeDataset data;
    private final UniformRandomProvider rng;
    private int cachedLength = -1;
    private int[] eligible;
    private int[] cumStarts;

    /** A sampler over {@code data} drawing from {@code rng} (e.g. {@code seeds.child("replay").rng()}). */
    public TransitionSampler(EpisodeDataset data, UniformRandomProvider rng) {
        this.data = data;
        this.rng = rng;
    }

    /** The dataset sampled. */
    public EpisodeDataset dataset() {
        return data;
    }

    /** A batch of {@code size} rows shaped for this sampler's dataset. */
    public TransitionBatch newBatch(int size) {
        return new TransitionBatch(data, size);
    }

    /** A sequence batch shaped for this sampler's dataset. */
    public SequenceBatch newSequenceBatch(int size, int length) {
        return new SequenceBatch(data, size, length);
    }

    /** Fills every row of {@code batch} with a uniformly drawn one-step transition. */
    public void sample(TransitionBatch batch) {
        sampleNStep(batch, 1, 1.0);
    }

    /** Fills every row of {@code batch} with a uniformly drawn n-step transition (see class notes). */
    public void sampleNStep(TransitionBatch batch, int n, double gamma) {
        if (n < 1) {
            throw new QuiverUserException("n-step horizon must be at least 1, got " + n);
        }
        EpisodeDataset.checkGamma(gamma);
        checkFits(batch.fits(data));
        int total = data.numSteps();
        for (int b = 0; b < batch.size(); b++) {
            int s = rng.nextInt(total);
            int e = data.episodeOfStep(s);
            fillNStep(batch, b, e, s - data.offsets[e], n, gamma);
        }
    }

    /** Fills row {@code b} with the n-step transition from step {@code t} of episode {@code e}. */
    public void fillNStep(TransitionBatch batch, int b, int e, int t, int n, double gamma) {
        int[] off = data.offsets;
        int len = off[e + 1] - off[e];
        if (t < 0 || t >= len) {
            throw new IndexOutOfBoundsException("step " + t + " of episode " + e + " not in [0, " + len + ")");
        }
        int s = off[e] + t;
        int m = Math.min(n, len - t);
        double g = 0.0;
        for (int k = m - 1; k >= 0; k--) {
            g = data.rewards[s + k] + gamma * g;
        }
        int obsDim = data.obsDim();
        System.arraycopy(data.observations, (s + e) * obsDim, batch.observations, b * obsDim, obsDim);
        System.arraycopy(data.observations, (s + e + m) * obsDim, batch.nextObservations, b * obsDim, obsDim);
        if (data.discrete()) {
            batch.discreteActions[b] = data.discreteActions[s];
        } else {
            int a = data.actDim();
            System.arraycopy(data.continuousActions, s * a, batch.actions, b * a, a);
        }
        int last = s + m - 1;
        batch.rewards[b] = g;
        batch.terminated[b] = data.terminations[last];
        batch.truncated[b] = data.truncations[last];
        batch.bootstrap[b] = !data.terminations[last];
        batch.nSteps[b] = m;
        batch.episode[b] = e;
        batch.step[b] = t;
    }

    /**
     * Fills {@code batch} with sequences of {@code batch.length()} consecutive steps, starts drawn
     * uniformly among valid ones.
     *
     * @throws QuiverUserException if no episode has {@code batch.length()} steps
     */
    public void sampleSequences(SequenceBatch batch) {
        checkFits(batch.fits(data));
        int k = batch.length();
        prepareStarts(k);
        int total = cumStarts[cumStarts.length - 1];
        int obsDim = data.obsDim();
        int a = data.actDim();
        for (int b = 0; b < batch.size(); b++) {
            int u = rng.nextInt(total);
            int j = Arrays.binarySearch(cumStarts, u);
            if (j < 0) {
                j = -j - 2;
            }
            int e = eligible[j];
            int t = u - cumStarts[j];
            int s = data.offsets[e] + t;
            System.arraycopy(data.observations, (s + e) * obsDim, batch.observations, b * (k + 1) * obsDim,
                    (k + 1) * obsDim);
            if (data.discrete()) {
                System.arraycopy(data.discreteActions, s, batch.discreteActions, b * k, k);
            } else {
                System.arraycopy(data.continuousActions, s * a, batch.actions, b * k * a, k * a);
            }
            System.arraycopy(data.rewards, s, batch.rewards, b * k, k);
            System.arraycopy(data.terminations, s, batch.terminated, b * k, k);
            System.arraycopy(data.truncations, s, batch.truncated, b * k, k);
            batch.episode[b] = e;
            batch.start[b] = t;
        }
    }

    /** Number of valid sequence starts for sequences of {@code length} steps. */
    public int numSequenceStarts(int length) {
        int total = 0;
        for (int e = 0; e < data.numEpisodes(); e++) {
            total += Math.max(0, data.offsets[e + 1] - data.offsets[e] - length + 1);
        }
        return total;
    }

    private void prepareStarts(int k) {
        if (k == cachedLength) {
            return;
        }
        int ne = data.numEpisodes();
        int count = 0;
        for (int e = 0; e < ne; e++) {
            if (data.offsets[e + 1] - data.offsets[e] >= k) {
                count++;
            }
        }
        if (count == 0) {
            throw new QuiverUserException("no episode has " + k + " steps, so no sequence of length " + k
                    + " fits; the longest episode has " + Arrays.stream(data.episodeLengths()).max().orElse(0)
                    + " steps");
        }
        int[] el = new int[count];
        int[] cum = new int[count + 1];
        int j = 0;
        for (int e = 0; e < ne; e++) {
            int starts = data.offsets[e + 1] - data.offsets[e] - k + 1;
            if (starts > 0) {
                el[j] = e;
                cum[j + 1] = cum[j] + starts;
                j++;
            }
        }
        eligible = el;
        cumStarts = cum;
        cachedLength = k;
    }

    private static void checkFits(boolean fits) {
        if (!fits) {
            throw new IllegalArgumentException("batch shape does not match the dataset (obsDim, actDim, discrete)");
        }
    }
}
