package dev.quiver.rl.agent;

import dev.quiver.core.env.AbstractEnv;
import dev.quiver.core.env.Env;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.vector.FlatVectorEnv;
import dev.quiver.nn.checkpoint.CheckpointReader;
import dev.quiver.nn.checkpoint.CheckpointWriter;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Saves and restores the complete state of one training run for {@link TrainingCheckpoints}: the
 * learner adds its networks, optimizers, generators and replay buffer; this class adds what identifies the
 * run (algorithm, configuration, seed, step budget) and the env's generator, decides when a save is due,
 * and on resume checks that the saved state belongs to this run.
 *
 * <p>Saves happen at episode boundaries only, after the episode's last step and before the next reset,
 * so the env needs no state beyond its generator: a resumed run calls {@code env.reset()} with the
 * restored generator and starts the episode the uninterrupted run would have started. The env passed to
 * the learner must therefore be an {@link AbstractEnv} under stateless wrappers (those of
 * {@code Envs.make}: time limit, statistics; not e.g. observation normalisation).
 *
 * <p>A learner on a vector env (PPO) saves at the end of a rollout instead, when the copies are in the middle
 * of their episodes: it passes a {@link FlatVectorEnv} that {@link FlatVectorEnv#savesState() saves its
 * state}, whose complete state is stored as arrays {@code env/NAME} ({@link FlatVectorEnv#saveState()}) and
 * restored on resume, and whose env id joins the run's identity.
 */
public final class TrainingStateStore {
    private static final String ENV_RNG = "env";
    /** The prefix of a vector env's state arrays. */
    private static final String VECTOR_ENV_PREFIX = "env/";
    private final String algorithm;
    private final Map<String, Object> run;
    private final TrainingCheckpoints checkpoints;
    private long nextSave;

    /**
     * A store for one run.
     *
     * @param algorithm the algorithm's name as checkpoints record it (e.g. {@code dqn})
     * @param config the configuration as its {@code toMap()}
     * @param seed the run's root seed
     * @param steps the run's env-step budget
     */
    public TrainingStateStore(String algorithm, Map<String, Object> config, long seed, long steps,
            TrainingCheckpoints checkpoints) {
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints");
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("seed", seed);
        r.put("steps", steps);
        r.put("config", config);
        this.run = r;
        this.nextSave = checkpoints.everySteps();
    }

    /** Whether states are saved at all. */
    public boolean enabled() {
        return checkpoints.enabled();
    }

    /**
     * The saved state to continue from, or {@code null} to start from step 0 (not resuming, or nothing
     * saved yet). When a state is returned, the env's generator has been restored from it; the caller
     * restores its own parts and continues at {@code reader.step() + 1} with an {@code env.reset()}.
     *
     * @throws QuiverUserException if the saved state belongs to another algorithm, configuration, seed or
     *     step budget, or the env cannot restore its generator
     */
    public CheckpointReader resume(Env<?, ?> env) {
        CheckpointReader r = open(run);
        if (r == null) {
            return null;
        }
        byte[] envRng = r.rngState(ENV_RNG);
        if (envRng == null) {
            throw new QuiverUserException("training state " + checkpoints.dir() + " has no env generator state");
        }
        base(env).restoreRngState(envRng);
        nextSave = r.step() + 1 + checkpoints.everySteps();
        return r;
    }

    /**
     * The saved state to continue from, or {@code null} to start from step 0, for a learner on a vector env:
     * when a state is returned, {@code envs} is in the saved state (no reset needed); the caller restores its
     * own parts and continues at {@code reader.step() + 1}.
     *
     * @throws QuiverUserException if the saved state belongs to another algorithm, configuration, seed, step
     *     budget or env, or does not fit {@code envs}
     * @throws UnsupportedOperationException if {@code envs} cannot restore a state
     */
    public CheckpointReader resume(FlatVectorEnv envs) {
        CheckpointReader r = open(runOn(envs));
        if (r == null) {
            return null;
        }
        envs.restoreState(r.arrays(VECTOR_ENV_PREFIX));
        nextSave = r.step() + 1 + checkpoints.everySteps();
        return r;
    }

    /** The saved state if resuming and there is one, checked to belong to {@code expectedRun}; else null. */
    private CheckpointReader open(Map<String, Object> expectedRun) {
        if (!checkpoints.resume() || !Files.isDirectory(checkpoints.dir())) {
            return null;
        }
        CheckpointReader r = CheckpointReader.open(checkpoints.dir());
        if (!r.algorithm().equals(algorithm)) {
            throw new QuiverUserException("training state " + checkpoints.dir() + " was saved by '" + r.algorithm()
                    + "', not '" + algorithm + "'");
        }
        Map<String, Object> saved = r.config();
        Map<String, Object> expected = CheckpointReader.normalise(expectedRun);
        if (!expected.equals(saved)) {
            throw new QuiverUserException("training state " + checkpoints.dir() + " belongs to another run: saved "
                    + saved + ", this run " + expected);
        }
        return r;
    }

    /** The run's identity on a vector env: the run plus the env's id. */
    private Map<String, Object> runOn(FlatVectorEnv envs) {
        Map<String, Object> r = new LinkedHashMap<>(run);
        r.put("env", envs.spec().id());
        return r;
    }

    /** Whether a save is due after env step {@code t}, which ended an episode (or, on a vector env, a rollout). */
    public boolean due(long t) {
        return checkpoints.enabled() && t + 1 >= nextSave;
    }

    /**
     * Saves the state after env step {@code t} (an episode's last step; the env not reset since),
     * atomically replacing the previous one.
     *
     * @param parts adds the learner's networks, optimizers, generator states and arrays
     */
    public void save(long t, Env<?, ?> env, Consumer<CheckpointWriter> parts) {
        CheckpointWriter w = new CheckpointWriter().algorithm(algorithm).step(t).config(run);
        byte[] envRng = base(env).rngState();
        if (envRng == null) {
            throw new IllegalStateException("the env has not been reset yet");
        }
        w.rngState(ENV_RNG, envRng);
        parts.accept(w);
        w.write(checkpoints.dir());
        nextSave = t + 1 + checkpoints.everySteps();
    }

    /**
     * Saves the state after env step {@code t} (the last step of a rollout of {@code envs}, which
     * {@link FlatVectorEnv#savesState() saves its state}), atomically replacing the previous one.
     *
     * @param parts adds the learner's networks, optimizers, generator states and arrays (not under {@code env/})
     */
    public void save(long t, FlatVectorEnv envs, Consumer<CheckpointWriter> parts) {
        CheckpointWriter w = new CheckpointWriter().algorithm(algorithm).step(t).config(runOn(envs));
        w.arrays(VECTOR_ENV_PREFIX, envs.saveState());
        parts.accept(w);
        w.write(checkpoints.dir());
        nextSave = t + 1 + checkpoints.everySteps();
    }

    /**
     * The generator state saved under {@code name} in a training state.
     *
     * @throws QuiverUserException if there is none
     */
    public static byte[] requireRngState(CheckpointReader r, String name) {
        byte[] s = r.rngState(name);
        if (s == null) {
            throw new QuiverUserException("training state " + r.dir() + " has no '" + name + "' generator state");
        }
        return s;
    }

    private static AbstractEnv<?, ?> base(Env<?, ?> env) {
        if (env.unwrapped() instanceof AbstractEnv<?, ?> a) {
            return a;
        }
        throw new QuiverUserException("env '" + env.spec().id() + "' (" + env.unwrapped().getClass().getName()
                + ") cannot save its generator state, so its training state cannot be saved; build it on AbstractEnv"
                + " or run without training checkpoints");
    }
}
