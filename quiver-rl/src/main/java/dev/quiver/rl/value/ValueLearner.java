package dev.quiver.rl.value;

import dev.quiver.core.env.Env;
import dev.quiver.core.env.EnvSpec;
import dev.quiver.core.env.Step;
import dev.quiver.core.seed.Seeds;
import dev.quiver.nn.net.Network;
import dev.quiver.nn.net.NetworkSpec;
import dev.quiver.nn.optim.Adam;
import dev.quiver.nn.target.TargetNetworks;
import dev.quiver.nn.train.GradientStep;
import dev.quiver.rl.agent.Learner;
import dev.quiver.rl.agent.LossGuard;
import dev.quiver.rl.agent.SpaceChecks;
import dev.quiver.rl.agent.TrainedDiscretePolicy;
import dev.quiver.rl.agent.TrainingCallback;
import dev.quiver.rl.agent.TrainingCheckpoints;
import dev.quiver.rl.agent.TrainingStateStore;
import dev.quiver.nn.checkpoint.CheckpointReader;
import dev.quiver.rl.policy.EpsilonGreedy;
import dev.quiver.rl.replay.Batch;
import dev.quiver.rl.replay.NStepAccumulator;
import dev.quiver.rl.replay.ReplayBuffer;
import dev.quiver.rl.schedule.LinearSchedule;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The training loop shared by the DQN family (DQN, QR-DQN, …) on float32 Box observations and Discrete
 * actions: ε-greedy acting, n-step accumulation into a replay buffer, training rounds of several
 * gradient updates, target-network updates, metrics and the divergence guard. A subclass supplies only
 * what makes its algorithm: the network architecture ({@link #networkSpec()}), the update on a sampled
 * batch ({@link #newUpdate}) and the greedy policy over the online network ({@link #greedyPolicy}).
 *
 * <p>Each env step {@code t} (0-based): act ε-greedily with {@code ε = linear(startE → endE over
 * explorationFraction · steps)}; store the transition (through an {@link NStepAccumulator}, which passes
 * 1-step transitions through unchanged); once {@code t > learningStarts}, every {@code trainFrequency}
 * steps run {@code gradientSteps} updates, each on a freshly sampled batch (Stable-Baselines3's
 * {@code train_freq} and {@code gradient_steps}), and every {@code targetNetworkFrequency} steps move the
 * target network towards the online one ({@code tau = 1}: copy). The target network does not move
 * during a round's updates. The optimizer is Adam with the config's learning rate and ε.
 *
 * <p>Training state: with {@link TrainingCheckpoints} the run saves its state at the first episode end after
 * every {@code everySteps} env steps and can resume from it with exactly the numbers of an uninterrupted
 * run (see {@link TrainingStateStore}).
 *
 * <p>Randomness comes from {@code Seeds.of(seed)}: {@code child("env")} seeds the first env reset
 * (later resets continue the env's generator, as in Gymnasium), {@code child("replay")} the batch
 * sampling, {@code child("explore")} ε-greedy, {@code child("init")} the network. With the engine's
 * single intra-op thread (the default) a run is bit-reproducible.
 *
 * <p>Metrics passed to the callback: {@code train/loss}, {@code train/q_mean} (the mean over the batch
 * of the value of the action taken, as the update reports it) and {@code train/epsilon} after every
 * update (so {@code gradientSteps} times per round, all at the round's env step), and
 * {@code episode/return}, {@code episode/length} at the end of every episode.
 *
 * @param <C> the configuration type
 * @param <P> the trained policy type
 * @see <a href="https://doi.org/10.1038/nature14236">Mnih, V. et al. (2015). Human-level control
 *     through deep reinforcement learning. Nature 518:529</a>
 * @see <a href="https://jmlr.org/papers/v22/20-1364.html">Raffin, A. et al. (2021). Stable-Baselines3:
 *     Reliable Reinforcement Learning Implementations. JMLR 22(268)</a>
 */
public abstract class ValueLearner<C extends ValueLearningConfig, P extends TrainedDiscretePolicy>
        implements Learner<float[], Integer> {
    private final String algorithm;
    private final C config;
    private final EnvSpec spec;
    private final int obsDim;
    private final int numActions;

    /**
     * A learner for {@code spec}.
     *
     * @param algorithm the algorithm's name, for messages (e.g. {@code "DQN"})
     * @throws dev.quiver.core.error.QuiverUserException unless observations are a float32 Box and
     *     actions Discrete
     */
    protected ValueLearner(String algorithm, C config, EnvSpec spec) {
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.config = Objects.requireNonNull(config, "config");
        this.spec = Objects.requireNonNull(spec, "spec");
        this.obsDim = SpaceChecks.requireFloat32Box(algorithm, spec);
        this.numActions = SpaceChecks.requireDiscrete(algorithm, spec);
    }

    /** The update of one algorithm, bound to its networks and to the batch the loop samples into. */
    @FunctionalInterface
    public interface Update {
        /** One gradient step on the batch just sampled. */
        Result step();
    }

    /**
     * What one update measured.
     *
     * @param loss the loss before the update
     * @param qMean the mean over the batch of the (expected) value of the action taken
     */
    public record Result(double loss, double qMean) {
    }

    /** The online network's architecture (the target network is a copy of the online one). */
    protected abstract NetworkSpec networkSpec();

    /**
     * The algorithm's update.
     *
     * @param online the network being trained
     * @param target the target network (read only)
     * @param step the gradient step to run the loss through (Adam on {@code online}, clipping as configured)
     * @param batch the batch the loop samples into before each {@link Update#step()}
     */
    protected abstract Update newUpdate(Network online, Network target, GradientStep step, Batch batch);

    /**
     * The greedy policy over {@code online}: it acts (under ε-greedy) during training and is returned at
     * the end, owning the network.
     */
    protected abstract P greedyPolicy(Network online, long trainedSteps);

    /** The algorithm's name in saved training states (as its checkpoints name it, e.g. {@code dqn}). */
    protected String stateName() {
        return algorithm.toLowerCase(java.util.Locale.ROOT).replace("-", "");
    }

    /** The loss's name in divergence messages. */
    protected String lossName() {
        return "TD loss";
    }

    /** The configuration. */
    public C config() {
        return config;
    }

    @Override
    public EnvSpec spec() {
        return spec;
    }

    /** Floats per observation. */
    protected int obsDim() {
        return obsDim;
    }

    /** The number of actions. */
    protected int numActions() {
        return numActions;
    }

    @Override
    public P learn(Env<float[], Integer> env, long steps, long seed, TrainingCallback callback) {
        return learn(env, steps, seed, callback, TrainingCheckpoints.NONE);
    }

    @Override
    public boolean savesTrainingState() {
        return true;
    }

    /**
     * Trains, saving the training state at episode boundaries as {@code checkpoints} says and resuming from
     * a saved one: the online and target networks, Adam's moments, the replay buffer and the replay,
     * exploration and env generators (the n-step accumulator is empty at an episode boundary).
     */
    @Override
    public P learn(Env<float[], Integer> env, long steps, long seed, TrainingCallback callback,
            TrainingCheckpoints checkpoints) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, got " + steps);
        }
        SpaceChecks.requireSameSpaces(algorithm, spec, env.spec());
        Seeds seeds = Seeds.of(seed);
        UniformRandomProvider replayRng = seeds.child("replay").rng();
        UniformRandomProvider exploreRng = seeds.child("explore").rng();
        TrainingStateStore store = new TrainingStateStore(stateName(), config.toMap(), seed, steps, checkpoints);
        Network q = Network.create(networkSpec(), seeds.child("init"));
        P greedy;
        Adam.Config adamConfig = new Adam.Config(config.learningRate(), 0.9, 0.999, config.adamEpsilon(), 0, false);
        try (Network target = q.copy(); Adam adam = new Adam(adamConfig, q)) {
            GradientStep gradientStep = new GradientStep(adam, q.manager(), config.maxGradNorm());
            ReplayBuffer buffer = ReplayBuffer.discrete(config.bufferSize(), obsDim);
            NStepAccumulator nStep = NStepAccumulator.discrete(config.nStep(), config.gamma(), obsDim, buffer);
            Batch batch = buffer.newBatch(config.batchSize());
            Update update = newUpdate(q, target, gradientStep, batch);
            LinearSchedule epsilon = new LinearSchedule(config.startE(), config.endE(), config.explorationFraction(),
                    steps);
            greedy = greedyPolicy(q, steps);
            EpsilonGreedy<float[]> explore = new EpsilonGreedy<>(greedy, numActions, config.startE(), exploreRng);

            long start = 0;
            float[] obs;
            CheckpointReader saved = store.resume(env);
            if (saved == null) {
                obs = env.reset(seeds.child("env").seed()).observation().clone();
            } else {
                saved.restore("q", q);
                saved.restore("q_target", target);
                saved.restore("adam", adam);
                buffer.restore("replay", saved);
                Seeds.restoreState(replayRng, saved.rngState("replay"));
                Seeds.restoreState(exploreRng, saved.rngState("explore"));
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
                explore.setEpsilon(epsilon.value(t));
                int action = explore.act(obs);
                Step<float[]> s = env.step(action);
                nStep.add(obs, 0, action, s.reward(), s.observation(), 0, s.terminated(), s.truncated());
                episodeReturn += s.reward();
                episodeLength++;
                if (s.terminated() || s.truncated()) {
                    callback.onMetrics(t, Map.of("episode/return", episodeReturn, "episode/length",
                            (double) episodeLength));
                    episodeReturn = 0;
                    episodeLength = 0;
                    needsReset = true;
                } else {
                    System.arraycopy(s.observation(), 0, obs, 0, obsDim);
                }

                if (t > config.learningStarts()) {
                    if (t % config.trainFrequency() == 0) {
                        for (int g = 0; g < config.gradientSteps(); g++) {
                            buffer.sample(config.batchSize(), replayRng, batch);
                            Result r = update.step();
                            LossGuard.requireFinite(algorithm, lossName(), r.loss(), t);
                            callback.onMetrics(t, Map.of("train/loss", r.loss(), "train/q_mean", r.qMean(),
                                    "train/epsilon", explore.epsilon()));
                        }
                    }
                    if (t % config.targetNetworkFrequency() == 0) {
                        TargetNetworks.polyakUpdate(target, q, config.tau());
                    }
                }
                if (TrainingCallback.due(callback.policyInterval(), t, t + 1)) {
                    callback.onPolicy(t, greedy);
                }
                if (needsReset && store.due(t)) {
                    store.save(t, env, w -> {
                        w.network("q", q).network("q_target", target).optimizer("adam", adam)
                                .rngState("replay", Seeds.saveState(replayRng))
                                .rngState("explore", Seeds.saveState(exploreRng));
                        buffer.save("replay", w);
                    });
                }
            }
        } catch (RuntimeException | Error e) {
            q.close();
            throw e;
        }
        return greedy;
    }
}
