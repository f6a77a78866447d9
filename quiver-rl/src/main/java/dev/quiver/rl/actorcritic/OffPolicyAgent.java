package dev.quiver.rl.actorcritic;

import dev.quiver.nn.checkpoint.CheckpointReader;
import dev.quiver.nn.checkpoint.CheckpointWriter;
import dev.quiver.rl.replay.Batch;
import java.util.Map;

/**
 * What {@link OffPolicyLoop} asks of an off-policy learner: an action to take, gradient updates on
 * replayed batches and, for training checkpoints, its complete state.
 *
 * @param <A> the env's action type
 */
public interface OffPolicyAgent<A> {
    /**
     * The action to take on {@code observation} while collecting experience.
     *
     * @param observation the current observation (not kept)
     * @param warmup whether the run is still before {@code learningStarts}: act uniformly at random
     */
    A act(float[] observation, boolean warmup);

    /**
     * One gradient update on {@code batch}.
     *
     * @param step the env step (0-based) after which the update runs, for metrics and error messages
     * @return the metrics of this update (e.g. {@code train/critic_loss})
     * @throws dev.quiver.core.error.QuiverUserException if a loss is not finite
     */
    Map<String, Double> train(Batch batch, long step);

    /** Called after an episode ended (before the env is reset), e.g. to reset correlated noise. */
    default void episodeEnded() {
    }

    /**
     * Adds the agent's complete training state to {@code w} at an episode boundary (after
     * {@link #episodeEnded()}), so that {@link #restore} continues with exactly the numbers of an uninterrupted
     * run: every network (online and target), every optimizer's moments and step count, the entropy
     * temperature, the agent's generator states, exploration-noise state and update counters. The loop adds
     * the replay buffer, its sampling generator and the env's generator itself.
     *
     * @throws UnsupportedOperationException if this agent cannot save its state (the default)
     */
    default void save(CheckpointWriter w) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot save its training state");
    }

    /**
     * Restores what {@link #save} wrote, into an agent freshly built with the same configuration and seed.
     *
     * @throws dev.quiver.core.error.QuiverUserException if the saved state is missing parts or does not fit
     * @throws UnsupportedOperationException if this agent cannot restore its state (the default)
     */
    default void restore(CheckpointReader r) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot restore its training state");
    }
}
