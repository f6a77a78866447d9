package dev.quiver.data.sampling;

import dev.quiver.data.dataset.EpisodeDataset;
import dev.quiver.data.dataset.TransitionBatch;
import dev.quiver.data.dataset.TransitionSampler;

/** {@link SamplingScheme#UNIFORM}: a {@link BatchSampler} view of a {@link TransitionSampler}. */
final class UniformBatchSampler implements BatchSampler {
    private final TransitionSampler sampler;

    UniformBatchSampler(TransitionSampler sampler) {
        this.sampler = sampler;
    }

    @Override
    public EpisodeDataset dataset() {
        return sampler.dataset();
    }

    @Override
    public SamplingScheme scheme() {
        return SamplingScheme.UNIFORM;
    }

    @Override
    public void sample(TransitionBatch batch) {
        sampler.sample(batch);
    }

    @Override
    public void sampleNStep(TransitionBatch batch, int n, double gamma) {
        sampler.sampleNStep(batch, n, gamma);
    }

    @Override
    public double transitionProbability(int step) {
        int total = sampler.dataset().numSteps();
        if (step < 0 || step >= total) {
            throw new IndexOutOfBoundsException("step " + step + " not in [0, " + total + ")");
        }
        return 1.0 / total;
    }
}
