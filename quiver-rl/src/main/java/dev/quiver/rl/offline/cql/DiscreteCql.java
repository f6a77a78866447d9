package dev.quiver.rl.offline.cql;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.quiver.core.env.EnvSpec;
import dev.quiver.core.seed.Seeds;
import dev.quiver.nn.net.Network;
import dev.quiver.nn.optim.Adam;
import dev.quiver.nn.target.TargetNetworks;
import dev.quiver.nn.train.GradientStep;
import dev.quiver.rl.offline.AbstractOfflineLearner;
import dev.quiver.rl.offline.OfflineBatch;
import dev.quiver.rl.offline.OfflineLosses;
import dev.quiver.rl.offline.OfflineTraining;
import dev.quiver.rl.policy.Categorical;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Conservative Q-learning, CQL(H), for discrete actions: a DQN whose loss adds
 * {@code discreteAlpha · mean_s(log Σ_a exp Q(s, a) − Q(s, a_data))} (Kumar et al. 2020, eq. 4, as in their
 * Atari experiments and d3rlpy's {@code DiscreteCQL}). Each gradient step on a batch {@code (s, a, r, s')}:
 * the target {@code y = r + γ (1 − terminated) Q'(s', a*)} with {@code a* = argmax_a Q(s', a)} (double Q) or
 * {@code argmax_a Q'(s', a)}, without gradient; one Adam step on {@code ℓ(Q(s, a) − y) + discreteAlpha · penalty}
 * ({@code ℓ} the Huber or squared error); a Polyak update of the target network with rate {@code tau}. The policy
 * is greedy in Q. Metrics: {@code train/critic_loss}, {@code train/td_loss}, {@code train/cql_penalty},
 * {@code train/q_mean}.
 *
 * <p>Randomness: {@code child("init").child("critic")} initialises the network, {@code child("sampler")} draws
 * the batches.
 *
 * @see CqlConfig
 * @see <a href="https://arxiv.org/abs/2006.04779">Kumar, A., Zhou, A., Tucker, G. and Levine, S. (2020).
 *     Conservative Q-Learning for Offline Reinforcement Learning. NeurIPS. arXiv:2006.04779</a>
 */
public final class DiscreteCql extends AbstractOfflineLearner<Integer> {
    private final CqlConfig config;

    DiscreteCql(CqlConfig config, EnvSpec spec) {
        super(Cql.ALGORITHM, "CQL", config.toMap(), spec, config.batchSize(), config.normalizeObservations(), true);
        this.config = config;
    }

    @Override
    protected Trainer newTrainer(Seeds seeds, long steps) {
        Network q = Network.create(Cql.criticSpec(config, obsDim(), numActions()), seeds.child("init").child("critic"));
        Network target = q.copy();
        Adam adam = new Adam(Adam.Config.adam(config.criticLr()), q);
        GradientStep step = new GradientStep(adam, q.manager(), 0);
        int size = config.batchSize();
        int n = numActions();
        float[] targets = new float[size];
        double[] parts = new double[3];
        return new Trainer() {
            @Override
            public Map<String, Double> update(OfflineBatch batch, long t) {
                computeTargets(batch);
                double loss = step.step(sub -> {
                    NDArray all = q.forward(batch.observations(sub), true);
                    NDArray taken = batch.taken(all, sub);
                    NDArray d = taken.sub(sub.create(targets, new Shape(size, 1)));
                    NDArray td = switch (config.discreteLoss()) {
                        case MSE -> d.square().mean();
                        case HUBER -> OfflineLosses.huber(d, 1.0).mean();
                    };
                    NDArray penalty = OfflineLosses.discreteCqlPenalty(all, taken);
                    parts[0] = td.getFloat();
                    parts[1] = penalty.getFloat();
                    parts[2] = taken.mean().getFloat();
                    return td.add(penalty.mul((float) config.discreteAlpha()));
                }).loss();
                OfflineTraining.requireFinite(displayName(), "critic loss", loss, t);
                TargetNetworks.polyakUpdate(target, q, config.tau());
                Map<String, Double> m = new LinkedHashMap<>();
                m.put("train/critic_loss", loss);
                m.put("train/td_loss", parts[0]);
                m.put("train/cql_penalty", parts[1]);
                m.put("train/q_mean", parts[2]);
                return m;
            }

            private void computeTargets(OfflineBatch batch) {
                float[] qTarget;
                float[] qOnline = null;
                try (NDManager sub = q.manager().newSubManager()) {
                    NDArray next = batch.nextObservations(sub);
                    qTarget = target.forward(next).toFloatArray();
                    if (config.doubleQ()) {
                        qOnline = q.forward(next).toFloatArray();
                    }
                }
                float[] r = batch.rewardArray();
                float[] notDone = batch.notDoneArray();
                for (int k = 0; k < size; k++) {
                    int best = Categorical.argmax(config.doubleQ() ? qOnline : qTarget, k * n, n);
                    targets[k] = (float) (r[k] + config.gamma() * notDone[k] * qTarget[k * n + best]);
                }
            }

            @Override
            public Network policyNetwork() {
                return q;
            }

            @Override
            public void close() {
                adam.close();
                target.close();
            }
        };
    }
}
