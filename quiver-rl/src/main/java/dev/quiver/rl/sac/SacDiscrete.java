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
import dev.quiver.rl.actorcritic.BellmanTargets;
import dev.quiver.rl.actorcritic.Critics;
import dev.quiver.rl.actorcritic.EntropyTemperature;
import dev.quiver.rl.actorcritic.MlpSpecs;
import dev.quiver.rl.actorcritic.OffPolicyAgent;
import dev.quiver.rl.actorcritic.OffPolicyLoop;
import dev.quiver.rl.agent.Learner;
import dev.quiver.rl.agent.LossGuard;
import dev.quiver.rl.agent.SpaceChecks;
import dev.quiver.rl.agent.TrainingCallback;
import dev.quiver.rl.agent.TrainingCheckpoints;
import dev.quiver.rl.agent.TrainingStateStore;
import dev.quiver.rl.net.OneObservation;
import dev.quiver.rl.policy.Categorical;
import dev.quiver.rl.replay.Batch;
import dev.quiver.rl.replay.ReplayBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Soft actor-critic for discrete actions (Christodoulou 2019): a categorical actor {@code π(·|s) =
 * softmax(logits(s))} and twin critics {@code Q_i(s, ·)} with one output per action, so every expectation
 * over actions is an exact sum instead of a sampled estimate; written to follow CleanRL's
 * {@code sac_atari.py}. It shares SAC's parts: {@link Critics}, {@link EntropyTemperature} and
 * {@link OffPolicyLoop}.
 *
 * <p>Experience is collected with uniformly random actions for the first {@code learningStarts} steps, then
 * with actions sampled from {@code π(·|s)}. Each gradient update on a batch {@code (s, a, r, s')}, with the
 * current temperature α:
 * <ol>
 * <li>critics: {@code y = r + γ (1 − terminated) Σ_a' π(a'|s') (min_i Q'_i(s', a') − α log π(a'|s'))}; one
 * Adam step on {@code Σ_i mean((Q_i(s, a) − y)²)};</li>
 * <li>actor: one Adam step on {@code mean_s Σ_a π(a|s) (α log π(a|s) − min_i Q_i(s, a))} with the critics'
 * values held constant;</li>
 * <li>temperature (when tuned): one Adam step on {@code log α} towards the target entropy
 * {@code targetEntropyScale · log |A|}, using that batch's {@code Σ_a π(a|s) log π(a|s)};</li>
 * <li>targets, every {@code targetUpdateInterval}-th update: {@code θ'_i ← τ θ_i + (1 − τ) θ'_i}.</li>
 * </ol>
 *
 * <p>Randomness comes from {@code Seeds.of(seed)}: {@code child("env")} seeds the first env reset,
 * {@code child("replay")} the batch sampling, {@code child("explore")} the acting,
 * {@code child("init").child("actor"|"critic")} the networks. With the engine's single intra-op thread (the
 * default) a run is bit-reproducible. The replay buffer holds {@code min(bufferSize, steps)} transitions.
 *
 * <p>Metrics passed to the callback: {@code train/critic_loss}, {@code train/actor_loss},
 * {@code train/alpha} (the α the update used) and {@code train/q_mean} (the first critic's mean
 * {@code Q(s, a)} on the batch) after every update, and {@code episode/return}, {@code episode/length} at
 * the end of every episode.
 *
 * <p>Training state: with {@link TrainingCheckpoints} the run saves its state (under the name
 * {@code sac-discrete}) at the first episode end after every {@code everySteps} env steps and can resume from
 * it with exactly the numbers of an uninterrupted run: the actor, both critics and their targets, the three
 * Adam optimizers, {@code log α} with its Adam state, the update counter, the replay buffer and the explore,
 * replay and env generators.
 *
 * @see <a href="https://arxiv.org/abs/1910.07207">Christodoulou, P. (2019). Soft Actor-Critic for Discrete
 *     Action Settings. arXiv:1910.07207</a>
 * @see <a href="https://arxiv.org/abs/1812.05905">Haarnoja, T. et al. (2018). Soft Actor-Critic Algorithms
 *     and Applications. arXiv:1812.05905</a>
 * @see <a href="https://arxiv.org/abs/2111.08819">Huang, S. et al. (2022). CleanRL. JMLR.
 *     arXiv:2111.08819</a>
 */
public final class SacDiscrete implements Learner<float[], Integer> {
    private static final String NAME = "discrete SAC";
    private static final String STATE_NAME = "sac-discrete";
    /** Adam's ε, as CleanRL's {@code sac_atari.py}. */
    static final double ADAM_EPS = 1e-4;
    private final SacDiscreteConfig config;
    private final EnvSpec spec;
    private final int obsDim;
    private final int numActions;

    /**
     * A learner for {@code spec}; see {@link SacDiscreteConfig#build}.
     *
     * @throws dev.quiver.core.error.QuiverUserException unless observations are a float32 Box and actions
     *     Discrete
     */
    SacDiscrete(SacDiscreteConfig config, EnvSpec spec) {
        this.config = Objects.requireNonNull(config, "config");
        this.spec = Objects.requireNonNull(spec, "spec");
        this.obsDim = SpaceChecks.requireFloat32Box(NAME, spec);
        this.numActions = SpaceChecks.requireDiscrete(NAME, spec);
    }

    /** The configuration. */
    public SacDiscreteConfig config() {
        return config;
    }

    @Override
    public EnvSpec spec() {
        return spec;
    }

    @Override
    public SacDiscretePolicy learn(Env<float[], Integer> env, long steps, long seed, TrainingCallback callback) {
        return learn(env, steps, seed, callback, TrainingCheckpoints.NONE);
    }

    @Override
    public boolean savesTrainingState() {
        return true;
    }

    @Override
    public SacDiscretePolicy learn(Env<float[], Integer> env, long steps, long seed, TrainingCallback callback,
            TrainingCheckpoints checkpoints) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, got " + steps);
        }
        SpaceChecks.requireSameSpaces(NAME, spec, env.spec());
        Seeds seeds = Seeds.of(seed);
        TrainingStateStore store = new TrainingStateStore(STATE_NAME, config.toMap(), seed, steps, checkpoints);
        Adam.Config adam = new Adam.Config(config.learningRate(), 0.9, 0.999, ADAM_EPS, 0, false);
        Network actor = Network.create(SacDiscretePolicy.actorSpec(config, obsDim, numActions),
                seeds.child("init").child("actor"));
        try (Critics critics = Critics.create(MlpSpecs.relu(obsDim, numActions, config.hidden()), 2, adam,
                seeds.child("init").child("critic")); Adam actorAdam = new Adam(adam, actor)) {
            EntropyTemperature temperature = config.autoEntropy()
                    ? EntropyTemperature.tuned(config.alpha(), config.targetEntropyScale() * Math.log(numActions), adam)
                    : EntropyTemperature.fixed(config.alpha());
            Agent agent = new Agent(actor, actorAdam, critics, temperature, seeds.child("explore").rng());
            ReplayBuffer buffer = ReplayBuffer.discrete((int) Math.min(config.bufferSize(), steps), obsDim);
            OffPolicyLoop.run(env, steps, seeds, config.schedule(), buffer, OffPolicyLoop.discreteActions(), agent,
                    () -> new SacDiscretePolicy(actor, config, spec.id(), obsDim, numActions, steps), callback, store);
        } catch (RuntimeException | Error e) {
            actor.close();
            throw e;
        }
        return new SacDiscretePolicy(actor, config, spec.id(), obsDim, numActions, steps);
    }

    /** Discrete SAC's acting and updates, driven by {@link OffPolicyLoop}. */
    private final class Agent implements OffPolicyAgent<Integer> {
        private final Network actor;
        private final Adam actorAdam;
        private final GradientStep actorStep;
        private final Critics critics;
        private final EntropyTemperature temperature;
        private final UniformRandomProvider exploreRng;
        private final double[] probs = new double[numActions];
        private final float[] targets = new float[config.batchSize()];
        private final float[] actionMask = new float[config.batchSize() * numActions];
        private long updates;
        private double qMean;
        private double meanLogProb;

        Agent(Network actor, Adam actorAdam, Critics critics, EntropyTemperature temperature,
                UniformRandomProvider exploreRng) {
            this.actor = actor;
            this.actorAdam = actorAdam;
            this.actorStep = new GradientStep(actorAdam, actor.manager(), 0);
            this.critics = critics;
            this.temperature = temperature;
            this.exploreRng = exploreRng;
        }

        @Override
        public void save(CheckpointWriter w) {
            w.network("actor", actor).optimizer("actor_adam", actorAdam);
            critics.save("critic", w);
            temperature.save("log_alpha", w);
            w.array("updates", Tensor.ofLongs(new long[] {updates}, 1));
            w.rngState("explore", Seeds.saveState(exploreRng));
        }

        @Override
        public void restore(CheckpointReader r) {
            r.restore("actor", actor);
            r.restore("actor_adam", actorAdam);
            critics.restore("critic", r);
            temperature.restore("log_alpha", r);
            updates = r.array("updates").longs()[0];
            Seeds.restoreState(exploreRng, TrainingStateStore.requireRngState(r, "explore"));
        }

        @Override
        public Integer act(float[] observation, boolean warmup) {
            if (warmup) {
                return exploreRng.nextInt(numActions);
            }
            Categorical.softmax(OneObservation.forward(actor, observation), 0, numActions, probs);
            return Categorical.sample(probs, exploreRng);
        }

        @Override
        public Map<String, Double> train(Batch batch, long step) {
            int b = batch.size();
            float alpha = (float) temperature.alpha();
            computeTargets(batch, alpha);
            Arrays.fill(actionMask, 0f);
            for (int k = 0; k < b; k++) {
                actionMask[k * numActions + batch.actions()[k]] = 1f;
            }
            StepResult critic = critics.update(sub -> {
                NDArray obs = sub.create(batch.observations(), new Shape(b, obsDim));
                NDArray mask = sub.create(actionMask, new Shape(b, numActions));
                NDArray y = sub.create(targets, new Shape(b));
                List<NDArray> q = critics.forward(obs);
                NDArray loss = null;
                for (int i = 0; i < q.size(); i++) {
                    NDArray taken = q.get(i).mul(mask).sum(new int[] {1});
                    if (i == 0) {
                        qMean = taken.mean().getFloat();
                    }
                    NDArray mse = taken.sub(y).square().mean();
                    loss = loss == null ? mse : loss.add(mse);
                }
                return loss;
            });
            LossGuard.requireFinite(NAME, "critic loss", critic.loss(), step);
            StepResult actorResult = actorStep.step(sub -> {
                NDArray obs = sub.create(batch.observations(), new Shape(b, obsDim));
                NDArray logProbs = actor.forward(obs, true).logSoftmax(1);
                NDArray probsAll = logProbs.exp();
                NDArray minQ = critics.min(obs).stopGradient();
                meanLogProb = probsAll.mul(logProbs).sum(new int[] {1}).mean().getFloat();
                return probsAll.mul(logProbs.mul(alpha).sub(minQ)).sum(new int[] {1}).mean();
            });
            LossGuard.requireFinite(NAME, "actor loss", actorResult.loss(), step);
            temperature.update(meanLogProb);
            if (++updates % config.targetUpdateInterval() == 0) {
                critics.updateTargets(config.tau());
            }
            return Map.of("train/critic_loss", (double) critic.loss(), "train/actor_loss", (double) actorResult.loss(),
                    "train/alpha", (double) alpha, "train/q_mean", qMean);
        }

        /** {@code y = r + γ (1 − terminated) Σ_a' π(a'|s') (min_i Q'_i(s', a') − α log π(a'|s'))}, no tape. */
        private void computeTargets(Batch batch, float alpha) {
            int b = batch.size();
            float[] next;
            try (NDManager sub = critics.manager().newSubManager()) {
                NDArray obs = sub.create(batch.nextObservations(), new Shape(b, obsDim));
                NDArray logProbs = actor.forward(obs).logSoftmax(1);
                NDArray minQ = critics.targetMin(obs);
                next = logProbs.exp().mul(minQ.sub(logProbs.mul(alpha))).sum(new int[] {1}).toFloatArray();
            }
            BellmanTargets.compute(batch, next, config.gamma(), targets);
        }
    }
}
