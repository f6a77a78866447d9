package dev.quiver.rl.offline.td3bc;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.quiver.core.env.EnvSpec;
import dev.quiver.core.seed.Seeds;
import dev.quiver.nn.net.Network;
import dev.quiver.nn.optim.Adam;
import dev.quiver.nn.target.TargetNetworks;
import dev.quiver.nn.train.GradientStep;
import dev.quiver.rl.actorcritic.Critics;
import dev.quiver.rl.actorcritic.GaussianDraws;
import dev.quiver.rl.actorcritic.MlpSpecs;
import dev.quiver.rl.offline.AbstractOfflineLearner;
import dev.quiver.rl.offline.OfflineBatch;
import dev.quiver.rl.offline.OfflineLosses;
import dev.quiver.rl.offline.OfflineTraining;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TD3+BC: TD3 with a behaviour-cloning term in the actor's loss, on normalised observations; written to
 * follow Fujimoto and Gu's reference code and CORL's {@code td3_bc.py}. Each gradient step on a batch
 * {@code (s, a, r, s')} (actions in {@code [−1, 1]}):
 * <ol>
 * <li>critics: {@code y = r + γ (1 − terminated) min_i Q'_i(s', ã')} with the smoothed target action
 * {@code ã' = clip(π'(s') + clip(σ ε, −c, c), −1, 1)}; one Adam step on {@code Σ_i mean((Q_i(s, a) − y)²)};</li>
 * <li>every {@code policyDelay}-th step: one Adam step of the actor on
 * {@code −λ mean(Q_1(s, π(s))) + mean((π(s) − a)²)} with {@code λ = α / mean|Q_1(s, π(s))|} (a constant), then
 * Polyak updates of the target actor and critics.</li>
 * </ol>
 * The actor is {@code π(s) = tanh(f(s))}. Metrics: {@code train/critic_loss}, {@code train/q_mean}, and with
 * actor updates {@code train/actor_loss}, {@code train/bc_loss}, {@code train/lambda}.
 *
 * <p>Randomness: {@code child("init").child("actor"|"critic")} initialise the networks, {@code child("noise")}
 * draws the smoothing noise, {@code child("sampler")} the batches.
 *
 * @see Td3BcConfig
 * @see <a href="https://arxiv.org/abs/2106.06860">Fujimoto, S. and Gu, S. S. (2021). A Minimalist Approach to
 *     Offline Reinforcement Learning. NeurIPS. arXiv:2106.06860</a>
 * @see <a href="https://arxiv.org/abs/1802.09477">Fujimoto, S., van Hoof, H. and Meger, D. (2018). Addressing
 *     Function Approximation Error in Actor-Critic Methods. ICML. arXiv:1802.09477</a>
 */
public final class Td3Bc extends AbstractOfflineLearner<float[]> {
    /** The algorithm's name in checkpoints and on the command line. */
    public static final String ALGORITHM = "td3bc";
    private final Td3BcConfig config;

    Td3Bc(Td3BcConfig config, EnvSpec spec) {
        super(ALGORITHM, "TD3+BC", config.toMap(), spec, config.batchSize(), config.normalizeObservations(), false);
        this.config = config;
    }

    @Override
    protected Trainer newTrainer(Seeds seeds, long steps) {
        return new Td3BcTrainer(seeds);
    }

    private final class Td3BcTrainer implements Trainer {
        private final Network actor;
        private final Network actorTarget;
        private final Critics critics;
        private final Adam actorAdam;
        private final GradientStep actorStep;
        private final GaussianDraws noise;
        private final int size = config.batchSize();
        private final float[] targets = new float[size];
        private final float[] smoothing = new float[size * actDim()];
        private long updates;
        private double qMean;

        Td3BcTrainer(Seeds seeds) {
            Seeds init = seeds.child("init");
            actor = Network.create(MlpSpecs.relu(obsDim(), actDim(), config.hidden()), init.child("actor"));
            actorTarget = actor.copy();
            critics = Critics.create(MlpSpecs.relu(obsDim() + actDim(), 1, config.hidden()), 2,
                    Adam.Config.adam(config.criticLr()), init.child("critic"));
            actorAdam = new Adam(Adam.Config.adam(config.actorLr()), actor);
            actorStep = new GradientStep(actorAdam, actor.manager(), 0);
            noise = new GaussianDraws(seeds.child("noise").rng());
        }

        @Override
        public Map<String, Double> update(OfflineBatch batch, long t) {
            computeTargets(batch);
            double criticLoss = critics.update(sub -> {
                NDArray y = sub.create(targets, new Shape(size, 1));
                List<NDArray> q = critics.forward(batch.qInput(sub));
                qMean = q.get(0).mean().getFloat();
                NDArray loss = q.get(0).sub(y).square().mean();
                for (int i = 1; i < q.size(); i++) {
                    loss = loss.add(q.get(i).sub(y).square().mean());
                }
                return loss;
            }).loss();
            OfflineTraining.requireFinite(displayName(), "critic loss", criticLoss, t);
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("train/critic_loss", criticLoss);
            m.put("train/q_mean", qMean);
            if (++updates % config.policyDelay() == 0) {
                double[] parts = new double[2];
                double actorLoss = actorStep.step(sub -> {
                    NDArray obs = batch.observations(sub);
                    NDArray pi = actor.forward(obs, true).tanh();
                    NDArray q = critics.forwardFirst(obs.concat(pi, 1));
                    double lambda = OfflineLosses.td3bcLambda(config.alpha(), q);
                    NDArray bc = pi.sub(batch.unitActions(sub)).square().mean();
                    parts[0] = lambda;
                    parts[1] = bc.getFloat();
                    return q.mean().mul((float) -lambda).add(bc);
                }).loss();
                critics.zeroGradients();
                OfflineTraining.requireFinite(displayName(), "actor loss", actorLoss, t);
                critics.updateTargets(config.tau());
                TargetNetworks.polyakUpdate(actorTarget, actor, config.tau());
                m.put("train/actor_loss", actorLoss);
                m.put("train/lambda", parts[0]);
                m.put("train/bc_loss", parts[1]);
            }
            return m;
        }

        /** {@code y = r + γ (1 − terminated) min_i Q'_i(s', ã')} with smoothed target actions, without gradient. */
        private void computeTargets(OfflineBatch batch) {
            float[] eps = noise.next(size * actDim());
            float sigma = (float) config.policyNoise();
            float clip = (float) config.noiseClip();
            for (int i = 0; i < eps.length; i++) {
                smoothing[i] = Math.max(-clip, Math.min(clip, sigma * eps[i]));
            }
            try (NDManager sub = critics.manager().newSubManager()) {
                NDArray next = batch.nextObservations(sub);
                NDArray a = actorTarget.forward(next).tanh().add(sub.create(smoothing, new Shape(size, actDim())))
                        .clip(-1f, 1f);
                NDArray y = batch.rewards(sub).add(batch.notDone(sub).mul(critics.targetMin(next.concat(a, 1)))
                        .mul((float) config.gamma()));
                System.arraycopy(y.toFloatArray(), 0, targets, 0, size);
            }
        }

        @Override
        public Network policyNetwork() {
            return actor;
        }

        /** The first online critic, saved with the policy so that adversarial corruption can attack it. */
        @Override
        public Network criticToKeep() {
            Network first = critics.online().members().get(0);
            Network copy = Network.create(first.spec(), Seeds.of(0));
            copy.copyFrom(first);
            return copy;
        }

        @Override
        public void close() {
            actorAdam.close();
            actorTarget.close();
            critics.close();
        }
    }
}
