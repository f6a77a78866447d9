package dev.quiver.rl.sac;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.quiver.core.env.Env;
import dev.quiver.core.env.EnvSpec;
import dev.quiver.core.seed.Seeds;
import dev.quiver.nn.checkpoint.CheckpointReader;
import dev.quiver.nn.checkpoint.CheckpointWriter;
import dev.quiver.nn.checkpoint.Tensor;
import dev.quiver.nn.net.Network;
import dev.quiver.nn.optim.Adam;
import dev.quiver.nn.train.GradientStep;
import dev.quiver.nn.train.StepResult;
import dev.quiver.rl.actorcritic.ActionScaling;
import dev.quiver.rl.actorcritic.BellmanTargets;
import dev.quiver.rl.actorcritic.ContinuousActorCritic;
import dev.quiver.rl.actorcritic.Critics;
import dev.quiver.rl.actorcritic.EntropyTemperature;
import dev.quiver.rl.actorcritic.GaussianDraws;
import dev.quiver.rl.actorcritic.MlpSpecs;
import dev.quiver.rl.actorcritic.OffPolicyAgent;
import dev.quiver.rl.actorcritic.OffPolicyLoop;
import dev.quiver.rl.agent.LossGuard;
import dev.quiver.rl.agent.TrainingCallback;
import dev.quiver.rl.agent.TrainingStateStore;
import dev.quiver.rl.replay.Batch;
import dev.quiver.rl.replay.ReplayBuffer;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Soft actor-critic (SAC) for bounded continuous actions, with twin critics, a tanh-squashed Gaussian
 * actor and automatic entropy tuning; written to follow Stable-Baselines3's {@code SAC.train}.
 *
 * <p>The actor acts in {@code [−1, 1]}; {@link ActionScaling} maps its actions onto the env's Box, and the
 * replay buffer and critics hold the unit actions. Experience is collected by {@link OffPolicyLoop}
 * (uniformly random actions for the first {@code learningStarts} steps, then actions sampled from the
 * actor). Each gradient update on a batch {@code (s, a, r, s')}, with the current temperature α:
 * <ol>
 * <li>critics: {@code y = r + γ (1 − terminated) (min_i Q'_i(s', ã') − α log π(ã'|s'))} with
 * {@code ã' ~ π(·|s')}; one Adam step on {@code Σ_i mean((Q_i(s, a) − y)²)};</li>
 * <li>actor: one Adam step on {@code mean(α log π(ã|s) − min_i Q_i(s, ã))} with reparameterised
 * {@code ã ~ π(·|s)} (the critics' gradients from this loss are discarded);</li>
 * <li>temperature (when tuned): one Adam step on {@code log α} towards the target entropy {@code −|A|}
 * ({@link EntropyTemperature}), using that batch's {@code log π(ã|s)};</li>
 * <li>targets, every {@code targetUpdateInterval}-th update: {@code θ'_i ← τ θ_i + (1 − τ) θ'_i}.</li>
 * </ol>
 *
 * <p>Randomness comes from {@code Seeds.of(seed)}: {@code child("env")} seeds the first env reset,
 * {@code child("replay")} the batch sampling, {@code child("explore")} the acting (random warm-up actions
 * and the actor's noise), {@code child("noise")} the reparameterisation noise of the updates,
 * {@code child("init").child("actor"|"critic")} the networks. With the engine's single intra-op thread (the
 * default) a run is bit-reproducible. The replay buffer holds {@code min(bufferSize, steps)} transitions
 * (a larger one would never fill).
 *
 * <p>Metrics passed to the callback: {@code train/critic_loss}, {@code train/actor_loss},
 * {@code train/alpha} (the α the update used) and {@code train/q_mean} (the first critic's mean
 * {@code Q(s, a)} on the batch) after every update, and {@code episode/return}, {@code episode/length} at
 * the end of every episode.
 *
 * <p>Training state: with {@link dev.quiver.rl.agent.TrainingCheckpoints} the run saves its state (under the name {@code sac}) at
 * the first episode end after every {@code everySteps} env steps and can resume from it with exactly the
 * numbers of an uninterrupted run: the actor, both critics and their targets, the three Adam optimizers,
 * {@code log α} with its Adam state, the update counter, the replay buffer and the explore, noise, replay
 * and env generators.
 *
 * @see <a href="https://arxiv.org/abs/1801.01290">Haarnoja, T. et al. (2018). Soft Actor-Critic: Off-Policy
 *     Maximum Entropy Deep Reinforcement Learning with a Stochastic Actor. ICML. arXiv:1801.01290</a>
 * @see <a href="https://arxiv.org/abs/1812.05905">Haarnoja, T. et al. (2018). Soft Actor-Critic Algorithms
 *     and Applications. arXiv:1812.05905</a>
 * @see <a href="https://arxiv.org/abs/1802.09477">Fujimoto, S., van Hoof, H. and Meger, D. (2018).
 *     Addressing Function Approximation Error in Actor-Critic Methods. ICML. arXiv:1802.09477</a>
 */
public final class Sac extends ContinuousActorCritic<SacConfig, SacPolicy> {
    private static final String NAME = "SAC";

    /**
     * A learner for {@code spec}; see {@link SacConfig#build}.
     *
     * @throws dev.quiver.core.error.QuiverUserException unless observations are a float32 Box and actions
     *     a bounded float32 Box
     */
    Sac(SacConfig config, EnvSpec spec) {
        super(NAME, "sac", config, spec);
    }

    @Override
    protected SacPolicy train(Env<float[], float[]> env, long steps, Seeds seeds, TrainingCallback callback,
            TrainingStateStore store) {
        SacConfig config = config();
        int obsDim = obsDim();
        int actDim = actDim();
        ActionScaling scaling = scaling();
        Adam.Config adam = Adam.Config.adam(config.learningRate());
        Network actor = Network.create(SacPolicy.actorSpec(config, obsDim, actDim), seeds.child("init").child("actor"));
        try (Critics critics = Critics.create(MlpSpecs.relu(obsDim + actDim, 1, config.hidden()), 2, adam,
                seeds.child("init").child("critic")); Adam actorAdam = new Adam(adam, actor)) {
            EntropyTemperature temperature = config.autoEntropy()
                    ? EntropyTemperature.tuned(config.alpha(), -actDim, adam)
                    : EntropyTemperature.fixed(config.alpha());
            Agent agent = new Agent(actor, actorAdam, critics, temperature, seeds);
            ReplayBuffer buffer = ReplayBuffer.continuous((int) Math.min(config.bufferSize(), steps), obsDim, actDim);
            OffPolicyLoop.run(env, steps, seeds, config.schedule(), buffer, OffPolicyLoop.unitActions(scaling), agent,
                    () -> new SacPolicy(actor, config, envInfo(), steps), callback,
                    store);
        } catch (RuntimeException | Error e) {
            actor.close();
            throw e;
        }
        return new SacPolicy(actor, config, envInfo(), steps);
    }

    /** SAC's acting and updates, driven by {@link OffPolicyLoop}. */
    private final class Agent implements OffPolicyAgent<float[]> {
        private final Network actor;
        private final Adam actorAdam;
        private final GradientStep actorStep;
        private final Critics critics;
        private final EntropyTemperature temperature;
        private final UniformRandomProvider exploreRng;
        private final UniformRandomProvider noiseRng;
        private final GaussianDraws exploreNoise;
        private final GaussianDraws updateNoise;
        private final float[] targets = new float[config().batchSize()];
        private final float[] unit = new float[actDim()];
        private final boolean sde = config().useSde();
        private final int sdeSize;
        private float[] sdeMatrix;
        private long acted;
        private long updates;
        private double qMean;
        private double meanLogProb;

        Agent(Network actor, Adam actorAdam, Critics critics, EntropyTemperature temperature, Seeds seeds) {
            this.actor = actor;
            this.actorAdam = actorAdam;
            this.actorStep = new GradientStep(actorAdam, actor.manager(), 0);
            this.critics = critics;
            this.temperature = temperature;
            this.exploreRng = seeds.child("explore").rng();
            this.noiseRng = seeds.child("noise").rng();
            this.exploreNoise = new GaussianDraws(exploreRng);
            this.updateNoise = new GaussianDraws(noiseRng);
            this.sdeSize = sde ? ((StateDependentActor) actor.spec()).featureSize() * actDim() : 0;
        }

        @Override
        public void save(CheckpointWriter w) {
            w.network("actor", actor).optimizer("actor_adam", actorAdam);
            critics.save("critic", w);
            temperature.save("log_alpha", w);
            w.array("updates", Tensor.ofLongs(new long[] {updates}, 1));
            if (sde) {
                w.array("sde_acted", Tensor.ofLongs(new long[] {acted}, 1));
                if (sdeMatrix != null) {
                    w.array("sde_matrix", Tensor.ofFloats(sdeMatrix, sdeMatrix.length));
                }
            }
            w.rngState("explore", Seeds.saveState(exploreRng)).rngState("noise", Seeds.saveState(noiseRng));
        }

        @Override
        public void restore(CheckpointReader r) {
            r.restore("actor", actor);
            r.restore("actor_adam", actorAdam);
            critics.restore("critic", r);
            temperature.restore("log_alpha", r);
            updates = r.array("updates").longs()[0];
            if (sde) {
                acted = r.array("sde_acted").longs()[0];
                sdeMatrix = acted == 0 ? null : r.array("sde_matrix").floats();
            }
            Seeds.restoreState(exploreRng, TrainingStateStore.requireRngState(r, "explore"));
            Seeds.restoreState(noiseRng, TrainingStateStore.requireRngState(r, "noise"));
        }

        @Override
        public float[] act(float[] observation, boolean warmup) {
            if (sde) {
                redrawExplorationMatrixIfDue();
            }
            if (warmup) {
                for (int j = 0; j < actDim(); j++) {
                    unit[j] = (float) (2 * exploreRng.nextDouble() - 1);
                }
                return scaling().toEnv(unit);
            }
            float[] out = SacPolicy.forward(actor, observation);
            if (sde) {
                return scaling().toEnv(StateDependentNoise.action(out, actDim(), sdeMatrix));
            }
            return scaling().toEnv(SquashedGaussian.action(out, exploreNoise.next(actDim())));
        }

        /**
         * gSDE: draws a new exploration matrix at the start of every round of {@code trainFrequency} env steps
         * and every {@code sdeSampleFreq} steps within a round (SB3's {@code reset_noise} calls in
         * {@code collect_rollouts}).
         */
        private void redrawExplorationMatrixIfDue() {
            long inRound = acted % config().trainFrequency();
            long every = config().sdeSampleFreq();
            if (inRound == 0 || (every > 0 && inRound % every == 0)) {
                float[] logStd = StateDependentActor.logStd(actor).toFloatArray();
                sdeMatrix = StateDependentNoise.matrix(logStd, exploreNoise.next(sdeSize));
            }
            acted++;
        }

        /**
         * Reparameterised actions for a batch of actor outputs: per-sample Gaussian noise {@code eps}
         * ({@code batch × |A|} draws), or with gSDE one exploration matrix for the batch ({@code |z| × |A|}
         * draws, SB3's {@code reset_noise()} before every update).
         */
        private SquashedGaussian.Sample sample(NDManager sub, NDArray out, float[] eps) {
            int b = (int) out.getShape().get(0);
            if (sde) {
                NDArray logStd = StateDependentActor.logStd(actor);
                return StateDependentNoise.sample(out, actDim(), logStd, sub.create(eps, logStd.getShape()));
            }
            return SquashedGaussian.sample(out, sub.create(eps, new Shape(b, actDim())));
        }

        /**
         * Standard normal draws for one {@link #sample} call (gSDE: for the whole update); the array is reused by
         * the next draw, so use it before drawing again.
         */
        private float[] drawUpdateNoise(int b) {
            return updateNoise.next(sde ? sdeSize : b * actDim());
        }

        @Override
        public Map<String, Double> train(Batch batch, long step) {
            int b = batch.size();
            double alpha = temperature.alpha();
            float[] matrixEps = sde ? drawUpdateNoise(b) : null;
            computeTargets(batch, alpha, matrixEps);
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
            float[] eps = sde ? matrixEps : drawUpdateNoise(b);
            StepResult actorResult = actorStep.step(sub -> {
                NDArray obs = sub.create(batch.observations(), new Shape(b, obsDim()));
                SquashedGaussian.Sample s = sample(sub, actor.forward(obs, true), eps);
                NDArray minQ = critics.min(obs.concat(s.action(), 1));
                meanLogProb = s.logProb().mean().getFloat();
                return s.logProb().mul((float) alpha).sub(minQ).mean();
            });
            critics.zeroGradients();
            LossGuard.requireFinite(NAME, "actor loss", actorResult.loss(), step);
            temperature.update(meanLogProb);
            if (++updates % config().targetUpdateInterval() == 0) {
                critics.updateTargets(config().tau());
            }
            return Map.of("train/critic_loss", (double) critic.loss(), "train/actor_loss", (double) actorResult.loss(),
                    "train/alpha", alpha, "train/q_mean", qMean);
        }

        /** {@code y = r + γ (1 − terminated) (min_i Q'_i(s', ã') − α log π(ã'|s'))}, outside the tape. */
        private void computeTargets(Batch batch, double alpha, float[] matrixEps) {
            int b = batch.size();
            float[] next;
            try (NDManager sub = critics.manager().newSubManager()) {
                NDArray obs = sub.create(batch.nextObservations(), new Shape(b, obsDim()));
                SquashedGaussian.Sample s = sample(sub, actor.forward(obs), sde ? matrixEps : drawUpdateNoise(b));
                next = critics.targetMin(obs.concat(s.action(), 1)).sub(s.logProb().mul((float) alpha)).toFloatArray();
            }
            BellmanTargets.compute(batch, next, config().gamma(), targets);
        }
    }
}
