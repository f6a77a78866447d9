package dev.quiver.rl.actorcritic;

import dev.quiver.core.env.Env;
import dev.quiver.core.env.Step;
import dev.quiver.core.seed.Seeds;
import dev.quiver.nn.checkpoint.CheckpointReader;
import dev.quiver.rl.agent.TrainingCallback;
import dev.quiver.rl.agent.TrainingCheckpoints;
import dev.quiver.rl.agent.TrainingStateStore;
import dev.quiver.rl.replay.Batch;
import dev.quiver.rl.replay.ReplayBuffer;
import dev.quiver.core.policy.Policy;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The experience-collection loop shared by the replay-based actor-critic learners (SAC, discrete SAC,
 * TD3): act, store the transition, report finished episodes, and train on uniform replay batches as an
 * {@link OffPolicySchedule} says. The algorithm lives in the {@link OffPolicyAgent}; this class owns
 * only the bookkeeping.
 *
 * <p>Each env step {@code t} (0-based): {@code a = agent.act(s, t < learningStarts)}; step the env; store
 * {@code (s, a, r, s', terminated, truncated)} (truncation still bootstraps, only {@code terminated} stops
 * it); at the end of an episode report {@code episode/return} and {@code episode/length} and tell the agent;
 * then, if {@link OffPolicySchedule#trainsAfter(long) trainsAfter(t)}, run {@code gradientSteps} updates,
 * each on a fresh batch, passing each update's metrics to the callback at step {@code t}. After an episode's
 * last step the env is reset at the start of the next step, so that a training state can be saved in between.
 *
 * <p>Training state: with a {@link TrainingStateStore} the loop saves, at the first episode end after every
 * {@code everySteps} env steps (after that step's updates, before the reset), the agent's state
 * ({@link OffPolicyAgent#save}), the replay buffer and its sampling generator (the store adds the env's
 * generator), and resumes from a saved state with exactly the numbers of an uninterrupted run.
 *
 * <p>Randomness: {@code seeds.child("env")} seeds the first env reset (later resets continue the env's
 * generator), {@code seeds.child("replay")} the batch sampling. The agent brings its own streams.
 */
public final class OffPolicyLoop {
    private OffPolicyLoop() {
    }

    /**
     * Stores one env transition in a replay buffer, converting the env's action to the buffer's form.
     *
     * @param <A> the env's action type
     */
    @FunctionalInterface
    public interface Recorder<A> {
        /** Adds {@code (obs, action, reward, next, terminated, truncated)} to {@code buffer}. */
        void record(ReplayBuffer buffer, float[] obs, A action, double reward, float[] next, boolean terminated,
                boolean truncated);
    }

    /** Stores discrete actions as they are. */
    public static Recorder<Integer> discreteActions() {
        return (buffer, obs, action, reward, next, terminated, truncated) -> buffer.add(obs, (int) action, reward,
                next, terminated, truncated);
    }

    /** Stores continuous env actions mapped back to {@code [-1, 1]} by {@code scaling} (what the critics see). */
    public static Recorder<float[]> unitActions(ActionScaling scaling) {
        float[] unit = new float[scaling.size()];
        return (buffer, obs, action, reward, next, terminated, truncated) -> {
            scaling.toUnit(action, unit);
            buffer.add(obs, unit, reward, next, terminated, truncated);
        };
    }

    /**
     * Runs {@code steps} env steps of collection and training, without training checkpoints.
     *
     * @see #run(Env, long, Seeds, OffPolicySchedule, ReplayBuffer, Recorder, OffPolicyAgent, Supplier,
     *     TrainingCallback, TrainingStateStore)
     */
    public static <A> void run(Env<float[], A> env, long steps, Seeds seeds, OffPolicySchedule schedule,
            ReplayBuffer buffer, Recorder<A> recorder, OffPolicyAgent<A> agent,
            Supplier<? extends Policy<float[], A>> greedy, TrainingCallback callback) {
        run(env, steps, seeds, schedule, buffer, recorder, agent, greedy, callback,
                new TrainingStateStore("", Map.of(), 0, steps, TrainingCheckpoints.NONE));
    }

    /**
     * Runs {@code steps} env steps of collection and training, saving and resuming the training state as
     * {@code store} says.
     *
     * @param env the env (reset here; not closed)
     * @param steps the number of env steps, at least 1
     * @param seeds the run's root seeds
     * @param schedule when to train
     * @param buffer the replay buffer to fill and sample
     * @param recorder how an env transition goes into {@code buffer}
     * @param agent the learner
     * @param greedy the deterministic policy of the agent's current networks (for
     *     {@link TrainingCallback#onPolicy periodic evaluation}; made on demand, not closed)
     * @param callback receives episode and training metrics (on resume, only those after the saved step)
     * @param store the run's training-state store (made with the run's algorithm name, configuration, seed
     *     and {@code steps})
     * @throws dev.quiver.core.error.QuiverUserException if a saved state belongs to another run or does not
     *     fit this one
     */
    public static <A> void run(Env<float[], A> env, long steps, Seeds seeds, OffPolicySchedule schedule,
            ReplayBuffer buffer, Recorder<A> recorder, OffPolicyAgent<A> agent,
            Supplier<? extends Policy<float[], A>> greedy, TrainingCallback callback, TrainingStateStore store) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, got " + steps);
        }
        UniformRandomProvider replayRng = seeds.child("replay").rng();
        Batch batch = buffer.newBatch(schedule.batchSize());
        int obsDim = buffer.obsDim();
        long start = 0;
        float[] obs;
        CheckpointReader saved = store.resume(env);
        if (saved == null) {
            obs = env.reset(seeds.child("env").seed()).observation().clone();
        } else {
            agent.restore(saved);
            buffer.restore("replay", saved);
            Seeds.restoreState(replayRng, TrainingStateStore.requireRngState(saved, "replay"));
            start = saved.step() + 1;
            obs = env.reset().observation().clone();
        }
        double episodeReturn = 0;
        long episodeLength = 0;
        boolean needsReset = false;
        for (long t = start; t < steps; t++) {
            if (needsReset) {
                obs = env.reset().observation().clone();
                needsReset = false;
            }
            A action = agent.act(obs, t < schedule.learningStarts());
            Step<float[]> s = env.step(action);
            recorder.record(buffer, obs, action, s.reward(), s.observation(), s.terminated(), s.truncated());
            episodeReturn += s.reward();
            episodeLength++;
            if (s.terminated() || s.truncated()) {
                callback.onMetrics(t, Map.of("episode/return", episodeReturn, "episode/length",
                        (double) episodeLength));
                episodeReturn = 0;
                episodeLength = 0;
                agent.episodeEnded();
                needsReset = true;
            } else {
                System.arraycopy(s.observation(), 0, obs, 0, obsDim);
            }
            if (schedule.trainsAfter(t)) {
                for (int g = 0; g < schedule.gradientSteps(); g++) {
                    buffer.sample(schedule.batchSize(), replayRng, batch);
                    callback.onMetrics(t, agent.train(batch, t));
                }
            }
            if (TrainingCallback.due(callback.policyInterval(), t, t + 1)) {
                callback.onPolicy(t, greedy.get());
            }
            if (needsReset && store.due(t)) {
                store.save(t, env, w -> {
                    agent.save(w);
                    w.rngState("replay", Seeds.saveState(replayRng));
                    buffer.save("replay", w);
                });
            }
        }
    }
}
