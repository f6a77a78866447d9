package dev.quiver.data.sampling;

import dev.quiver.core.error.QuiverUserException;
import dev.quiver.data.dataset.EpisodeDataset;
import dev.quiver.data.dataset.TransitionBatch;
import dev.quiver.data.dataset.TransitionSampler;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Draws transitions with the probabilities of a {@link TrajectoryWeights}: an episode from an
 * {@link AliasTable} with weights {@code T_e · p(trajectory of e)}, then a step uniformly within it, which
 * gives every transition exactly its probability in constant time per row (one {@code nextInt} and one
 * {@code nextDouble} for the episode, one {@code nextInt} for the step). Rows are filled by
 * {@link TransitionSampler#fillNStep}; nothing is allocated per call.
 *
 * <p>Not thread-safe: give each thread its own sampler and generator.
 *
 * @see TrajectoryWeights
 */
public final class WeightedTransitionSampler implements BatchSampler {
    private final TrajectoryWeights weights;
    private final EpisodeDataset data;
    private final AliasTable episodes;
    private final TransitionSampler filler;
    private final UniformRandomProvider rng;

    /** A sampler drawing with {@code weights}' probabilities from {@code rng}. */
    public WeightedTransitionSampler(TrajectoryWeights weights, UniformRandomProvider rng) {
        this.weights = weights;
        this.data = weights.dataset();
        this.episodes = new AliasTable(weights.episodeWeights());
        this.filler = new TransitionSampler(data, rng);
        this.rng = rng;
    }

    /** The weights drawn with. */
    public TrajectoryWeights weights() {
        return weights;
    }

    @Override
    public EpisodeDataset dataset() {
        return data;
    }

    @Override
    public SamplingScheme scheme() {
        return weights.scheme();
    }

    @Override
    public void sampleNStep(TransitionBatch batch, int n, double gamma) {
        if (n < 1) {
            throw new QuiverUserException("n-step horizon must be at least 1, got " + n);
        }
        if (!(gamma >= 0.0 && gamma <= 1.0)) {
            throw new QuiverUserException("discount gamma must be in [0, 1], got " + gamma);
        }
        if (batch.obsDim() != data.obsDim() || batch.actDim() != data.actDim() || batch.discrete() != data.discrete()) {
            throw new IllegalArgumentException("batch shape does not match the dataset (obsDim, actDim, discrete)");
        }
        for (int b = 0; b < batch.size(); b++) {
            int e = episodes.sample(rng);
            int t = rng.nextInt(data.episodeLength(e));
            filler.fillNStep(batch, b, e, t, n, gamma);
        }
    }

    @Override
    public double transitionProbability(int step) {
        return weights.transitionProbability(step);
    }
}
