package dev.quiver.rl.offline.bc;

import ai.djl.ndarray.NDArray;
import dev.quiver.core.env.EnvSpec;
import dev.quiver.core.seed.Seeds;
import dev.quiver.nn.net.Network;
import dev.quiver.nn.optim.Adam;
import dev.quiver.nn.train.GradientStep;
import dev.quiver.rl.actorcritic.MlpSpecs;
import dev.quiver.rl.offline.AbstractOfflineLearner;
import dev.quiver.rl.offline.OfflineBatch;
import dev.quiver.rl.offline.OfflineLosses;
import dev.quiver.rl.offline.OfflineTraining;
import java.util.Map;

/**
 * Behaviour cloning: supervised learning of the dataset's actions from its observations. Each gradient step
 * is one Adam step on a uniformly sampled batch of
 * <ul>
 * <li>continuous actions: {@code mean_{b, j}(tanh(f(s))_j − a_j)²}, the actions scaled into {@code [−1, 1]}
 * (the policy acts with {@code tanh(f(s))} mapped back onto the bounds);</li>
 * <li>discrete actions: the cross-entropy {@code −log softmax(f(s))[a]} (the policy takes the largest logit).</li>
 * </ul>
 * Metric: {@code train/bc_loss}. Networks from {@code Seeds.of(seed).child("init").child("actor")}.
 *
 * @param <A> action type
 * @see BcConfig
 */
public final class Bc<A> extends AbstractOfflineLearner<A> {
    /** The algorithm's name in checkpoints and on the command line. */
    public static final String ALGORITHM = "bc";
    private final BcConfig config;

    Bc(BcConfig config, EnvSpec spec) {
        super(ALGORITHM, "BC", config.toMap(), spec, config.batchSize(), config.normalizeObservations(), true);
        this.config = config;
    }

    @Override
    protected Trainer newTrainer(Seeds seeds, long steps) {
        int outputs = discrete() ? numActions() : actDim();
        Network actor = Network.create(MlpSpecs.relu(obsDim(), outputs, config.hidden()),
                seeds.child("init").child("actor"));
        Adam adam = new Adam(Adam.Config.adam(config.learningRate()), actor);
        GradientStep step = new GradientStep(adam, actor.manager(), 0);
        return new Trainer() {
            @Override
            public Map<String, Double> update(OfflineBatch batch, long t) {
                float loss = step.step(sub -> {
                    NDArray out = actor.forward(batch.observations(sub), true);
                    return discrete() ? OfflineLosses.categoricalNll(out, batch.oneHotActions(sub)).mean()
                            : OfflineLosses.squaredError(out.tanh(), batch.unitActions(sub)).mean().div(actDim());
                }).loss();
                OfflineTraining.requireFinite(displayName(), "behaviour-cloning loss", loss, t);
                return Map.of("train/bc_loss", (double) loss);
            }

            @Override
            public Network policyNetwork() {
                return actor;
            }

            @Override
            public void close() {
                adam.close();
            }
        };
    }
}
