package dev.quiver.rl.td3;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.quiver.core.env.Env;
import dev.quiver.core.env.EnvSpec;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.seed.Seeds;
import dev.quiver.nn.checkpoint.CheckpointReader;
import dev.quiver.nn.checkpoint.CheckpointWriter;
import dev.quiver.nn.checkpoint.Tensor;
import dev.quiver.nn.net.Network;
import dev.quiver.nn.optim.Adam;
import dev.quiver.nn.target.TargetNetworks;
import dev.quiver.nn.train.GradientStep;
import dev.quiver.nn.train.StepResult;
import dev.quiver.rl.actorcritic.ActionScaling;
import dev.quiver.rl.actorcritic.BellmanTargets;
import dev.quiver.rl.actorcritic.ContinuousActorCritic;
import dev.quiver.rl.actorcritic.Critics;
import dev.quiver.rl.actorcritic.ExplorationNoise;
import dev.quiver.rl.actorcritic.GaussianDraws;
import dev.quiver.rl.actorcritic.MlpSpecs;
import dev.quiver.rl.actorcritic.OffPolicyAgent;
import dev.quiver.rl.actorcritic.OffPolicyLoop;
import dev.quiver.rl.agent.LossGuard;
import dev.quiver.rl.agent.TrainingCallback;
import dev.quiver.rl.agent.TrainingStateStore;
import dev.quiver.rl.replay.Batch;
import dev.quiver.rl.replay.ReplayBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Twin delayed deep deterministic policy gradient (TD3) for bounded continuous actions; written to follow
 * Stable-Baselines3's {@code TD3.train}.
 *
 * <p>The deterministic actor {@code μ(s) = tanh(MLP(s))} acts in {@code [−1, 1]}; {@link ActionScaling}
 * maps its actions onto the env's Box, and the replay buffer and critics hold the unit actions. Experience
 * is collected by {@link OffPolicyLoop}: uniformly random actions for the first {@code learningStarts}
 * steps, then {@code clip(μ(s) + noise, −1, 1)} with Gaussian or Ornstein-Uhlenbeck noise of scale
 * {@code explorationNoise} (reset at each episode end). Each gradient update on a batch
 * {@code (s, a, r, s')}:
 * <ol>
 * <li>critics: {@code y = r + γ (1 − terminated) min_i Q'_i(s', ã')} with the smoothed target action
 * {@code ã' = clip(μ'(s') + clip(σ ε, −c, c), −1, 1)}, {@code σ = targetPolicyNoise},
 * {@code c = targetNoiseClip}; one Adam step on {@code Σ_i mean((Q_i(s, a) − y)²)};</li>
 * <li>every {@code policyDelay}-th update: one Adam step of the actor on {@code −mean(Q_1(s, μ(s)))} (the
 * critics' gradients from this loss are discarded), then Polyak updates
 * {@code θ' ← τ θ + (1 − τ) θ'} of the target actor and target critics.</li>
 * </ol>
 *
 * <p>Randomness comes from {@code Seeds.of(seed)}: {@code child("env")} seeds the first env reset,
 * {@code child("replay")} the batch sampling, {@code child("explore")} the warm-up actions and the
 * exploration noise, {@code child("noise")} the target smoothing noise,
 * {@code child("init").child("actor"|"critic")} the networks. With the engine's single intra-op thread (the
 * default) a run is bit-reproducible. The replay buffer holds {@code min(bufferSize, steps)} transitions.
 *
 * <p>Metrics passed to the callback: {@code train/critic_loss} and {@code train/q_mean} (the first critic's
 * mean {@code Q(s, a)} on the batch) after every update, {@code train/actor_loss} with the updates that
 * also train the actor, and {@code episode/return}, {@code episode/length} at the end of every episode.
 *
 * <p>Training state: with {@link dev.quiver.rl.agent.TrainingCheckpoints} the run saves its state (under the name {@code td3}) at
 * the first episode end after every {@code everySteps} env steps and can resume from it with exactly the
 * numbers of an uninterrupted run: the actor and its target, both critics and their targets, the two Adam
 * optimizers, the update counter (for the policy delay), the exploration noise's state, the replay buffer and
 * the explore, noise, replay and env generators.
 *
 * @see <a href="https://arxiv.org/abs/1802.09477">Fujimoto, S., van Hoof, H. and Meger, D. (2018).
 *     Addressing Function Approximation Error in Actor-Critic Methods. ICML. arXiv:1802.09477</a>
 * @see <a href="https://arxiv.org/abs/1509.02971">Lillicrap, T. et al. (2016). Continuous control with deep
 *     reinforcement learning. ICLR. arXiv:1509.02971</a>
 */
public final class Td3 extends ContinuousActorCritic<Td3Config, Td3Policy> {
    private static final String NAME = "TD3";

    /**
     * A learner for {@code spec}; see {@link Td3Config#build}.
     *
     * @throws dev.quiver.core.error.QuiverUserException unless observations are a float32 Box and actions
     *     a bounded float32 Box
     */
    Td3(Td3Config config, EnvSpec spec) {
        super(NAME, "td3", config, spec);
    }

    @Override
    protected Td3Policy train(Env<float[], float[]> env, long steps, Seeds seeds, TrainingCallback callback,
            TrainingStateStore store) {
        Td3Config config = config();
        int obsDim = obsDim();
        int actDim = actDim();
        ActionScaling scaling = scaling();
        Adam.Config adam = Adam.Config.adam(config.learningRate());
        Network actor = Network.create(Td3Policy.actorSpec(config, obsDim, actDim), seeds.child("init").child("actor"));
        try (Network actorTarget = actor.copy();
                Critics critics = Critics.create(MlpSpecs.relu(obsDim + actDim, 1, config.hidden()), 2, adam,
                        seeds.child("init").child("critic"));
                Adam actorAdam = new Adam(adam, actor)) {
            Agent agent = new Agent(actor, actorTarget, actorAdam, critics, seeds);
            ReplayBuffer buffer = ReplayBuffer.continuous((int) Math.min(config.bufferSize(), steps), obsDim, actDim);
            OffPolicyLoop.run(env, steps, seeds, config.schedule(), buffer, OffPolicyLoop.unitActions(scaling), agent,
                    () -> new Td3Policy(actor, config, envInfo(), steps), callback,
                    store);
        } catch (RuntimeException | Error e) {
            actor.close();
            throw e;
        }
        return new Td3Policy(actor, config, envInfo(), steps);
    }

    /** TD3's acting and updates, driven by {@link OffPolicyLoop}. */
    private final class Agent implements OffPolicyAgent<float[]> {
        private final Network actor;
        private final Network actorTarget;
        private final Adam actorAdam;
        private final GradientStep actorStep;
        private final Critics critics;
        private final UniformRandomProvider exploreRng;
        private final UniformRandomProvider noiseRng;
        private final ExplorationNoise exploreNoise;
        private final GaussianDraws smoothingDraws;
        private final float[] targets = new float[config().batchSize()];
        private final float[] smoothing = new float[config().batchSize() * actDim()];
        private final float[] unit = new float[actDim()];
        private long updates;
        private double qMean;

        Agent(Network actor, Network actorTarget, Adam actorAdam, Critics critics, Seeds seeds) {
            this.actor = actor;
            this.actorTarget = actorTarget;
            this.actorAdam = actorAdam;
            this.actorStep = new GradientStep(actorAdam, actor.manager(), 0);
            this.critics = critics;
            this.exploreRng = seeds.child("explore").rng();
            this.noiseRng = seeds.child("noise").rng();
            this.exploreNoise = config().noiseType().create(config().explorationNoise(), actDim(), exploreRng);
            this.smoothingDraws = new GaussianDraws(noiseRng);
        }

        @Override
        public void save(CheckpointWriter w) {
            w.network("actor", actor).network("actor_target", actorTarget).optimizer("actor_adam", actorAdam);
            critics.save("critic", w);
            double[] noise = exploreNoise.state();
            w.array("exploration_noise", Tensor.ofDoubles(noise, noise.length));
            w.array("updates", Tensor.ofLongs(new long[] {updates}, 1));
            w.rngState("explore", Seeds.saveState(exploreRng)).rngState("noise", Seeds.saveState(noiseRng));
        }

        @Override
        public void restore(CheckpointReader r) {
            r.restore("actor", actor);
            r.restore("actor_target", actorTarget);
            r.restore("actor_adam", actorAdam);
            critics.restore("critic", r);
            try {
                exploreNoise.restoreState(r.array("exploration_noise").doubles());
            } catch (IllegalArgumentException e) {
                throw new QuiverUserException("checkpoint " + r.dir()
                        + ": exploration noise state does not fit: " + e.getMessage(), e);
            }
            updates = r.array("updates").longs()[0];
            Seeds.restoreState(exploreRng, TrainingStateStore.requireRngState(r, "explore"));
            Seeds.restoreState(noiseRng, TrainingStateStore.requireRngState(r, "noise"));
        }

        @Override
        public float[] act(float[] observation, boolean warmup) {
            if (warmup) {
                for (int j = 0; j < actDim(); j++) {
                    unit[j] = (float) (2 * exploreRng.nextDouble() - 1);
                }
            } else {
                float[] mu = Td3Policy.unitActionOf(actor, observation);
                System.arraycopy(mu, 0, unit, 0, actDim());
                exploreNoise.addTo(unit);
            }
            return scaling().toEnv(unit);
        }

        @Override
        public void episodeEnded() {
            exploreNoise.reset();
        }

        @Override
        public Map<String, Double> train(Batch batch, long step) {
            int b = batch.size();
            computeTargets(batch);
            StepResult critic = critics.update(sub -> {
                NDArray obs = sub.create(batch.observations(), new Shape(b, obsDim()));
                NDArray x = obs.concat(sub.create(batch.continuousActions(), new Shape(b, actDim())), 1);
                NDArray y = sub.create(targets, new Shape(b, 1));
                List<NDArray> q = critics.forward(x);
                qMean = q.get(0).mean().getFloat();
                NDArray loss = q.get(0).sub(y).square().mean();
                for (int i = 1; i < q.size(); i++) {
                    loss = loss.add(q.get(i).sub(y).square().mean());
                }
                return loss;
            });
            LossGuard.requireFinite(NAME, "critic loss", critic.loss(), step);
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("train/critic_loss", (double) critic.loss());
            m.put("train/q_mean", qMean);
            if (++updates % config().policyDelay() == 0) {
                StepResult a = actorStep.step(sub -> {
                    NDArray obs = sub.create(batch.observations(), new Shape(b, obsDim()));
                    NDArray mu = Td3Policy.unitActions(actor, obs, true);
                    return critics.forwardFirst(obs.concat(mu, 1)).mean().neg();
                });
                critics.zeroGradients();
                LossGuard.requireFinite(NAME, "actor loss", a.loss(), step);
                m.put("train/actor_loss", (double) a.loss());
                critics.updateTargets(config().tau());
                TargetNetworks.polyakUpdate(actorTarget, actor, config().tau());
            }
            return m;
        }

        /** {@code y = r + γ (1 − terminated) min_i Q'_i(s', ã')} with smoothed target actions, outside the tape. */
        private void computeTargets(Batch batch) {
            int b = batch.size();
            float[] eps = smoothingDraws.next(b * actDim());
            float sigma = (float) config().targetPolicyNoise();
            float clip = (float) config().targetNoiseClip();
            for (int i = 0; i < b * actDim(); i++) {
                smoothing[i] = Math.max(-clip, Math.min(clip, sigma * eps[i]));
            }
            float[] next;
            try (NDManager sub = critics.manager().newSubManager()) {
                NDArray obs = sub.create(batch.nextObservations(), new Shape(b, obsDim()));
                NDArray a = Td3Policy.unitActions(actorTarget, obs, false)
                        .add(sub.create(smoothing, new Shape(b, actDim()))).clip(-1f, 1f);
                next = critics.targetMin(obs.concat(a, 1)).toFloatArray();
            }
            BellmanTargets.compute(batch, next, config().gamma(), targets);
        }
    }
}
