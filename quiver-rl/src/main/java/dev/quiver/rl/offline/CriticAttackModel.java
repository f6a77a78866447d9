package dev.quiver.rl.offline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.data.corrupt.QAttackModel;
import dev.quiver.nn.net.Network;
import dev.quiver.nn.runtime.NnRuntime;
import dev.quiver.rl.agent.TrainedPolicy;

/**
 * The critic and actor of a trained offline agent (TD3+BC saves its first critic with its policy) as the
 * {@link QAttackModel} that adversarial data corruption attacks (Yang et al. 2023, P17, attack a critic
 * pre-trained on the clean data). Values and gradients are in the dataset's units: observations are
 * normalised as in training ({@code (s − μ) / σ}) and actions mapped linearly onto {@code [−1, 1]} before the
 * networks, and the gradients are carried back through both maps (chain rule: divided by {@code σ}, times
 * {@code 2 / (high − low)}). Actions are not clipped, so an attacked action beyond the bounds still has a
 * gradient, as in the paper's code. The policy value is {@code Q(s, tanh(actor(s)))}, differentiated through
 * the actor as well.
 *
 * <p>Does not own the policy: close the policy when done.
 *
 * @see <a href="https://arxiv.org/abs/2310.12955">Yang, R. et al. (2023). Towards Robust Offline Reinforcement
 *     Learning under Diverse Data Corruption. arXiv:2310.12955</a>
 */
public final class CriticAttackModel implements QAttackModel {
    private final Network actor;
    private final Network critic;
    private final float[] mean;
    private final float[] std;
    private final int obsDim;
    private final int actDim;
    private final double[] low;
    private final double[] high;

    private CriticAttackModel(OfflineContinuousPolicy policy) {
        PolicyNetwork net = policy.network();
        this.actor = net.network();
        this.critic = net.critic();
        this.mean = net.normaliser().mean();
        this.std = net.normaliser().std();
        this.obsDim = policy.observationSize();
        this.actDim = policy.actionSize();
        this.low = policy.actionLow();
        this.high = policy.actionHigh();
    }

    /**
     * The attack model of a loaded policy.
     *
     * @param where the checkpoint's path, for messages
     * @throws QuiverUserException unless {@code policy} is an offline continuous-action policy saved with its
     *     critic (today: TD3+BC)
     */
    public static CriticAttackModel of(TrainedPolicy<?> policy, String where) {
        if (!(policy instanceof OfflineContinuousPolicy p) || p.network().critic() == null) {
            throw new QuiverUserException(where + ": holds no critic to attack (" + policy.getClass().getSimpleName()
                    + "); give a TD3+BC checkpoint trained on the clean data, e.g. quiver train td3bc --dataset D"
                    + " --env ID --steps N --out RUN, then RUN/seed-0/checkpoint");
        }
        return new CriticAttackModel(p);
    }

    @Override
    public int obsDim() {
        return obsDim;
    }

    @Override
    public int actDim() {
        return actDim;
    }

    @Override
    public void q(float[] observations, float[] actions, int rows, double[] values, double[] gradObservations,
            double[] gradActions) {
        int width = obsDim + actDim;
        float[] x = new float[rows * width];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < obsDim; j++) {
                x[i * width + j] = normalise(observations[i * obsDim + j], j);
            }
            for (int j = 0; j < actDim; j++) {
                x[i * width + obsDim + j] = (float) (2.0 * (actions[i * actDim + j] - low[j]) / (high[j] - low[j])
                        - 1.0);
            }
        }
        try (NDManager m = critic.manager().newSubManager()) {
            NDArray in = m.create(x, new Shape(rows, width));
            in.setRequiresGradient(true);
            float[] q;
            float[] g;
            try (GradientCollector gc = NnRuntime.engine().newGradientCollector()) {
                NDArray out = critic.forward(in, true);
                q = out.toFloatArray();
                gc.backward(out.sum());
            }
            g = in.getGradient().toFloatArray();
            critic.zeroGradients();
            for (int i = 0; i < rows; i++) {
                values[i] = q[i];
                for (int j = 0; j < obsDim && gradObservations != null; j++) {
                    gradObservations[i * obsDim + j] = g[i * width + j] / std[j];
                }
                for (int j = 0; j < actDim && gradActions != null; j++) {
                    gradActions[i * actDim + j] = g[i * width + obsDim + j] * 2.0 / (high[j] - low[j]);
                }
            }
        }
    }

    @Override
    public void policyValue(float[] observations, int rows, double[] values, double[] gradObservations) {
        float[] x = new float[rows * obsDim];
        for (int i = 0; i < rows * obsDim; i++) {
            x[i] = normalise(observations[i], i % obsDim);
        }
        try (NDManager m = critic.manager().newSubManager()) {
            NDArray in = m.create(x, new Shape(rows, obsDim));
            in.setRequiresGradient(true);
            float[] q;
            try (GradientCollector gc = NnRuntime.engine().newGradientCollector()) {
                NDArray pi = actor.forward(in, true).tanh();
                NDArray out = critic.forward(in.concat(pi, 1), true);
                q = out.toFloatArray();
                gc.backward(out.sum());
            }
            float[] g = in.getGradient().toFloatArray();
            critic.zeroGradients();
            actor.zeroGradients();
            for (int i = 0; i < rows; i++) {
                values[i] = q[i];
                for (int j = 0; j < obsDim; j++) {
                    gradObservations[i * obsDim + j] = g[i * obsDim + j] / std[j];
                }
            }
        }
    }

    private float normalise(float value, int j) {
        return (value - mean[j]) / std[j];
    }
}
