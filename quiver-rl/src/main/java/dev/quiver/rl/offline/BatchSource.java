package dev.quiver.rl.offline;

import dev.quiver.data.dataset.EpisodeDataset;
import dev.quiver.data.dataset.TransitionBatch;
import dev.quiver.data.dataset.TransitionSampler;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Where an offline learner's batches come from: something that fills a {@link TransitionBatch} in place,
 * with the shape of {@link TransitionSampler#sample(TransitionBatch)}. The default is uniform sampling
 * ({@link #UNIFORM}); return- or advantage-weighted trajectory samplers plug in through a {@link Factory}.
 */
@FunctionalInterface
public interface BatchSource {
    /** Fills every row of {@code batch} (the batch's own arrays are overwritten). */
    void sample(TransitionBatch batch);

    /** Makes the batch source of one training run from the dataset and the run's sampling generator. */
    @FunctionalInterface
    interface Factory {
        /**
         * A source over {@code data} drawing from {@code rng} (the run's {@code seeds.child("sampler")} stream).
         */
        BatchSource create(EpisodeDataset data, UniformRandomProvider rng);
    }

    /** Uniform sampling with replacement over all transitions ({@link TransitionSampler}). */
    Factory UNIFORM = (data, rng) -> new TransitionSampler(data, rng)::sample;

    /**
     * The batch source of a sampling configuration: uniform, or Hong et al.'s (2023) return- or
     * advantage-weighted trajectory sampling (P44) with its temperature; the one option through which every
     * offline algorithm switches sampling.
     */
    static Factory of(dev.quiver.data.sampling.SamplingConfig sampling) {
        if (sampling.scheme() == dev.quiver.data.sampling.SamplingScheme.UNIFORM) {
            return UNIFORM;
        }
        return (data, rng) -> sampling.newSampler(data, rng)::sample;
    }
}
