package dev.quiver.rl.ppo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.quiver.core.env.Env;
import dev.quiver.core.env.EnvSpec;
import dev.quiver.core.env.Step;
import dev.quiver.core.registry.Envs;
import dev.quiver.core.seed.Seeds;
import dev.quiver.nn.net.Network;
import dev.quiver.nn.optim.Adam;
import dev.quiver.nn.train.GradientStep;
import dev.quiver.nn.train.StepResult;
import dev.quiver.rl.agent.Learner;
import dev.quiver.rl.agent.LossGuard;
import dev.quiver.rl.agent.SpaceChecks;
import dev.quiver.rl.agent.TrainingCallback;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Proximal policy optimisation (PPO) with the clipped surrogate objective and GAE, for discrete actions;
 * written to read like CleanRL's {@code ppo.py}.
 *
 * <p>Each iteration: collect a rollout of {@code numSteps} steps on each of {@code numEnvs} env copies,
 * sampling actions from {@code softmax(actor(s))}; compute advantages and value targets with
 * {@link Gae} (a termination bootstraps with 0; a truncation bootstraps with the critic's value of the
 * final observation, where CleanRL bootstraps with 0 for both — we follow Gymnasium's distinction); then
 * {@code updateEpochs} passes over the rollout in {@code numMinibatches} shuffled minibatches, each one Adam
 * step (Adam's eps = 1e-5, as CleanRL) on
 * {@code L = −min(r A, clip(r, 1 ± ε) A) − entCoef · H + vfCoef · ½ max((V − R)², (V_old + clip(V − V_old,
 * ±ε) − R)²)} with {@code r = π(a|s) / π_old(a|s)}, advantages normalised per minibatch ({@code normAdv}),
 * the value loss unclipped unless {@code clipVloss}, and the joint gradient of actor and critic clipped to global
 * norm {@code maxGradNorm}. With {@code annealLr} the learning rate of iteration {@code k} (0-based) of
 * {@code K} is {@code lr · (1 − k / K)}.
 *
 * <p>Env copies: copy 0 is the env passed to {@code learn}; the others are made with
 * {@code Envs.make(env.spec().id())} (so they must be registered; wrappers around the passed env are not
 * repeated on them) and closed at the end. A copy that finishes an episode is reset at once (no
 * autoreset step is lost). The run takes {@code ceil(steps / (numEnvs · numSteps))} iterations: the step
 * count is rounded up to whole rollouts, and the returned policy's {@code trainedSteps()} says how many.
 *
 * <p>Randomness comes from {@code Seeds.of(seed)}: {@code child("env", i)} seeds copy {@code i}'s first
 * reset (later resets continue its generator), {@code child("action")} the action sampling,
 * {@code child("minibatch")} the shuffling, {@code child("init").child("actor"|"critic")} the networks. With
 * the engine's single intra-op thread (the default) a run is bit-reproducible.
 *
 * <p>Metrics passed to the callback: {@code episode/return}, {@code episode/length} at the end of every
 * episode, and after every iteration the means over its minibatches of {@code train/loss},
 * {@code train/policy_loss}, {@code train/value_loss}, {@code train/entropy}, {@code train/approx_kl},
 * {@code train/clipfrac}, plus {@code train/learning_rate}.
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

    @Override
    public PpoPolicy learn(Env<float[], Integer> env, long steps, long seed, TrainingCallback callback) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, got " + steps);
        }
        SpaceChecks.requireSameSpaces(NAME, spec, env.spec());
        Seeds seeds = Seeds.of(seed);
        int batch = config.batchSize();
        long iterations = (steps + batch - 1) / batch;
        Network actor = Network.create(PpoPolicy.actorSpec(config, obsDim, numActions),
                seeds.child("init").child("actor"));
        Network critic = null;
        List<Env<float[], Integer>> made = new ArrayList<>();
        try {
            critic = Network.create(PpoPolicy.criticSpec(config, obsDim), seeds.child("init").child("critic"));
            List<Env<float[], Integer>> envs = new ArrayList<>();
            envs.add(env);
            for (int i = 1; i < config.numEnvs(); i++) {
                Env<float[], Integer> copy = Envs.make(env.spec().id());
                made.add(copy);
                SpaceChecks.requireSameSpaces(NAME, spec, copy.spec());
                envs.add(copy);
            }
            Adam.Config adamConfig = new Adam.Config(config.learningRate(), 0.9, 0.999, 1e-5, 0, false);
            try (AnnealedOptimizer optimizer = new AnnealedOptimizer(new Adam(adamConfig, actor, critic))) {
                new Run(actor, critic, optimizer, envs, seeds, callback).train(iterations);
            }
        } catch (RuntimeException | Error e) {
            actor.close();
            if (critic != null) {
                critic.close();
            }
            throw e;
        } finally {
            for (Env<float[], Integer> e : made) {
                e.close();
            }
        }
        return new PpoPolicy(actor, critic, config, spec.id(), obsDim, numActions, iterations * batch);
    }

    /** The state of one training run: rollout storage, env copies, minibatch buffers. */
    private final class Run {
        private final Network actor;
        private final Network critic;
        private final AnnealedOptimizer optimizer;
        private final GradientStep update;
        private final List<Env<float[], Integer>> envs;
        private final TrainingCallback callback;
        private final UniformRandomProvider actionRng;
        private final UniformRandomProvider minibatchRng;
        private final int n = config.numEnvs();
        private final int batch = config.batchSize();
        private final int mb = config.minibatchSize();
        // rollout, step-major: entry t * n + i
        private final float[] obs = new float[batch * obsDim];
        private final int[] actions = new int[batch];
        private final float[] logProbs = new float[batch];
        private final float[] rewards = new float[batch];
        private final boolean[] terminated = new boolean[batch];
        private final boolean[] truncated = new boolean[batch];
        private final float[] truncationValues = new float[batch];
        private final float[] values = new float[batch];
        private final float[] advantages = new float[batch];
        private final float[] returns = new float[batch];
        private final float[] current;
        private final double[] episodeReturn;
        private final long[] episodeLength;
        // minibatch
        private final int[] perm = new int[batch];
        private final float[] mbObs = new float[mb * obsDim];
        private final float[] mbMask = new float[mb * numActions];
        private final float[] mbLogProbs = new float[mb];
        private final float[] mbAdvantages = new float[mb];
        private final float[] mbReturns = new float[mb];
        private final float[] mbValues = new float[mb];
        private final double[] sums = new double[5]; // policy loss, value loss, entropy, approx kl, clipfrac

        Run(Network actor, Network critic, AnnealedOptimizer optimizer, List<Env<float[], Integer>> envs, Seeds seeds,
                TrainingCallback callback) {
            this.actor = actor;
            this.critic = critic;
            this.optimizer = optimizer;
            this.update = new GradientStep(optimizer, actor.manager(), config.maxGradNorm());
            this.envs = envs;
            this.callback = callback;
            this.actionRng = seeds.child("action").rng();
            this.minibatchRng = seeds.child("minibatch").rng();
            this.current = new float[n * obsDim];
            this.episodeReturn = new double[n];
            this.episodeLength = new long[n];
            for (int i = 0; i < n; i++) {
                float[] o = envs.get(i).reset(seeds.child("env", i).seed()).observation();
                System.arraycopy(o, 0, current, i * obsDim, obsDim);
            }
        }

        void train(long iterations) {
            for (long it = 0; it < iterations; it++) {
                double factor = config.annealLr() ? 1.0 - (double) it / iterations : 1.0;
                optimizer.setFactor(factor);
                long firstStep = it * batch;
                rollout(firstStep);
                computeAdvantages();
                Arrays.fill(sums, 0);
                double lossSum = 0;
                int updates = 0;
                for (int epoch = 0; epoch < config.updateEpochs(); epoch++) {
                    shuffle();
                    for (int start = 0; start < batch; start += mb) {
                        gather(start);
                        StepResult r = update.step(this::loss);
                        LossGuard.requireFinite(NAME, "PPO loss", r.loss(), firstStep + batch - 1);
                        lossSum += r.loss();
                        updates++;
                    }
                }
                Map<String, Double> m = new LinkedHashMap<>();
                m.put("train/loss", lossSum / updates);
                m.put("train/policy_loss", sums[0] / updates);
                m.put("train/value_loss", sums[1] / updates);
                m.put("train/entropy", sums[2] / updates);
                m.put("train/approx_kl", sums[3] / updates);
                m.put("train/clipfrac", sums[4] / updates);
                m.put("train/learning_rate", config.learningRate() * factor);
                callback.onMetrics(firstStep + batch - 1, m);
            }
        }

        /** Steps every copy {@code numSteps} times, sampling from the actor; resets copies that finish. */
        private void rollout(long firstStep) {
            List<float[]> finalObs = new ArrayList<>();
            List<Integer> finalAt = new ArrayList<>();
            double[] probs = new double[numActions];
            for (int t = 0; t < config.numSteps(); t++) {
                float[] logits = forward(actor, current, n);
                for (int i = 0; i < n; i++) {
                    int k = t * n + i;
                    System.arraycopy(current, i * obsDim, obs, k * obsDim, obsDim);
                    PpoPolicy.softmax(logits, i * numActions, numActions, probs);
                    int a = sample(probs);
                    actions[k] = a;
                    logProbs[k] = (float) Math.log(probs[a]);
                    Env<float[], Integer> e = envs.get(i);
                    Step<float[]> s = e.step(a);
                    rewards[k] = (float) s.reward();
                    terminated[k] = s.terminated();
                    truncated[k] = s.truncated() && !s.terminated();
                    truncationValues[k] = 0;
                    episodeReturn[i] += s.reward();
                    episodeLength[i]++;
                    float[] next = s.observation();
                    if (s.terminated() || s.truncated()) {
                        callback.onMetrics(firstStep + k, Map.of("episode/return", episodeReturn[i], "episode/length",
                                (double) episodeLength[i]));
                        episodeReturn[i] = 0;
                        episodeLength[i] = 0;
                        if (truncated[k]) {
                            finalObs.add(next.clone());
                            finalAt.add(k);
                        }
                        next = e.reset().observation();
                    }
                    System.arraycopy(next, 0, current, i * obsDim, obsDim);
                }
            }
            if (!finalObs.isEmpty()) {
                float[] x = new float[finalObs.size() * obsDim];
                for (int j = 0; j < finalObs.size(); j++) {
                    System.arraycopy(finalObs.get(j), 0, x, j * obsDim, obsDim);
                }
                float[] v = forward(critic, x, finalObs.size());
                for (int j = 0; j < v.length; j++) {
                    truncationValues[finalAt.get(j)] = v[j];
                }
            }
        }

        /** Values of the rollout and of the observations after it, then GAE. */
        private void computeAdvantages() {
            System.arraycopy(forward(critic, obs, batch), 0, values, 0, batch);
            float[] lastValues = forward(critic, current, n);
            Gae.compute(rewards, values, terminated, truncated, truncationValues, lastValues, n, config.gamma(),
                    config.gaeLambda(), advantages, returns);
        }

        private int sample(double[] probs) {
            double u = actionRng.nextDouble();
            double c = 0;
            for (int a = 0; a < probs.length - 1; a++) {
                c += probs[a];
                if (u < c) {
                    return a;
                }
            }
            return probs.length - 1;
        }

        private void shuffle() {
            for (int j = 0; j < batch; j++) {
                perm[j] = j;
            }
            for (int j = batch - 1; j > 0; j--) {
                int r = minibatchRng.nextInt(j + 1);
                int tmp = perm[j];
                perm[j] = perm[r];
                perm[r] = tmp;
            }
        }

        /** Copies minibatch {@code perm[start .. start + mb)} and normalises its advantages. */
        private void gather(int start) {
            Arrays.fill(mbMask, 0f);
            double mean = 0;
            for (int j = 0; j < mb; j++) {
                int k = perm[start + j];
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
            float eps = (float) config.clipCoef();
            NDArray x = sub.create(mbObs, new Shape(mb, obsDim));
            NDArray logp = actor.forward(x, true).logSoftmax(1);
            NDArray newLogProb = logp.mul(sub.create(mbMask, new Shape(mb, numActions))).sum(new int[] {1});
            NDArray entropy = logp.exp().mul(logp).sum(new int[] {1}).neg().mean();
            NDArray logRatio = newLogProb.sub(sub.create(mbLogProbs, new Shape(mb)));
            NDArray ratio = logRatio.exp();
            NDArray negAdv = sub.create(mbAdvantages, new Shape(mb)).neg();
            NDArray policyLoss = negAdv.mul(ratio).maximum(negAdv.mul(ratio.clip(1 - eps, 1 + eps))).mean();

            NDArray v = critic.forward(x, true).reshape(new Shape(mb));
            NDArray ret = sub.create(mbReturns, new Shape(mb));
            NDArray unclipped = v.sub(ret).square();
            NDArray valueLoss;
            if (config.clipVloss()) {
                NDArray old = sub.create(mbValues, new Shape(mb));
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
