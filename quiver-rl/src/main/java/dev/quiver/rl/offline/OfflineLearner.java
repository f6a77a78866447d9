package dev.quiver.rl.offline;

import dev.quiver.core.env.EnvSpec;
import dev.quiver.data.dataset.EpisodeDataset;
import dev.quiver.rl.agent.TrainedPolicy;
import dev.quiver.rl.agent.TrainingCallback;

/**
 * An offline learner, built for one env spec by its configuration's {@code build(EnvSpec)}: it learns a
 * policy from a fixed dataset of episodes, without interacting with the env, for a number of gradient
 * steps, and returns the trained deterministic (greedy) policy. The offline counterpart of
 * {@link dev.quiver.rl.agent.Learner}.
 *
 * <p>Seeding: all randomness of a run (batch sampling, network initialisation, policy noise) is derived
 * from {@code seed} through named child streams of {@link dev.quiver.core.seed.Seeds} ({@code sampler},
 * {@code init}, {@code noise}), so the same configuration, dataset and seed give the same result.
 *
 * <p>Callbacks: {@link TrainingCallback#onMetrics} receives the means of the training metrics (names
 * {@code train/…}) over each window of {@link OfflineTraining#METRICS_WINDOW} gradient steps, at the window's
 * last step (0-based gradient-step index); {@link TrainingCallback#onPolicy} receives the current
 * deterministic policy every {@link TrainingCallback#policyInterval()} gradient steps (for periodic online
 * evaluation, see {@link PeriodicEvaluation}).
 *
 * @param <A> action type: {@code float[]} (bounded Box actions) or {@code Integer} (Discrete actions)
 */
public interface OfflineLearner<A> {
    /** The env spec this learner was built for. */
    EnvSpec spec();

    /** Trains like {@link #fit(EpisodeDataset, BatchSource.Factory, long, long, TrainingCallback)} with uniform sampling. */
    default TrainedPolicy<A> fit(EpisodeDataset data, long steps, long seed, TrainingCallback callback) {
        return fit(data, BatchSource.UNIFORM, steps, seed, callback);
    }

    /**
     * Trains for {@code steps} gradient steps on batches drawn from {@code data} by {@code sampler}.
     *
     * @param data the dataset; must fit the spec ({@link DatasetChecks})
     * @param sampler makes the run's batch source (e.g. {@link BatchSource#UNIFORM})
     * @param steps the number of gradient steps, at least 1
     * @param seed the root seed of the run
     * @param callback receives metrics and policy snapshots ({@link TrainingCallback#NONE} for none)
     * @return the trained policy (the caller closes it)
     * @throws dev.quiver.core.error.QuiverUserException if the dataset does not fit the env spec, or training
     *     diverges (a non-finite loss; the message names the gradient step)
     */
    TrainedPolicy<A> fit(EpisodeDataset data, BatchSource.Factory sampler, long steps, long seed,
            TrainingCallback callback);
}
