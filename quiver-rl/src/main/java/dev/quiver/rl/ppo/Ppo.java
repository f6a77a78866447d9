package dev.quiver.rl.ppo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.quiver.core.env.Env;
import dev.quiver.core.env.EnvSpec;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.registry.Envs;
import dev.quiver.core.seed.Seeds;
import dev.quiver.core.state.NamedArrays;
import dev.quiver.core.vector.FlatVectorEnv;
import dev.quiver.core.vector.FlatVectorEnvs;
import dev.quiver.core.vector.SyncVectorEnv;
import dev.quiver.core.vector.VectorEnv;
import dev.quiver.core.wrapper.Wrapper;
import dev.quiver.nn.checkpoint.CheckpointReader;
import dev.quiver.nn.net.Network;
import dev.quiver.nn.optim.Adam;
import dev.quiver.nn.train.GradientStep;
import dev.quiver.nn.train.StepResult;
import dev.quiver.rl.agent.Learner;
import dev.quiver.rl.agent.LossGuard;
import dev.quiver.rl.agent.SpaceChecks;
import dev.quiver.rl.agent.TrainingCallback;
import dev.quiver.rl.agent.TrainingCheckpoints;
import dev.quiver.rl.agent.TrainingStateStore;
import dev.quiver.rl.policy.Categorical;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Proximal policy optimisation (PPO) with the clipped surrogate objective and GAE, for discrete actions;
 * written to read like CleanRL's {@code ppo.py}.
 *
 * <p>Each iteration: collect a rollout of {@code numSteps} steps of a vector env of {@code numEnvs} copies,
 * sampling actions from {@code softmax(actor(s))}; compute advantages and value targets with
 * {@link Gae} (a termination bootstraps with 0; a truncation bootstraps with the critic's value of the
 * final observation, where CleanRL bootstraps with 0 for both — we follow Gymnasium's distinction); then
 * {@code updateEpochs} passes over the rollout in {@code numMinibatches} shuffled minibatches, each one Adam
 * step (Adam's eps = 1e-5, as CleanRL) on
 * {@code L = −min(r A, clip(r, 1 ± ε) A) − entCoef · H + vfCoef · ½ max((V − R)², (V_old + clip(V − V_old,
 * ±ε) − R)²)} with {@code r = π(a|s) / π_old(a|s)}, advantages normalised per minibatch ({@code normAdv}),
 * the value loss unclipped unless {@code clipVloss}, and the joint gradient of actor and critic clipped to global
 * norm {@code maxGradNorm}. With {@code annealLr} the learning rate of iteration {@code k} (0-based) of
 * {@code K} is {@code lr · (1 − k / K)} (CleanRL's schedule); with {@code annealClip} ε is
 * {@code clipCoef · (1 − k / K)} likewise (for the surrogate and, with {@code clipVloss}, the value clip).
 *
 * <p><b>Vector env and autoreset.</b> Rollouts come from a vector env with Gymnasium's next-step autoreset
 * ({@link VectorEnv}, {@link FlatVectorEnv}): when copy {@code i}'s step ends an episode, its next step does not
 * act but resets it (the action is ignored, the reward is 0). Such an <em>autoreset step</em> is kept in the
 * rollout buffer (it occupies a slot, so the rollout keeps its {@code numEnvs × numSteps} shape and counts
 * as {@code numEnvs} env steps per vector step, as in Gymnasium and CleanRL) but is not a transition: the
 * learner knows which steps they are (the step after a termination or truncation of the same copy), GAE
 * gives them no advantage and does not chain through them ({@link Gae}), and the update leaves them out:
 * each epoch shuffles only the rollout's {@code m} real transitions and splits them into
 * {@code numMinibatches} minibatches of {@code ⌊m / numMinibatches⌋} or {@code ⌈m / numMinibatches⌉}
 * entries (so advantage normalisation, every loss term and the logged means see real transitions only,
 * and the networks never see an autoreset step's observation during the update). The observation such a
 * step starts from is the ended episode's final observation, so its critic value is exactly the bootstrap
 * a truncation needs (or, when the episode ends at the rollout's last step, the value of the observation
 * after the rollout).
 *
 * <p>{@link #learn(Env, long, long, TrainingCallback)} builds its own vector env of {@code numEnvs} copies
 * and closes it at the end: when {@code env} is exactly what {@code Envs.make(env.spec().id())} builds
 * (the same chain of wrapper classes and the same spec) and a struct-of-arrays version of the id is offered
 * ({@link FlatVectorEnvs}, e.g. the classic-control envs of quiver-envs), that allocation-free
 * {@link FlatVectorEnv}; otherwise a {@link SyncVectorEnv} whose copy 0 is {@code env} itself (not closed)
 * and whose other copies are {@code Envs.make(env.spec().id())} (so they must be registered; wrappers around
 * the passed env are not repeated on them). Options given to {@code Envs.make} that change neither the
 * wrapper chain nor the spec (e.g. CartPole's {@code sutton_barto_reward}) cannot be seen from {@code env};
 * to train on such copies, pass a vector env to {@link #learn(VectorEnv, long, long, TrainingCallback)}.
 * Both routes play the same episodes for the same seed (the flat envs are bit-equal to their single-env
 * versions). The run takes {@code ceil(steps / (numEnvs · numSteps))} iterations: the step count is rounded
 * up to whole rollouts, and the returned policy's {@code trainedSteps()} says how many.
 *
 * <p><b>Training state.</b> With {@link TrainingCheckpoints} the run saves its complete state at the end of the
 * first rollout (after its update and callbacks) at or after every {@code everySteps} env steps, and a resumed
 * run gives exactly the metrics and networks of an uninterrupted one with the same seed. The state holds the
 * actor and critic, Adam's moments and step count, the number of iterations done (which fixes the annealing
 * schedules' position), the action and minibatch generators, each copy's episode return, length and pending
 * autoreset, and the vector env's complete state (mid-episode: {@link FlatVectorEnv#saveState()}), under a
 * {@link TrainingStateStore} that also records the env id. So it needs a vector env that
 * {@link FlatVectorEnv#savesState() saves its state}: through {@link #learn(Env, long, long, TrainingCallback,
 * TrainingCheckpoints)} the struct-of-arrays version of an env built as {@code Envs.make(id)} builds it (the
 * classic-control envs); on the {@link SyncVectorEnv} route, and with a vector env that cannot save its state,
 * training checkpoints are refused ({@link #savesTrainingState(Env)} says which).
 *
 * <p>Randomness comes from {@code Seeds.of(seed)}: the vector env is reset once with
 * {@code child("env").seed()} (copy {@code i} gets that seed {@code + i} and continues its generator across
 * autoresets), {@code child("action")} drives the action sampling, {@code child("minibatch")} the shuffling,
 * {@code child("init").child("actor"|"critic")} the networks. With the engine's single intra-op thread (the
 * default) a run is bit-reproducible.
 *
 * <p>Metrics passed to the callback: {@code episode/return}, {@code episode/length} at the end of every
 * episode, and after every iteration the means over its minibatches of {@code train/loss},
 * {@code train/policy_loss}, {@code train/value_loss}, {@code train/entropy}, {@code train/approx_kl},
 * {@code train/clipfrac}, plus {@code train/learning_rate} and {@code train/clip_coef}.
 *
 * @see <a href="https://arxiv.org/abs/1707.06347">Schulman, J. et al. (2017). Proximal Policy Optimization
 *     Algorithms. arXiv:1707.06347</a>
 * @see <a href="https://arxiv.org/abs/1506.02438">Schulman, J. et al. (2016). High-Dimensional Continuous
 *     Control Using Generalized Advantage Estimation. ICLR. arXiv:1506.02438</a>
 * @see <a href="https://arxiv.org/abs/2111.08819">Huang, S. et al. (2022). CleanRL. JMLR.
 *     arXiv:2111.08819</a>
 */
public final class Ppo implements Learner<float[], Integer> {
    private static final String NAME = "PPO";
    /** The prefix of PPO's own arrays in a training state (the store keeps the vector env's under {@code env/}). */
    private static final String STATE_PREFIX = "ppo/";
    private final PpoConfig config;
    private final EnvSpec spec;
    private final int obsDim;
    private final int numActions;

    /**
     * A learner for {@code spec}; see {@link PpoConfig#build}.
     *
     * @throws dev.quiver.core.error.QuiverUserException unless observations are a float32 Box and
     *     actions Discrete
     */
    Ppo(PpoConfig config, EnvSpec spec) {
        this.config = Objects.requireNonNull(config, "config");
        this.spec = Objects.requireNonNull(spec, "spec");
        this.obsDim = SpaceChecks.requireFloat32Box(NAME, spec);
        this.numActions = SpaceChecks.requireDiscrete(NAME, spec);
    }

    /** The configuration. */
    public PpoConfig config() {
        return config;
    }

    @Override
    public EnvSpec spec() {
        return spec;
    }

    /**
     * Trains on a vector env of {@code numEnvs} copies of {@code env} that this method builds and closes (see
     * the class comment for which kind); {@code env} itself is not closed.
     */
    @Override
    public PpoPolicy learn(Env<float[], Integer> env, long steps, long seed, TrainingCallback callback) {
        return learn(env, steps, seed, callback, TrainingCheckpoints.NONE);
    }

    /**
     * Whether PPO can save its training state on envs of its spec built as {@code Envs.make(spec.id())} builds
     * them: when a struct-of-arrays vector env of the id is offered and {@link FlatVectorEnv#savesState() saves
     * its state} (the classic-control envs of quiver-envs do).
     */
    @Override
    public boolean savesTrainingState() {
        return flatVersionSavesState(spec);
    }

    /**
     * Whether PPO can save its training state on {@code env}: when {@link #learn(Env, long, long,
     * TrainingCallback)} would train on a struct-of-arrays vector env that saves its state (not on a
     * {@link SyncVectorEnv}).
     */
    @Override
    public boolean savesTrainingState(Env<float[], Integer> env) {
        return isAsRegistered(env) && flatVersionSavesState(env.spec());
    }

    private static boolean flatVersionSavesState(EnvSpec spec) {
        Optional<FlatVectorEnv> flat = FlatVectorEnvs.make(spec.id(), 1);
        if (flat.isEmpty()) {
            return false;
        }
        try (FlatVectorEnv f = flat.get()) {
            return f.spec().equals(spec) && f.savesState();
        }
    }

    /**
     * Trains like {@link #learn(Env, long, long, TrainingCallback)}, saving the training state at rollout
     * boundaries as {@code checkpoints} says and resuming from a saved one (see the class comment).
     *
     * @throws QuiverUserException if {@code checkpoints} are enabled but {@code env} does not get a vector env
     *     that saves its state ({@link #savesTrainingState(Env)}), or the saved state belongs to another run
     */
    @Override
    public PpoPolicy learn(Env<float[], Integer> env, long steps, long seed, TrainingCallback callback,
            TrainingCheckpoints checkpoints) {
        requirePositive(steps);
        SpaceChecks.requireSameSpaces(NAME, spec, env.spec());
        try (FlatVectorEnv envs = vectorOf(env)) {
            if (checkpoints.enabled() && !envs.savesState()) {
                throw new QuiverUserException(NAME + " cannot save its training state on env '" + env.spec().id()
                        + "': the state includes the vector env's, and only the struct-of-arrays vector env of an env"
                        + " built exactly as Envs.make(id) builds it (offered for " + FlatVectorEnvs.ids()
                        + ") can save it, while this env runs on " + (envs instanceof DiscreteVectorAdapter
                                ? "a SyncVectorEnv of its copies" : envs.getClass().getName() + ", which cannot")
                        + "; train without training checkpoints (quiver train: --checkpoint-every 0)");
            }
            return learn(envs, steps, seed, callback, checkpoints);
        }
    }

    /**
     * Trains on {@code envs} (next-step autoreset, as {@link VectorEnv} specifies), which must have
     * {@code numEnvs} copies; it is reset by the learner and not closed.
     *
     * @throws QuiverUserException if its spaces differ from the learner's or its number of copies from
     *     {@code numEnvs}, or training diverges
     */
    public PpoPolicy learn(VectorEnv<float[], Integer> envs, long steps, long seed, TrainingCallback callback) {
        SpaceChecks.requireSameSpaces(NAME, spec, envs.spec());
        return learn(new DiscreteVectorAdapter(envs, obsDim, false), steps, seed, callback);
    }

    /**
     * Trains on {@code envs} (next-step autoreset, as {@link FlatVectorEnv} specifies), which must have
     * {@code numEnvs} copies; it is reset by the learner and not closed.
     *
     * @throws QuiverUserException if its spaces differ from the learner's or its number of copies from
     *     {@code numEnvs}, or training diverges
     */
    public PpoPolicy learn(FlatVectorEnv envs, long steps, long seed, TrainingCallback callback) {
        return learn(envs, steps, seed, callback, TrainingCheckpoints.NONE);
    }

    /**
     * Trains on {@code envs} like {@link #learn(FlatVectorEnv, long, long, TrainingCallback)}, saving the training
     * state at rollout boundaries as {@code checkpoints} says and resuming from a saved one (then {@code envs} is
     * put into the saved state, not reset).
     *
     * @throws QuiverUserException as the overload without checkpoints, and if {@code checkpoints} are enabled but
     *     {@code envs} cannot {@link FlatVectorEnv#savesState() save its state}, or the saved state belongs to
     *     another run (algorithm, configuration, seed, step budget or env id)
     */
    public PpoPolicy learn(FlatVectorEnv envs, long steps, long seed, TrainingCallback callback,
            TrainingCheckpoints checkpoints) {
        requirePositive(steps);
        SpaceChecks.requireSameSpaces(NAME, spec, envs.spec());
        if (envs.numEnvs() != config.numEnvs()) {
            throw new QuiverUserException(NAME + ": the vector env of " + envs.spec().id() + " has " + envs.numEnvs()
                    + " copies but the config's numEnvs is " + config.numEnvs() + "; they must be equal");
        }
        if (envs.observationSize() != obsDim) {
            throw new QuiverUserException(NAME + ": the vector env of " + envs.spec().id() + " gives observations of "
                    + envs.observationSize() + " floats, the learner expects " + obsDim);
        }
        if (checkpoints.enabled() && !envs.savesState()) {
            throw new QuiverUserException(NAME + ": the vector env of " + envs.spec().id() + " ("
                    + envs.getClass().getName() + ") cannot save its state, so PPO cannot save its training state"
                    + " on it; train without training checkpoints");
        }
        TrainingStateStore store = new TrainingStateStore(PpoPolicy.ALGORITHM, config.toMap(), seed, steps,
                checkpoints);
        Seeds seeds = Seeds.of(seed);
        int batch = config.batchSize();
        long iterations = (steps + batch - 1) / batch;
        Network actor = Network.create(PpoPolicy.actorSpec(config, obsDim, numActions),
                seeds.child("init").child("actor"));
        Network critic = null;
        try {
            critic = Network.create(PpoPolicy.criticSpec(config, obsDim), seeds.child("init").child("critic"));
            Adam.Config adamConfig = new Adam.Config(config.learningRate(), 0.9, 0.999, 1e-5, 0, false);
            try (AnnealedOptimizer optimizer = new AnnealedOptimizer(new Adam(adamConfig, actor, critic))) {
                new Run(actor, critic, optimizer, envs, seeds, callback, store).train(iterations);
            }
        } catch (RuntimeException | Error e) {
            actor.close();
            if (critic != null) {
                critic.close();
            }
            throw e;
        }
        return new PpoPolicy(actor, critic, config, spec.id(), obsDim, numActions, iterations * batch);
    }

    private static void requirePositive(long steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, got " + steps);
        }
    }

    /** The vector env {@link #learn(Env, long, long, TrainingCallback)} trains on (see the class comment). */
    private FlatVectorEnv vectorOf(Env<float[], Integer> env) {
        String id = env.spec().id();
        int n = config.numEnvs();
        if (isAsRegistered(env)) {
            Optional<FlatVectorEnv> flat = FlatVectorEnvs.make(id, n);
            if (flat.isPresent()) {
                if (flat.get().spec().equals(env.spec())) {
                    return flat.get();
                }
                flat.get().close();
            }
        }
        List<Env<float[], Integer>> copies = new ArrayList<>(n);
        copies.add(new Borrowed(env));
        try {
            for (int i = 1; i < n; i++) {
                Env<float[], Integer> copy = Envs.make(id);
                copies.add(copy);
                SpaceChecks.requireSameSpaces(NAME, spec, copy.spec());
            }
        } catch (RuntimeException e) {
            copies.forEach(Env::close);
            throw e;
        }
        Iterator<Env<float[], Integer>> it = copies.iterator();
        return new DiscreteVectorAdapter(new SyncVectorEnv<>(it::next, n), obsDim, true);
    }

    /**
     * Whether {@code env} is built as {@code Envs.make(env.spec().id())} builds it: the same chain of wrapper
     * classes down to the same env class, and the same spec (so the same time limit).
     */
    static boolean isAsRegistered(Env<?, ?> env) {
        String id = env.spec().id();
        if (!Envs.all().stream().anyMatch(r -> r.id().equals(id))) {
            return false;
        }
        try (Env<?, ?> probe = Envs.make(id)) {
            if (!probe.spec().equals(env.spec())) {
                return false;
            }
            Env<?, ?> a = env;
            Env<?, ?> b = probe;
            while (a.getClass() == b.getClass()) {
                if (!(a instanceof Wrapper<?, ?> wa)) {
                    return true;
                }
                a = wa.inner();
                b = ((Wrapper<?, ?>) b).inner();
            }
            return false;
        }
    }

    /** The caller's env as copy 0 of a {@link SyncVectorEnv}: closing the vector env leaves it open. */
    private static final class Borrowed extends Wrapper<float[], Integer> {
        Borrowed(Env<float[], Integer> env) {
            super(env);
        }

        @Override
        public void close() {
        }
    }

    /** The state of one training run: rollout storage, the vector env, minibatch buffers. */
    private final class Run {
        private final Network actor;
        private final Network critic;
        private final AnnealedOptimizer optimizer;
        private final GradientStep update;
        private final FlatVectorEnv envs;
        private final TrainingCallback callback;
        private final TrainingStateStore store;
        private final long envSeed;
        private final UniformRandomProvider actionRng;
        private final UniformRandomProvider minibatchRng;
        private final int n = config.numEnvs();
        private final int batch = config.batchSize();
        private final int maxMb = config.minibatchSize();
        // rollout, step-major: entry t * n + i
        private final float[] obs = new float[batch * obsDim];
        private final int[] actions = new int[batch];
        private final float[] logProbs = new float[batch];
        private final float[] rewards = new float[batch];
        private final boolean[] terminated = new boolean[batch];
        private final boolean[] truncated = new boolean[batch];
        private final boolean[] autoreset = new boolean[batch];
        private final float[] values = new float[batch];
        private final float[] advantages = new float[batch];
        private final float[] returns = new float[batch];
        // per copy: the observation it is at, whether its next step is an autoreset, episode statistics
        private final float[] current;
        private final boolean[] resetDue;
        private final int[] stepActions;
        private final double[] episodeReturn;
        private final long[] episodeLength;
        // the rollout's real transitions (not autoreset steps), shuffled each epoch
        private final int[] real = new int[batch];
        private int numReal;
        // minibatch: its first mb rows are in use
        private final float[] mbObs = new float[maxMb * obsDim];
        private final float[] mbMask = new float[maxMb * numActions];
        private final float[] mbLogProbs = new float[maxMb];
        private final float[] mbAdvantages = new float[maxMb];
        private final float[] mbReturns = new float[maxMb];
        private final float[] mbValues = new float[maxMb];
        private int mb;
        private float clip;
        private final double[] sums = new double[5]; // policy loss, value loss, entropy, approx kl, clipfrac

        Run(Network actor, Network critic, AnnealedOptimizer optimizer, FlatVectorEnv envs, Seeds seeds,
                TrainingCallback callback, TrainingStateStore store) {
            this.actor = actor;
            this.critic = critic;
            this.optimizer = optimizer;
            this.update = new GradientStep(optimizer, actor.manager(), config.maxGradNorm());
            this.envs = envs;
            this.callback = callback;
            this.store = store;
            this.envSeed = seeds.child("env").seed();
            this.actionRng = seeds.child("action").rng();
            this.minibatchRng = seeds.child("minibatch").rng();
            this.current = new float[n * obsDim];
            this.resetDue = new boolean[n];
            this.stepActions = new int[n];
            this.episodeReturn = new double[n];
            this.episodeLength = new long[n];
        }

        void train(long iterations) {
            for (long it = begin(iterations); it < iterations; it++) {
                double factor = 1.0 - (double) it / iterations;
                optimizer.setFactor(config.annealLr() ? factor : 1.0);
                clip = (float) (config.clipCoef() * (config.annealClip() ? factor : 1.0));
                long firstStep = it * batch;
                rollout(firstStep);
                computeAdvantages();
                numReal = 0;
                for (int k = 0; k < batch; k++) {
                    if (!autoreset[k]) {
                        real[numReal++] = k;
                    }
                }
                Arrays.fill(sums, 0);
                double lossSum = 0;
                int updates = 0;
                int numMb = config.numMinibatches();
                for (int epoch = 0; epoch < config.updateEpochs(); epoch++) {
                    shuffle();
                    for (int j = 0; j < numMb; j++) {
                        // minibatch j: real[from, to), sizes floor or ceil of numReal / numMinibatches
                        int from = (int) ((long) j * numReal / numMb);
                        int to = (int) ((long) (j + 1) * numReal / numMb);
                        if (to == from) {
                            continue;
                        }
                        gather(from, to);
                        StepResult r = update.step(this::loss);
                        LossGuard.requireFinite(NAME, "PPO loss", r.loss(), firstStep + batch - 1);
                        lossSum += r.loss();
                        updates++;
                    }
                }
                Map<String, Double> m = new LinkedHashMap<>();
                if (updates > 0) {
                    m.put("train/loss", lossSum / updates);
                    m.put("train/policy_loss", sums[0] / updates);
                    m.put("train/value_loss", sums[1] / updates);
                    m.put("train/entropy", sums[2] / updates);
                    m.put("train/approx_kl", sums[3] / updates);
                    m.put("train/clipfrac", sums[4] / updates);
                }
                m.put("train/learning_rate", config.learningRate() * (config.annealLr() ? factor : 1.0));
                m.put("train/clip_coef", config.clipCoef() * (config.annealClip() ? factor : 1.0));
                callback.onMetrics(firstStep + batch - 1, m);
                if (TrainingCallback.due(callback.policyInterval(), firstStep, firstStep + batch)) {
                    callback.onPolicy(firstStep + batch - 1, new PpoPolicy(actor, critic, config, spec.id(), obsDim,
                            numActions, firstStep + batch));
                }
                if (store.due(firstStep + batch - 1)) {
                    save(firstStep + batch - 1, it + 1);
                }
            }
        }

        /**
         * Resets the vector env, or restores a saved training state (the vector env's included); returns the
         * first iteration to run.
         */
        private long begin(long iterations) {
            CheckpointReader saved = store.resume(envs);
            long first = 0;
            if (saved == null) {
                envs.reset(envSeed);
            } else {
                saved.restore("actor", actor);
                saved.restore("critic", critic);
                saved.restore("adam", optimizer);
                Seeds.restoreState(actionRng, TrainingStateStore.requireRngState(saved, "action"));
                Seeds.restoreState(minibatchRng, TrainingStateStore.requireRngState(saved, "minibatch"));
                NamedArrays own = saved.arrays(STATE_PREFIX);
                first = own.longs("iterations", 1)[0];
                if (first < 1 || first > iterations || first * batch != saved.step() + 1) {
                    throw new QuiverUserException("training state " + saved.dir() + ": " + first + " iterations of "
                            + batch + " env steps do not end at its step " + saved.step() + " within this run's "
                            + iterations + " iterations");
                }
                System.arraycopy(own.booleans("reset_due", n), 0, resetDue, 0, n);
                System.arraycopy(own.doubles("episode_return", n), 0, episodeReturn, 0, n);
                System.arraycopy(own.longs("episode_length", n), 0, episodeLength, 0, n);
            }
            System.arraycopy(envs.observations(), 0, current, 0, n * obsDim);
            return first;
        }

        /** Saves the training state after env step {@code step}, the last of iteration {@code iterationsDone - 1}. */
        private void save(long step, long iterationsDone) {
            NamedArrays own = new NamedArrays(NAME + " training state").put("iterations", new long[] {iterationsDone})
                    .put("reset_due", resetDue).put("episode_return", episodeReturn)
                    .put("episode_length", episodeLength);
            store.save(step, envs, w -> w.network("actor", actor).network("critic", critic).optimizer("adam", optimizer)
                    .rngState("action", Seeds.saveState(actionRng)).rngState("minibatch", Seeds.saveState(minibatchRng))
                    .arrays(STATE_PREFIX, own));
        }

        /**
         * Steps the vector env {@code numSteps} times, sampling from the actor, and marks each copy's step after
         * an episode end as an autoreset step (the env ignores its action and reports the reset).
         */
        private void rollout(long firstStep) {
            double[] probs = new double[numActions];
            for (int t = 0; t < config.numSteps(); t++) {
                float[] logits = forward(actor, current, n);
                for (int i = 0; i < n; i++) {
                    int k = t * n + i;
                    System.arraycopy(current, i * obsDim, obs, k * obsDim, obsDim);
                    Categorical.softmax(logits, i * numActions, numActions, probs);
                    // sampled even for an autoreset step, so the stream does not branch
                    int a = Categorical.sample(probs, actionRng);
                    actions[k] = a;
                    stepActions[i] = a;
                    logProbs[k] = (float) Math.log(probs[a]);
                    autoreset[k] = resetDue[i];
                }
                envs.step(stepActions);
                double[] r = envs.rewards();
                boolean[] te = envs.terminations();
                boolean[] tr = envs.truncations();
                for (int i = 0; i < n; i++) {
                    int k = t * n + i;
                    if (autoreset[k]) {
                        if (te[i] || tr[i]) {
                            throw new IllegalStateException(envs.spec().id() + ": copy " + i + " reported an episode "
                                    + "end on its autoreset step; the vector env must follow next-step autoreset");
                        }
                        rewards[k] = 0;
                        terminated[k] = false;
                        truncated[k] = false;
                        resetDue[i] = false;
                        continue;
                    }
                    rewards[k] = (float) r[i];
                    terminated[k] = te[i];
                    truncated[k] = tr[i] && !te[i];
                    episodeReturn[i] += r[i];
                    episodeLength[i]++;
                    if (te[i] || tr[i]) {
                        callback.onMetrics(firstStep + k, Map.of("episode/return", episodeReturn[i], "episode/length",
                                (double) episodeLength[i]));
                        episodeReturn[i] = 0;
                        episodeLength[i] = 0;
                        resetDue[i] = true;
                    }
                }
                System.arraycopy(envs.observations(), 0, current, 0, n * obsDim);
            }
        }

        /** Values of the rollout and of the observations after it, then GAE. */
        private void computeAdvantages() {
            System.arraycopy(forward(critic, obs, batch), 0, values, 0, batch);
            float[] lastValues = forward(critic, current, n);
            Gae.compute(rewards, values, terminated, truncated, autoreset, lastValues, n, config.gamma(),
                    config.gaeLambda(), advantages, returns);
        }

        /** Shuffles the real transitions in place (Fisher–Yates). */
        private void shuffle() {
            for (int j = numReal - 1; j > 0; j--) {
                int r = minibatchRng.nextInt(j + 1);
                int tmp = real[j];
                real[j] = real[r];
                real[r] = tmp;
            }
        }

        /** Copies the real transitions {@code real[from .. to)} as the minibatch and normalises its advantages. */
        private void gather(int from, int to) {
            mb = to - from;
            Arrays.fill(mbMask, 0, mb * numActions, 0f);
            double mean = 0;
            for (int j = 0; j < mb; j++) {
                int k = real[from + j];
                System.arraycopy(obs, k * obsDim, mbObs, j * obsDim, obsDim);
                mbMask[j * numActions + actions[k]] = 1f;
                mbLogProbs[j] = logProbs[k];
                mbAdvantages[j] = advantages[k];
                mbReturns[j] = returns[k];
                mbValues[j] = values[k];
                mean += advantages[k];
            }
            if (config.normAdv() && mb > 1) {
                mean /= mb;
                double ss = 0;
                for (int j = 0; j < mb; j++) {
                    ss += (mbAdvantages[j] - mean) * (mbAdvantages[j] - mean);
                }
                double std = Math.sqrt(ss / (mb - 1)); // unbiased, as torch.std
                for (int j = 0; j < mb; j++) {
                    mbAdvantages[j] = (float) ((mbAdvantages[j] - mean) / (std + 1e-8));
                }
            }
        }

        /** The PPO loss of the gathered minibatch (clipped surrogate, entropy bonus, optionally clipped value loss). */
        private NDArray loss(NDManager sub) {
            float eps = clip;
            NDArray x = sub.create(prefix(mbObs, mb * obsDim), new Shape(mb, obsDim));
            NDArray logp = actor.forward(x, true).logSoftmax(1);
            NDArray newLogProb = logp.mul(sub.create(prefix(mbMask, mb * numActions), new Shape(mb, numActions)))
                    .sum(new int[] {1});
            NDArray entropy = logp.exp().mul(logp).sum(new int[] {1}).neg().mean();
            NDArray logRatio = newLogProb.sub(rows(sub, mbLogProbs));
            NDArray ratio = logRatio.exp();
            NDArray negAdv = rows(sub, mbAdvantages).neg();
            NDArray policyLoss = negAdv.mul(ratio).maximum(negAdv.mul(ratio.clip(1 - eps, 1 + eps))).mean();

            NDArray v = critic.forward(x, true).reshape(new Shape(mb));
            NDArray ret = rows(sub, mbReturns);
            NDArray unclipped = v.sub(ret).square();
            NDArray valueLoss;
            if (config.clipVloss()) {
                NDArray old = rows(sub, mbValues);
                NDArray clipped = old.add(v.sub(old).clip(-eps, eps)).sub(ret).square();
                valueLoss = unclipped.maximum(clipped).mean().mul(0.5f);
            } else {
                valueLoss = unclipped.mean().mul(0.5f);
            }
            sums[0] += policyLoss.getFloat();
            sums[1] += valueLoss.getFloat();
            sums[2] += entropy.getFloat();
            sums[3] += ratio.sub(1f).sub(logRatio).mean().getFloat();
            sums[4] += ratio.sub(1f).abs().gt(eps).toType(DataType.FLOAT32, false).mean().getFloat();
            return policyLoss.sub(entropy.mul((float) config.entCoef())).add(valueLoss.mul((float) config.vfCoef()));
        }

        /** The first {@code mb} entries of a minibatch buffer as a vector. */
        private NDArray rows(NDManager sub, float[] buffer) {
            return sub.create(prefix(buffer, mb), new Shape(mb));
        }

        /** {@code buffer} itself if it has {@code length} entries, else a copy of its first {@code length}. */
        private static float[] prefix(float[] buffer, int length) {
            return length == buffer.length ? buffer : Arrays.copyOf(buffer, length);
        }

        /** {@code net} on {@code rows} observations (inference mode), flattened. */
        private float[] forward(Network net, float[] x, int rows) {
            try (NDManager sub = actor.manager().newSubManager()) {
                NDArray in = rows * obsDim == x.length ? sub.create(x, new Shape(rows, obsDim))
                        : sub.create(Arrays.copyOf(x, rows * obsDim), new Shape(rows, obsDim));
                return net.forward(in).toFloatArray();
            }
        }
    }
}
