package dev.quiver.rl.actorcritic;

import dev.quiver.rl.replay.Batch;
import java.util.Map;

/**
 * What {@link OffPolicyLoop} asks of an off-policy learner: an action to take, and gradient updates on
 * replayed batches.
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
}
