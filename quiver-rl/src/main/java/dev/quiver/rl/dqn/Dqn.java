package dev.quiver.rl.dqn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.quiver.core.env.EnvSpec;
import dev.quiver.nn.net.Network;
import dev.quiver.nn.net.NetworkSpec;
import dev.quiver.nn.train.GradientStep;
import dev.quiver.rl.policy.Categorical;
import dev.quiver.rl.replay.Batch;
import dev.quiver.rl.value.ValueLearner;
import java.util.Arrays;

/**
 * Deep Q-learning (DQN) with experience replay and a target network, optionally with double-Q
 * targets, a dueling network and n-step returns; written to read like CleanRL's {@code dqn.py}.
 *
 * <p>The training loop is {@link ValueLearner}'s (ε-greedy acting, replay, n-step returns, training
 * rounds, target updates, seeding, metrics); DQN's part is the update: on a sampled batch, one Adam step
 * on the TD loss ({@link TdLoss}) of {@code y = R + γ^m (1 − terminated) Q_target(s', a*)} with
 * {@code a* = argmax_a Q_target(s', a)} ({@code argmax_a Q_online(s', a)} with double Q). Truncation (a
 * time limit) still bootstraps; only {@code terminated} stops it. With the defaults ({@code gradientSteps
 * = 1}) every {@code trainFrequency} env steps take one update, as CleanRL.
 *
 * <p>Randomness and metrics are as {@link ValueLearner} describes ({@code train/q_mean} is the mean of
 * {@code Q(s, a)} over the batch); with the engine's single intra-op thread (the default) a run is
 * bit-reproducible.
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
public final class Dqn extends ValueLearner<DqnConfig, DqnPolicy> {
    private static final String NAME = "DQN";

    /**
     * A learner for {@code spec}; see {@link DqnConfig#build}.
     *
     * @throws dev.quiver.core.error.QuiverUserException unless observations are a float32 Box and
     *     actions Discrete
     */
    Dqn(DqnConfig config, EnvSpec spec) {
        super(NAME, config, spec);
    }

    @Override
    protected NetworkSpec networkSpec() {
        return DqnPolicy.networkSpec(config(), obsDim(), numActions());
    }

    @Override
    protected Update newUpdate(Network online, Network target, GradientStep step, Batch batch) {
        return new TdUpdate(online, target, step, batch);
    }

    @Override
    protected DqnPolicy greedyPolicy(Network online, long trainedSteps) {
        return new DqnPolicy(online, config(), spec().id(), obsDim(), numActions(), trainedSteps);
    }

    /** One gradient step on a sampled batch: targets without gradient, then the TD loss. */
    private final class TdUpdate implements Update {
        private final DqnConfig config = config();
        private final int obsDim = obsDim();
        private final int numActions = numActions();
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

        @Override
        public Result step() {
            computeTargets();
            int b = config.batchSize();
            Arrays.fill(actionMask, 0f);
            for (int k = 0; k < b; k++) {
                actionMask[k * numActions + batch.actions()[k]] = 1f;
            }
            float loss = update.step(sub -> {
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
            }).loss();
            return new Result(loss, lastQMean);
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
                int best = Categorical.argmax(config.doubleQ() ? qOnline : qTarget, from, numActions);
                double bootstrap = batch.terminated()[k] ? 0 : discounts[batch.steps()[k]] * qTarget[from + best];
                targets[k] = (float) (batch.rewards()[k] + bootstrap);
            }
        }
    }
}
