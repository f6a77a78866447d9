package dev.quiver.rl.offline.cql;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
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
import dev.quiver.rl.actorcritic.EntropyTemperature;
import dev.quiver.rl.actorcritic.GaussianDraws;
import dev.quiver.rl.actorcritic.MlpSpecs;
import dev.quiver.rl.offline.AbstractOfflineLearner;
import dev.quiver.rl.offline.OfflineBatch;
import dev.quiver.rl.offline.OfflineLosses;
import dev.quiver.rl.offline.OfflineTraining;
import dev.quiver.rl.sac.SquashedGaussian;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Conservative Q-learning, CQL(H), for bounded continuous actions: SAC with twin critics and a tanh-Gaussian
 * actor, whose critics also minimise the soft maximum of Q over sampled actions minus Q at the data's actions;
 * written to follow CORL's {@code cql.py} (after Young Geng's reimplementation of the paper's code). Each
 * gradient step on a batch {@code (s, a, r, s')} (actions in {@code [−1, 1]}), with the current temperature α:
 * <ol>
 * <li>without gradient: the target {@code y = r + γ (1 − terminated) min_i Q'_i(s', ã')}, {@code ã' ~ π(·|s')}
 * (minus {@code α log π(ã'|s')} with {@code backupEntropy}); N uniform actions, N actions from {@code π(·|s)} and
 * N from {@code π(·|s')} per state, with their log-densities;</li>
 * <li>actor: one Adam step on {@code mean(α log π(ã|s) − min_i Q_i(s, ã))} (the critics' gradients are
 * discarded); temperature: one step towards entropy −|A| ({@link EntropyTemperature});</li>
 * <li>critics: one Adam step on {@code Σ_i [mean((Q_i(s, a) − y)²) + cqlAlpha · mean_s(T log Σ_j exp(q_ij / T) −
 * Q_i(s, a))]}, the {@code q_ij} being {@code Q_i(s, a_j)} of the 3N sampled actions (all evaluated at s) minus
 * their log-densities {@code log(0.5^|A|)}, {@code log π(a_j|s)}, {@code log π(a_j|s')} (importance sampling);
 * then Polyak updates of the target critics.</li>
 * </ol>
 * The actor's log-std is its second |A| outputs minus 1 (CORL's {@code log_std_offset}, kept fixed here),
 * clipped to [−20, 2]; the policy acts with {@code tanh(mean)}. Metrics: {@code train/critic_loss},
 * {@code train/td_loss}, {@code train/cql_penalty} (mean over the critics), {@code train/actor_loss},
 * {@code train/alpha}, {@code train/q_mean}.
 *
 * <p>Randomness: {@code child("init").child("actor"|"critic")} initialise the networks, {@code child("noise")}
 * draws the actor's Gaussian noise and the uniform actions, {@code child("sampler")} the batches.
 *
 * @see CqlConfig
 * @see <a href="https://arxiv.org/abs/2006.04779">Kumar, A., Zhou, A., Tucker, G. and Levine, S. (2020).
 *     Conservative Q-Learning for Offline Reinforcement Learning. NeurIPS. arXiv:2006.04779</a>
 */
public final class Cql extends AbstractOfflineLearner<float[]> {
    /** The algorithm's name in checkpoints and on the command line. */
    public static final String ALGORITHM = "cql";
    /** CORL's fixed {@code log_std_offset}: the actor's raw log-std output is shifted by this. */
    static final float LOG_STD_OFFSET = -1f;
    private final CqlConfig config;

    Cql(CqlConfig config, EnvSpec spec) {
        super(ALGORITHM, "CQL", config.toMap(), spec, config.batchSize(), config.normalizeObservations(), false);
        this.config = config;
    }

    /** The Q-network architecture of both CQL variants: orthogonal (gain √2, output 0.01) or PyTorch's default. */
    static Mlp criticSpec(CqlConfig config, int in, int out) {
        if (config.orthogonalInit()) {
            return Mlp.of(in, out, config.criticHidden().stream().mapToInt(Integer::intValue).toArray())
                    .withHiddenInit(WeightInit.ORTHOGONAL, Math.sqrt(2)).withOutputInit(WeightInit.ORTHOGONAL, 0.01);
        }
        return MlpSpecs.relu(in, out, config.criticHidden());
    }

    @Override
    protected Trainer newTrainer(Seeds seeds, long steps) {
        return new CqlTrainer(seeds);
    }

    private final class CqlTrainer implements Trainer {
        private final Network actor;
        private final Critics critics;
        private final Adam actorAdam;
        private final GradientStep actorStep;
        private final EntropyTemperature temperature;
        private final GaussianDraws gaussian;
        private final UniformRandomProvider uniform;
        private final int size = config.batchSize();
        private final int n = config.numSampledActions();
        private final int act = actDim();
        private final float[] offset = new float[2 * act];
        private final float[] targets = new float[size];
        private final float[] randomActions = new float[size * n * act];
        private float[] currentActions;
        private float[] currentLogProbs;
        private float[] nextActions;
        private float[] nextLogProbs;
        private double meanLogProb;
        private double qMean;
        private final double[] parts = new double[2];

        CqlTrainer(Seeds seeds) {
            Seeds init = seeds.child("init");
            actor = Network.create(MlpSpecs.relu(obsDim(), 2 * act, config.actorHidden())
                    .withOutputInit(WeightInit.XAVIER_UNIFORM, 0.01), init.child("actor"));
            critics = Critics.create(criticSpec(config, obsDim() + act, 1), 2, Adam.Config.adam(config.criticLr()),
                    init.child("critic"));
            actorAdam = new Adam(Adam.Config.adam(config.actorLr()), actor);
            actorStep = new GradientStep(actorAdam, actor.manager(), 0);
            temperature = config.autoEntropy()
                    ? EntropyTemperature.tuned(config.entropyAlpha(), -act, Adam.Config.adam(config.actorLr()))
                    : EntropyTemperature.fixed(config.entropyAlpha());
            UniformRandomProvider noiseRng = seeds.child("noise").rng();
            gaussian = new GaussianDraws(noiseRng);
            uniform = noiseRng;
            for (int j = act; j < 2 * act; j++) {
                offset[j] = LOG_STD_OFFSET;
            }
        }

        private SquashedGaussian.Sample sample(NDArray out, NDManager m, int rows) {
            return SquashedGaussian.sample(out.add(m.create(offset, new Shape(1, 2 * act))),
                    m.create(gaussian.next(rows * act), new Shape(rows, act)));
        }

        @Override
        public Map<String, Double> update(OfflineBatch batch, long t) {
            double alpha = temperature.alpha();
            prepareSamples(batch, alpha);
            double actorLoss = actorStep.step(sub -> {
                NDArray obs = batch.observations(sub);
                SquashedGaussian.Sample s = sample(actor.forward(obs, true), sub, size);
                NDArray minQ = critics.min(obs.concat(s.action(), 1));
                meanLogProb = s.logProb().mean().getFloat();
                return s.logProb().mul((float) alpha).sub(minQ).mean();
            }).loss();
            critics.zeroGradients();
            OfflineTraining.requireFinite(displayName(), "actor loss", actorLoss, t);
            temperature.update(meanLogProb);
            double criticLoss = critics.update(sub -> criticLoss(batch, sub)).loss();
            OfflineTraining.requireFinite(displayName(), "critic loss", criticLoss, t);
            critics.updateTargets(config.tau());
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("train/critic_loss", criticLoss);
            m.put("train/td_loss", parts[0]);
            m.put("train/cql_penalty", parts[1]);
            m.put("train/actor_loss", actorLoss);
            m.put("train/alpha", alpha);
            m.put("train/q_mean", qMean);
            return m;
        }

        private NDArray criticLoss(OfflineBatch batch, NDManager sub) {
            int rows = size * n;
            NDArray obsRep = batch.observations(sub).repeat(0, n);
            NDArray y = sub.create(targets, new Shape(size, 1));
            List<NDArray> q = critics.forward(batch.qInput(sub));
            NDArray sampled = NDArrays.concat(new NDList(
                    obsRep.concat(sub.create(randomActions, new Shape(rows, act)), 1),
                    obsRep.concat(sub.create(currentActions, new Shape(rows, act)), 1),
                    obsRep.concat(sub.create(nextActions, new Shape(rows, act)), 1)), 0);
            List<NDArray> qSampled = critics.forward(sampled);
            NDArray curLogProb = sub.create(currentLogProbs, new Shape(size, n));
            NDArray nextLogProb = sub.create(nextLogProbs, new Shape(size, n));
            float randomLogDensity = (float) (act * Math.log(0.5));
            NDArray td = null;
            NDArray penalty = null;
            double qSum = 0;
            for (int i = 0; i < q.size(); i++) {
                NDArray qi = q.get(i);
                qSum += qi.mean().getFloat();
                NDArray tdi = qi.sub(y).square().mean();
                NDList split = qSampled.get(i).split(3, 0);
                NDArray rand = split.get(0).reshape(size, n);
                NDArray cur = split.get(1).reshape(size, n);
                NDArray nxt = split.get(2).reshape(size, n);
                NDArray cat = config.importanceSampling()
                        ? rand.sub(randomLogDensity).concat(nxt.sub(nextLogProb), 1).concat(cur.sub(curLogProb), 1)
                        : rand.concat(qi, 1).concat(nxt, 1).concat(cur, 1);
                NDArray pi = OfflineLosses.sampledCqlPenalty(cat, qi, config.temperature());
                td = td == null ? tdi : td.add(tdi);
                penalty = penalty == null ? pi : penalty.add(pi);
            }
            qMean = qSum / q.size();
            parts[0] = td.getFloat();
            parts[1] = penalty.getFloat() / q.size();
            return td.add(penalty.mul((float) config.cqlAlpha()));
        }

        /** The Q target and the sampled actions with their log-densities, without gradient. */
        private void prepareSamples(OfflineBatch batch, double alpha) {
            int rows = size * n;
            try (NDManager sub = critics.manager().newSubManager()) {
                NDArray obs = batch.observations(sub);
                NDArray next = batch.nextObservations(sub);
                SquashedGaussian.Sample ns = sample(actor.forward(next), sub, size);
                NDArray tq = critics.targetMin(next.concat(ns.action(), 1));
                if (config.backupEntropy()) {
                    tq = tq.sub(ns.logProb().mul((float) alpha));
                }
                NDArray y = batch.rewards(sub).add(batch.notDone(sub).mul(tq).mul((float) config.gamma()));
                System.arraycopy(y.toFloatArray(), 0, targets, 0, size);
                SquashedGaussian.Sample cur = sample(actor.forward(obs.repeat(0, n)), sub, rows);
                SquashedGaussian.Sample nxt = sample(actor.forward(next.repeat(0, n)), sub, rows);
                currentActions = cur.action().toFloatArray();
                currentLogProbs = cur.logProb().toFloatArray();
                nextActions = nxt.action().toFloatArray();
                nextLogProbs = nxt.logProb().toFloatArray();
            }
            for (int i = 0; i < randomActions.length; i++) {
                randomActions[i] = (float) (2 * uniform.nextDouble() - 1);
            }
        }

        @Override
        public Network policyNetwork() {
            return actor;
        }

        @Override
        public void close() {
            actorAdam.close();
            critics.close();
        }
    }
}
