package dev.quiver.rl.offline.iql;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.quiver.core.env.EnvSpec;
import dev.quiver.core.seed.Seeds;
import dev.quiver.nn.net.Mlp;
import dev.quiver.nn.net.Network;
import dev.quiver.nn.net.WeightInit;
import dev.quiver.nn.optim.Adam;
import dev.quiver.nn.train.GradientStep;
import dev.quiver.rl.actorcritic.Critics;
import dev.quiver.rl.actorcritic.MlpSpecs;
import dev.quiver.rl.offline.AbstractOfflineLearner;
import dev.quiver.rl.offline.OfflineBatch;
import dev.quiver.rl.offline.OfflineLosses;
import dev.quiver.rl.offline.OfflineTraining;
import dev.quiver.rl.ppo.AnnealedOptimizer;
import dev.quiver.rl.schedule.CosineSchedule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Implicit Q-learning (IQL), and RIQL when built with its robustness options; written to follow CORL's
 * {@code iql.py}. Each gradient step on a batch {@code (s, a, r, s')}:
 * <ol>
 * <li>targets, without gradient: {@code y = r + γ (1 − terminated) V(s')} (clipped to [−100, 1000] when
 * {@code clipTargets}), and {@code q̂(s, a)}, the {@code targetQuantile}-quantile over the K target Q-networks
 * ({@code targetQuantile = 0}: their minimum, the clipped double Q of IQL);</li>
 * <li>V: one Adam step on the expectile loss {@code mean(|τ − 1(u < 0)| u²)}, {@code u = q̂(s, a) − V(s)};
 * the advantages {@code A = q̂ − V(s)} of V before the step are kept for the actor;</li>
 * <li>Q: one Adam step on {@code (1/K) Σ_k mean(ℓ(Q_k(s, a) − y))}, ℓ the squared error or, with
 * {@code huberDelta > 0}, the Huber loss; then Polyak updates of the target Q-networks;</li>
 * <li>actor: one Adam step on advantage-weighted regression {@code mean(min(exp(β A), maxWeight) · nll(a | s))},
 * nll the Gaussian negative log-likelihood (mean {@code tanh(f(s))}, learnt state-independent log-std), the
 * squared error of a deterministic tanh actor, or for discrete actions the cross-entropy of a softmax actor;
 * with {@code cosineActorLr} the actor's learning rate follows {@link CosineSchedule} over the run.</li>
 * </ol>
 * Continuous actions are scaled into {@code [−1, 1]}; the returned policy acts with the actor's mean (or the
 * largest logit). Metrics: {@code train/value_loss}, {@code train/q_loss}, {@code train/actor_loss},
 * {@code train/q_mean}, {@code train/v_mean}, {@code train/adv_mean}, {@code train/weight_mean}.
 *
 * <p>Randomness: {@code child("init").child("actor"|"critic"|"value")} initialise the networks; batches come
 * from {@code child("sampler")}. Single intra-op thread: a run is bit-reproducible.
 *
 * @param <A> action type
 * @see IqlConfig
 * @see <a href="https://arxiv.org/abs/2110.06169">Kostrikov, I., Nair, A. and Levine, S. (2022). Offline
 *     Reinforcement Learning with Implicit Q-Learning. ICLR. arXiv:2110.06169</a>
 * @see <a href="https://arxiv.org/abs/2310.12955">Yang, R. et al. (2024). Towards Robust Offline Reinforcement
 *     Learning under Diverse Data Corruption. ICLR. arXiv:2310.12955</a>
 */
public final class Iql<A> extends AbstractOfflineLearner<A> {
    /** IQL's name in checkpoints and on the command line. */
    public static final String ALGORITHM = "iql";
    private static final float LOG_STD_MIN = -20f;
    private static final float LOG_STD_MAX = 2f;
    private static final float TARGET_MIN = -100f;
    private static final float TARGET_MAX = 1000f;
    private final IqlConfig config;

    /**
     * A learner for {@code spec}.
     *
     * @param algorithm the name its policies are saved under ({@code iql} or {@code riql})
     * @param displayName the name in messages
     */
    public Iql(String algorithm, String displayName, IqlConfig config, EnvSpec spec) {
        super(algorithm, displayName, config.toMap(), spec, config.batchSize(), config.normalizeObservations(), true);
        this.config = config;
    }

    @Override
    protected Trainer newTrainer(Seeds seeds, long steps) {
        return new IqlTrainer(seeds.child("init"), steps);
    }

    /** The networks and the update of one run. */
    private final class IqlTrainer implements Trainer {
        private final boolean gaussian = !discrete() && config.actor() == IqlActor.GAUSSIAN;
        private final Network actor;
        private final Network logStd;
        private final Network value;
        private final Critics critics;
        private final Adam valueAdam;
        private final AnnealedOptimizer actorOptimizer;
        private final GradientStep valueStep;
        private final GradientStep actorStep;
        private final CosineSchedule actorSchedule;
        private final int size = config.batchSize();
        private final float[] targets = new float[size];
        private final float[] targetQ = new float[size];
        private float[] advantages = new float[size];
        private double qMean;
        private double vMean;

        IqlTrainer(Seeds init, long steps) {
            int obs = obsDim();
            int out = discrete() ? numActions() : actDim();
            List<Integer> hidden = config.hidden();
            actor = Network.create(MlpSpecs.relu(obs, out, hidden), init.child("actor"));
            logStd = gaussian ? Network.create(Mlp.of(1, actDim()).withOutputInit(WeightInit.XAVIER_UNIFORM, 0),
                    init.child("log_std")) : null;
            value = Network.create(MlpSpecs.relu(obs, 1, hidden), init.child("value"));
            critics = Critics.create(discrete() ? MlpSpecs.relu(obs, out, hidden)
                    : MlpSpecs.relu(obs + actDim(), 1, hidden), config.numCritics(),
                    Adam.Config.adam(config.criticLr()), init.child("critic"));
            valueAdam = new Adam(Adam.Config.adam(config.valueLr()), value);
            Adam actorAdam = gaussian ? new Adam(Adam.Config.adam(config.actorLr()), actor, logStd)
                    : new Adam(Adam.Config.adam(config.actorLr()), actor);
            actorOptimizer = new AnnealedOptimizer(actorAdam);
            valueStep = new GradientStep(valueAdam, value.manager(), 0);
            actorStep = new GradientStep(actorOptimizer, actor.manager(), 0);
            actorSchedule = new CosineSchedule(1, 0, steps);
        }

        @Override
        public Map<String, Double> update(OfflineBatch batch, long t) {
            computeTargets(batch);
            Shape col = new Shape(size, 1);
            double valueLoss = valueStep.step(sub -> {
                NDArray v = value.forward(batch.observations(sub), true);
                NDArray u = sub.create(targetQ, col).sub(v);
                advantages = u.toFloatArray();
                vMean = v.mean().getFloat();
                return OfflineLosses.expectile(u, config.expectile());
            }).loss();
            OfflineTraining.requireFinite(displayName(), "value loss", valueLoss, t);
            double qLoss = critics.update(sub -> {
                NDArray y = sub.create(targets, col);
                List<NDArray> qs = critics.forward(batch.qInput(sub));
                NDArray loss = null;
                double sum = 0;
                for (NDArray q : qs) {
                    NDArray taken = batch.taken(q, sub);
                    sum += taken.mean().getFloat();
                    NDArray d = taken.sub(y);
                    NDArray l = config.huberDelta() > 0 ? OfflineLosses.huber(d, config.huberDelta()).mean()
                            : d.square().mean();
                    loss = loss == null ? l : loss.add(l);
                }
                qMean = sum / qs.size();
                return loss.div(qs.size());
            }).loss();
            OfflineTraining.requireFinite(displayName(), "Q loss", qLoss, t);
            critics.updateTargets(config.tau());
            if (config.cosineActorLr()) {
                actorOptimizer.setFactor(actorSchedule.value(t));
            }
            double[] weightMean = new double[1];
            double actorLoss = actorStep.step(sub -> {
                NDArray w = OfflineLosses.advantageWeights(sub.create(advantages, col), config.beta(),
                        config.maxWeight());
                weightMean[0] = w.mean().getFloat();
                NDArray out = actor.forward(batch.observations(sub), true);
                NDArray nll;
                if (discrete()) {
                    nll = OfflineLosses.categoricalNll(out, batch.oneHotActions(sub));
                } else if (gaussian) {
                    NDArray ls = logStd.forward(sub.zeros(new Shape(1, 1)), true).clip(LOG_STD_MIN, LOG_STD_MAX);
                    nll = OfflineLosses.gaussianNll(out.tanh(), ls, batch.unitActions(sub));
                } else {
                    nll = OfflineLosses.squaredError(out.tanh(), batch.unitActions(sub));
                }
                return w.mul(nll).mean();
            }).loss();
            OfflineTraining.requireFinite(displayName(), "actor loss", actorLoss, t);
            double advMean = 0;
            for (float a : advantages) {
                advMean += a;
            }
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("train/value_loss", valueLoss);
            m.put("train/q_loss", qLoss);
            m.put("train/actor_loss", actorLoss);
            m.put("train/q_mean", qMean);
            m.put("train/v_mean", vMean);
            m.put("train/adv_mean", advMean / size);
            m.put("train/weight_mean", weightMean[0]);
            return m;
        }

        /** {@code y = r + γ (1 − terminated) V(s')} and the ensemble quantile of the target Q-values, without gradient. */
        private void computeTargets(OfflineBatch batch) {
            try (NDManager sub = value.manager().newSubManager()) {
                NDArray y = batch.rewards(sub).add(batch.notDone(sub).mul(value.forward(batch.nextObservations(sub)))
                        .mul((float) config.gamma()));
                if (config.clipTargets()) {
                    y = y.clip(TARGET_MIN, TARGET_MAX);
                }
                System.arraycopy(y.toFloatArray(), 0, targets, 0, size);
                NDArray all = batch.takenAll(critics.target().forwardAll(batch.qInput(sub)), sub);
                System.arraycopy(OfflineLosses.ensembleQuantile(all, config.targetQuantile()).toFloatArray(), 0,
                        targetQ, 0, size);
            }
        }

        @Override
        public Network policyNetwork() {
            return actor;
        }

        @Override
        public void close() {
            actorOptimizer.close();
            valueAdam.close();
            critics.close();
            value.close();
            if (logStd != null) {
                logStd.close();
            }
        }
    }
}
