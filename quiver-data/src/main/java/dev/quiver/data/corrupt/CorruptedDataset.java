package dev.quiver.data.corrupt;

import dev.quiver.data.dataset.EpisodeDataset;
import java.util.Arrays;

/**
 * A corrupted copy of a dataset and the record of what was done to it.
 *
 * <p>{@link #dataset()} holds exactly the source's transitions, in the same global step order (step
 * {@code s} of the copy is step {@code s} of the source), with the chosen ones corrupted. Observation and
 * dynamics corruption change one transition's observation or next observation without touching its
 * neighbour's (as in the authors' flat transition arrays), so where the copy's {@code next(t)} no longer
 * equals {@code obs(t + 1)} the episode is split in two at that point: the copy may have more episodes than
 * the source, and {@link #sourceEpisode(int)} / {@link #sourceStart(int)} say where each came from (use
 * {@link #sourceEpisodes()} as the trajectory grouping of
 * {@link dev.quiver.data.sampling.TrajectoryWeights}). Action and reward corruption split nothing.
 *
 * @see DataCorruption
 */
public final class CorruptedDataset {
    private final EpisodeDataset dataset;
    private final CorruptionConfig config;
    private final int[] corruptedSteps;
    private final boolean[] corrupted;
    private final double[] noiseScale;
    private final int[] sourceEpisode;
    private final int[] sourceStart;
    private final int numSourceEpisodes;
    private final double attackValueBefore;
    private final double attackValueAfter;

    CorruptedDataset(EpisodeDataset dataset, CorruptionConfig config, int[] corruptedSteps, double[] noiseScale,
            int[] sourceEpisode, int[] sourceStart, int numSourceEpisodes, double attackValueBefore,
            double attackValueAfter) {
        this.dataset = dataset;
        this.config = config;
        this.corruptedSteps = corruptedSteps;
        this.corrupted = new boolean[dataset.numSteps()];
        for (int s : corruptedSteps) {
            corrupted[s] = true;
        }
        this.noiseScale = noiseScale;
        this.sourceEpisode = sourceEpisode;
        this.sourceStart = sourceStart;
        this.numSourceEpisodes = numSourceEpisodes;
        this.attackValueBefore = attackValueBefore;
        this.attackValueAfter = attackValueAfter;
    }

    /** The corrupted dataset. */
    public EpisodeDataset dataset() {
        return dataset;
    }

    /** The corruption applied. */
    public CorruptionConfig config() {
        return config;
    }

    /** Number of corrupted transitions. */
    public int numCorrupted() {
        return corruptedSteps.length;
    }

    /** Fraction of transitions corrupted (close to the rate {@code c}, not equal: each is chosen independently). */
    public double corruptedFraction() {
        return (double) corruptedSteps.length / dataset.numSteps();
    }

    /** The global steps corrupted, ascending (a copy); the same indices in the source and in the copy. */
    public int[] corruptedSteps() {
        return corruptedSteps.clone();
    }

    /** Whether global step {@code step} was corrupted. */
    public boolean isCorrupted(int step) {
        return corrupted[step];
    }

    /**
     * Whether step {@code t} of episode {@code e} of {@link #dataset()} was corrupted (e.g. for a sampled
     * batch row: {@code isCorrupted(batch.episode()[b], batch.step()[b])}).
     */
    public boolean isCorrupted(int e, int t) {
        if (t < 0 || t >= dataset.episodeLength(e)) {
            throw new IndexOutOfBoundsException("step " + t + " of episode " + e + " not in [0, "
                    + dataset.episodeLength(e) + ")");
        }
        return corrupted[dataset.episodeStart(e) + t];
    }

    /**
     * The per-dimension scale of the noise or attack box: {@code σ_d} of the corrupted column (observations,
     * actions or next observations, over all transitions before corruption); empty for rewards (a copy).
     */
    public double[] noiseScale() {
        return noiseScale.clone();
    }

    /** Number of episodes of the source. */
    public int numSourceEpisodes() {
        return numSourceEpisodes;
    }

    /** Number of extra episodes made by splitting ({@code dataset().numEpisodes() - numSourceEpisodes()}). */
    public int numSplits() {
        return dataset.numEpisodes() - numSourceEpisodes;
    }

    /** The source episode each episode of {@link #dataset()} comes from (a copy; non-decreasing). */
    public int[] sourceEpisodes() {
        return sourceEpisode.clone();
    }

    /** The source episode episode {@code e} of {@link #dataset()} comes from. */
    public int sourceEpisode(int e) {
        return sourceEpisode[e];
    }

    /** The step of its source episode at which episode {@code e} of {@link #dataset()} starts. */
    public int sourceStart(int e) {
        return sourceStart[e];
    }

    /**
     * Mean critic value over the attacked rows before the gradient attack ({@code Q(s, a)}, or
     * {@code Q(s', π(s'))} for dynamics); NaN for random and reward corruption or when nothing was attacked.
     */
    public double attackValueBefore() {
        return attackValueBefore;
    }

    /** Mean critic value over the attacked rows after the attack; NaN where {@link #attackValueBefore()} is. */
    public double attackValueAfter() {
        return attackValueAfter;
    }

    @Override
    public String toString() {
        return "CorruptedDataset(" + config.describe() + ": " + numCorrupted() + " of " + dataset.numSteps()
                + " transitions, " + numSplits() + " splits, noise scale " + Arrays.toString(noiseScale) + ")";
    }
}
