package dev.quiver.data.sampling;

import dev.quiver.data.dataset.EpisodeDataset;
import dev.quiver.data.dataset.TransitionBatch;

/**
 * Fills {@link TransitionBatch}es with transitions drawn from an {@link EpisodeDataset} under some
 * {@link SamplingScheme}: what an offline learner asks of its data, so that switching the scheme changes
 * nothing else. Rows are filled as {@link dev.quiver.data.dataset.TransitionSampler#fillNStep} fills them
 * (n-step rewards stop at the episode's end). Made by {@link SamplingConfig#newSampler}.
 *
 * <p>Not thread-safe: give each thread its own sampler and generator.
 */
public interface BatchSampler {
    /** The dataset sampled. */
    EpisodeDataset dataset();

    /** The scheme this sampler follows. */
    SamplingScheme scheme();

    /** A batch of {@code size} rows shaped for {@link #dataset()}. */
    default TransitionBatch newBatch(int size) {
        return new TransitionBatch(dataset(), size);
    }

    /** Fills every row of {@code batch} with a one-step transition. */
    default void sample(TransitionBatch batch) {
        sampleNStep(batch, 1, 1.0);
    }

    /** Fills every row of {@code batch} with an n-step transition starting at a drawn step. */
    void sampleNStep(TransitionBatch batch, int n, double gamma);

    /** The probability that a row starts at global step {@code step} ({@code 0 <= step < numSteps}). */
    double transitionProbability(int step);
}
