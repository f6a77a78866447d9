package dev.quiver.rl.qrdqn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.quiver.core.env.EnvSpec;
import dev.quiver.nn.net.Network;
import dev.quiver.nn.net.NetworkSpec;
import dev.quiver.nn.train.GradientStep;
import dev.quiver.rl.replay.Batch;
import dev.quiver.rl.value.ValueLearner;
import java.util.Arrays;

/**
 * Quantile-regression DQN (QR-DQN): DQN whose network predicts, for every action, {@code N} quantiles of
 * the return distribution at the fractions {@code τ̂_i = (2i + 1) / (2N)}, trained by quantile regression
 * with the quantile Huber loss ({@link QuantileHuberLoss}, κ = 1) and acting greedily on the mean of the
 * quantiles.
 *
 * <p>The training loop is {@link ValueLearner}'s (ε-greedy acting, replay, n-step returns, training
 * rounds of {@code gradientSteps} updates, target updates, seeding, metrics), the same as DQN's. QR-DQN's
 * part is the update: for a sampled batch, the target samples are
 * {@code T_j = R + γ^m (1 − terminated) θ_j^target(s', a*)} with
 * {@code a* = argmax_a (1/N) Σ_j θ_j^target(s', a)} (by the online network's means with double Q), and
 * one Adam step on the quantile Huber loss between the online quantiles {@code θ_i(s, a)} of the action
 * taken and those targets: a sum over the predicted quantiles {@code i}, a mean over the target samples
 * {@code j} and over the batch (the paper's equation 10; SB3-contrib's {@code sum_over_quantiles=True}).
 * Truncation (a time limit) still bootstraps; only {@code terminated} stops it.
 *
 * <p>Randomness and metrics are as {@link ValueLearner} describes; {@code train/q_mean} is the mean over
 * the batch of the mean quantile of the action taken, and {@code train/loss} the quantile Huber loss.
 * With the engine's single intra-op thread (the default) a run is bit-reproducible.
 *
 * @see <a href="https://arxiv.org/abs/1710.10044">Dabney, W., Rowland, M., Bellemare, M. G. and Munos, R.
 *     (2018). Distributional Reinforcement Learning with Quantile Regression. AAAI. arXiv:1710.10044</a>
 * @see <a href="https://arxiv.org/abs/1509.06461">van Hasselt, H., Guez, A. and Silver, D. (2016). Deep
 *     Reinforcement Learning with Double Q-learning. AAAI. arXiv:1509.06461</a>
 */
public final class QrDqn extends ValueLearner<QrDqnConfig, QrDqnPolicy> {
    private static final String NAME = "QR-DQN";
    /** The Huber threshold κ of the loss (the paper's QR-DQN-1). */
    static final float KAPPA = 1f;

    /**
     * A learner for {@code spec}; see {@link QrDqnConfig#build}.
     *
     * @throws dev.quiver.core.error.QuiverUserException unless observations are a float32 Box and
     *     actions Discrete
     */
    QrDqn(QrDqnConfig config, EnvSpec spec) {
        super(NAME, config, spec);
    }

    @Override
    protected NetworkSpec networkSpec() {
        return QrDqnPolicy.networkSpec(config(), obsDim(), numActions());
    }

    @Override
    protected Update newUpdate(Network online, Network target, GradientStep step, Batch batch) {
        return new QuantileUpdate(online, target, step, batch);
    }

    @Override
    protected QrDqnPolicy greedyPolicy(Network online, long trainedSteps) {
        return new QrDqnPolicy(online, config(), spec().id(), obsDim(), numActions(), trainedSteps);
    }

    @Override
    protected String lossName() {
        return "quantile Huber loss";
    }

    /** One gradient step on a sampled batch: target quantiles without gradient, then the quantile Huber loss. */
    private final class QuantileUpdate implements Update {
        private final QrDqnConfig config = config();
        private final int obsDim = obsDim();
        private final int numActions = numActions();
        private final int numQuantiles = config.numQuantiles();
        private final float[] tau = QuantileHuberLoss.midpoints(numQuantiles);
        private final Network z;
        private final Network target;
        private final GradientStep update;
        private final Batch batch;
        private final float[] targets;
        private final float[] actionMask;
        private final double[] discounts;
        private double lastQMean;

        QuantileUpdate(Network z, Network target, GradientStep update, Batch batch) {
            this.z = z;
            this.target = target;
            this.update = update;
            this.batch = batch;
            this.targets = new float[config.batchSize() * numQuantiles];
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
                NDArray all = z.forward(sub.create(batch.observations(), new Shape(b, obsDim)), true)
                        .reshape(b, numActions, numQuantiles);
                NDArray taken = all.mul(sub.create(actionMask, new Shape(b, numActions, 1))).sum(new int[] {1});
                lastQMean = taken.mean().getFloat();
                return QuantileHuberLoss.loss(taken, sub.create(targets, new Shape(b, numQuantiles)),
                        sub.create(tau, new Shape(numQuantiles)), KAPPA);
            }).loss();
            return new Result(loss, lastQMean);
        }

        /** {@code T_j = R + γ^m (1 − terminated) θ_j^target(s', a*)}, computed outside the gradient tape. */
        private void computeTargets() {
            int b = config.batchSize();
            int width = numActions * numQuantiles;
            float[] zTarget;
            float[] zOnline = null;
            try (NDManager sub = z.manager().newSubManager()) {
                NDArray next = sub.create(batch.nextObservations(), new Shape(b, obsDim));
                zTarget = target.forward(next).toFloatArray();
                if (config.doubleQ()) {
                    zOnline = z.forward(next).toFloatArray();
                }
            }
            for (int k = 0; k < b; k++) {
                int from = k * width;
                int best = QrDqnPolicy.greedy(config.doubleQ() ? zOnline : zTarget, from, numActions, numQuantiles);
                boolean terminated = batch.terminated()[k];
                double discount = discounts[batch.steps()[k]];
                int src = from + best * numQuantiles;
                for (int j = 0; j < numQuantiles; j++) {
                    double bootstrap = terminated ? 0 : discount * zTarget[src + j];
                    targets[k * numQuantiles + j] = (float) (batch.rewards()[k] + bootstrap);
                }
            }
        }
    }
}
