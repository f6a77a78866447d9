package dev.quiver.rl.agent;

import dev.quiver.core.env.Env;
import dev.quiver.core.env.EnvSpec;

/**
 * An online learner, built for one env spec by its configuration's {@code build(EnvSpec)}: it
 * interacts with an env for a number of steps and returns the trained (greedy / deterministic)
 * policy.
 *
 * <p>Seeding: all randomness of a run (env resets, replay sampling, exploration, network
 * initialisation) is derived from {@code seed} through named child streams of
 * {@link dev.quiver.core.seed.Seeds}, so the same configuration and seed give the same result.
 *
 * @param <O> observation type
 * @param <A> action type
 */
public interface Learner<O, A> {
    /** The env spec this learner was built for. */
    EnvSpec spec();

    /**
     * Trains for {@code steps} environment steps.
     *
     * @param env an env with the spec this learner was built for (reset by the learner; not closed)
     * @param steps the number of environment steps, at least 1
     * @param seed the root seed of the run
     * @param callback receives metrics during training ({@link TrainingCallback#NONE} for none)
     * @return the trained policy (the caller closes it)
     * @throws dev.quiver.core.error.QuiverUserException if the env does not match, or training diverges
     *     (a non-finite loss; the message names the step)
     */
    SavablePolicy<O, A> learn(Env<O, A> env, long steps, long seed, TrainingCallback callback);

    /** Whether this learner can save its training state and resume from it ({@link TrainingCheckpoints}). */
    default boolean savesTrainingState() {
        return false;
    }

    /**
     * Whether this learner can save its training state when it trains on {@code env} (some learners can only
     * on some envs: PPO needs a vector env that saves its state); by default {@link #savesTrainingState()}.
     */
    default boolean savesTrainingState(Env<O, A> env) {
        return savesTrainingState();
    }

    /**
     * Trains like {@link #learn(Env, long, long, TrainingCallback)}, saving the complete training state as
     * {@code checkpoints} says and, if {@code checkpoints.resume()} and a state is there, continuing from it
     * (with exactly the numbers an uninterrupted run would give). The callback then receives only the
     * metrics of the steps after the saved one.
     *
     * @throws dev.quiver.core.error.QuiverUserException if this algorithm cannot save its training state, or
     *     the saved state belongs to another configuration, seed or step budget
     */
    default SavablePolicy<O, A> learn(Env<O, A> env, long steps, long seed, TrainingCallback callback,
            TrainingCheckpoints checkpoints) {
        if (checkpoints.enabled()) {
            throw new dev.quiver.core.error.QuiverUserException(getClass().getSimpleName()
                    + " cannot save or resume its training state yet");
        }
        return learn(env, steps, seed, callback);
    }
}
