package dev.quiver.rl.dqn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.quiver.core.env.Env;
import dev.quiver.core.env.EnvSpec;
import dev.quiver.core.env.Step;
import dev.quiver.core.seed.Seeds;
import dev.quiver.nn.net.Network;
import dev.quiver.nn.optim.Adam;
import dev.quiver.nn.target.TargetNetworks;
import dev.quiver.nn.train.GradientStep;
import dev.quiver.nn.train.StepResult;
import dev.quiver.rl.agent.Learner;
import dev.quiver.rl.agent.LossGuard;
import dev.quiver.rl.agent.SpaceChecks;
import dev.quiver.rl.agent.TrainingCallback;
import dev.quiver.rl.policy.EpsilonGreedy;
import dev.quiver.rl.replay.Batch;
import dev.quiver.rl.replay.NStepAccumulator;
import dev.quiver.rl.replay.ReplayBuffer;
import dev.quiver.rl.schedule.LinearSchedule;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Deep Q-learning (DQN) with experience replay and a target network, optionally with double-Q
 * targets, a dueling network and n-step returns; written to read like CleanRL's {@code dqn.py}.
 *
 * <p>Each env step {@code t} (0-based): act ε-greedily with {@code ε = linear(startE → endE over
 * explorationFraction · steps)}; store the transition (through an {@link NStepAccumulator}, which passes
 * 1-step transitions through unchanged); once {@code t > learningStarts}, every {@code trainFrequency}
 * steps sample a batch and take one Adam step on the TD loss of
 * {@code y = R + γ^m (1 − terminated) Q_target(s', a*)} with {@code a* = argmax_a Q_target(s', a)}
 * ({@code argmax_a Q_online(s', a)} with double Q), and every {@code targetNetworkFrequency} steps move
 * the target network towards the online one ({@code tau = 1}: copy). Truncation (a time limit) still
 * bootstraps; only {@code terminated} stops it.
 *
 * <p>Randomness comes from {@code Seeds.of(seed)}: {@code child("env")} seeds the first env reset
 * (later resets continue the env's generator, as in Gymnasium), {@code child("replay")} the batch
 * sampling, {@code child("explore")} ε-greedy, {@code child("init")} the network. With the engine's
 * single intra-op thread (the default) a run is bit-reproducible.
 *
 * <p>Metrics passed to the callback: {@code train/loss}, {@code train/q_mean}, {@code train/epsilon}
 * after every update and {@code episode/return}, {@code episode/length} at the end of every episode.
 *
 * @see <a href="https://doi.org/10.1038/nature14236">Mnih, V. et al. (2015). Human-level control
 *     through deep reinforcement learning. Nature 518:529</a>
 * @see <a href="https://arxiv.org/abs/1509.06461">van Hasselt, H., Guez, A. and Silver, D. (2016). Deep
 *     Reinforcement Learning with Double Q-learning. AAAI. arXiv:1509.06461</a>
 * @see <a href="https://arxiv.org/abs/1511.06581">Wang, Z. et al. (2016). Dueling Network Architectures
 *     for Deep Reinforcement Learning. ICML. arXiv:1511.06581</a>
 * @see <a href="https://arxiv.org/abs/2111.08819">Huang, S. et al. (2022). CleanRL. JMLR.
 *     arXiv:2111.08819</a>
 */
public final class Dqn implements Learner<float[], Integer> {
    private static final String NAME = "DQN";
    private final DqnConfig config;
    private final EnvSpec spec;
    private final int obsDim;
    private final int numActions;

    /**
     * A learner for {@code spec}; see {@link DqnConfig#build}.
     *
     * @throws dev.quiver.core.error.QuiverUserException unless observations are a float32 Box and
     *     actions Discrete
     */
    Dqn(DqnConfig config, EnvSpec spec) {
        this.config = Objects.requireNonNull(config, "config");
        this.spec = Objects.requireNonNull(spec, "spec");
        this.obsDim = SpaceChecks.requireFloat32Box(NAME, spec);
        this.numActions = SpaceChecks.requireDiscrete(NAME, spec);
    }

    /** The configuration. */
    public DqnConfig config() {
        return config;
    }

    @Override
    public EnvSpec spec() {
        return spec;
    }

    @Override
    public DqnPolicy learn(Env<float[], Integer> env, long steps, long seed, TrainingCallback callback) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, got " + steps);
        }
        SpaceChecks.requireSameSpaces(NAME, spec, env.spec());
        Seeds seeds = Seeds.of(seed);
        UniformRandomProvider replayRng = seeds.child("replay").rng();
        Network q = Network.create(DqnPolicy.networkSpec(config, obsDim, numActions), seeds.child("init"));
        try (Network target = q.copy(); Adam adam = new Adam(Adam.Config.adam(config.learningRate()), q)) {
            GradientStep update = new GradientStep(adam, q.manager(), config.maxGradNorm());
            ReplayBuffer buffer = ReplayBuffer.discrete(config.bufferSize(), obsDim);
            NStepAccumulator nStep = NStepAccumulator.discrete(config.nStep(), config.gamma(), obsDim, buffer);
            Batch batch = buffer.newBatch(config.batchSize());
            TdUpdate td = new TdUpdate(q, target, update, batch);
            LinearSchedule epsilon = new LinearSchedule(config.startE(), config.endE(), config.explorationFraction(),
                    steps);
            DqnPolicy greedy = new DqnPolicy(q, config, spec.id(), obsDim, numActions, steps);
            EpsilonGreedy<float[]> explore = new EpsilonGreedy<>(greedy, numActions, config.startE(),
                    seeds.child("explore").rng());

            float[] obs = env.reset(seeds.child("env").seed()).observation().clone();
            double episodeReturn = 0;
            long episodeLength = 0;
            for (long t = 0; t < steps; t++) {
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
                    obs = env.reset().observation().clone();
                } else {
                    System.arraycopy(s.observation(), 0, obs, 0, obsDim);
                }

                if (t > config.learningStarts()) {
                    if (t % config.trainFrequency() == 0) {
                        buffer.sample(config.batchSize(), replayRng, batch);
                        StepResult r = td.step();
                        LossGuard.requireFinite(NAME, "TD loss", r.loss(), t);
                        callback.onMetrics(t, Map.of("train/loss", (double) r.loss(), "train/q_mean", td.lastQMean,
                                "train/epsilon", explore.epsilon()));
                    }
                    if (t % config.targetNetworkFrequency() == 0) {
                        TargetNetworks.polyakUpdate(target, q, config.tau());
                    }
                }
            }
        } catch (RuntimeException | Error e) {
            q.close();
            throw e;
        }
        return new DqnPolicy(q, config, spec.id(), obsDim, numActions, steps);
    }

    /** One gradient step on a sampled batch: targets without gradient, then the TD loss. */
    private final class TdUpdate {
        private final Network q;
        private final Network target;
        private final GradientStep update;
        private final Batch batch;
        private final float[] targets;
        private final float[] actionMask;
        private final double[] discounts;
        private double lastQMean;

        TdUpdate(Network q, Network target, GradientStep update, Batch batch) {
            this.q = q;
            this.target = target;
            this.update = update;
            this.batch = batch;
            this.targets = new float[config.batchSize()];
            this.actionMask = new float[config.batchSize() * numActions];
            this.discounts = new double[config.nStep() + 1];
            for (int m = 0; m < discounts.length; m++) {
                discounts[m] = Math.pow(config.gamma(), m);
            }
        }

        StepResult step() {
            computeTargets();
            int b = config.batchSize();
            java.util.Arrays.fill(actionMask, 0f);
            for (int k = 0; k < b; k++) {
                actionMask[k * numActions + batch.actions()[k]] = 1f;
            }
            return update.step(sub -> {
                NDArray qAll = q.forward(sub.create(batch.observations(), new Shape(b, obsDim)), true);
                NDArray qTaken = qAll.mul(sub.create(actionMask, new Shape(b, numActions))).sum(new int[] {1});
                NDArray delta = sub.create(targets, new Shape(b)).sub(qTaken);
                lastQMean = qTaken.mean().getFloat();
                return switch (config.loss()) {
                    case MSE -> delta.square().mean();
                    case HUBER -> {
                        NDArray abs = delta.abs();
                        NDArray quadratic = abs.minimum(1f);
                        yield quadratic.square().mul(0.5f).add(abs.sub(quadratic)).mean();
                    }
                };
            });
        }

        /** {@code y = R + γ^m (1 − terminated) Q_target(s', a*)}, computed outside the gradient tape. */
        private void computeTargets() {
            int b = config.batchSize();
            float[] qTarget;
            float[] qOnline = null;
            try (NDManager sub = q.manager().newSubManager()) {
                NDArray next = sub.create(batch.nextObservations(), new Shape(b, obsDim));
                qTarget = target.forward(next).toFloatArray();
                if (config.doubleQ()) {
                    qOnline = q.forward(next).toFloatArray();
                }
            }
            for (int k = 0; k < b; k++) {
                int from = k * numActions;
                int best = DqnPolicy.argmax(config.doubleQ() ? qOnline : qTarget, from, numActions);
                double bootstrap = batch.terminated()[k] ? 0 : discounts[batch.steps()[k]] * qTarget[from + best];
                targets[k] = (float) (batch.rewards()[k] + bootstrap);
            }
        }
    }
}
