package dev.quiver.rl.qrdqn;

import dev.quiver.core.error.QuiverUserException;
import dev.quiver.nn.checkpoint.CheckpointReader;
import dev.quiver.nn.net.Mlp;
import dev.quiver.nn.net.Network;
import dev.quiver.nn.net.NetworkSpec;
import dev.quiver.rl.agent.DiscreteEnvInfo;
import dev.quiver.rl.agent.PolicyCheckpoints;
import dev.quiver.rl.agent.TrainedDiscretePolicy;
import dev.quiver.rl.net.OneObservation;
import java.nio.file.Path;

/**
 * The greedy policy of a QR-DQN quantile network: {@code act(s) = argmax_a (1/N) Σ_i θ_i(s, a)}, the
 * action with the largest mean quantile, i.e. the largest estimated expected return (ties to the lowest
 * action). Owns the network's native memory: close it when done.
 *
 * <p>The network is an MLP with {@code numActions · numQuantiles} outputs, action-major: output
 * {@code a · N + i} is quantile {@code i} (at fraction {@code (2i + 1) / (2N)}) of action {@code a}.
 *
 * <p>Checkpoints ({@link #save}, {@link #load}) are {@code CheckpointWriter} directories with algorithm
 * {@value #ALGORITHM}, the quantile network under component {@code quantiles}, and a config holding the
 * {@link QrDqnConfig} ({@code config.qrdqn}) and the env ({@code config.env}: id, observation size,
 * number of actions; see {@link DiscreteEnvInfo}) the network was built for.
 *
 * @see <a href="https://arxiv.org/abs/1710.10044">Dabney, W., Rowland, M., Bellemare, M. G. and Munos, R.
 *     (2018). Distributional Reinforcement Learning with Quantile Regression. AAAI. arXiv:1710.10044</a>
 */
public final class QrDqnPolicy implements TrainedDiscretePolicy {
    /** The checkpoint's algorithm name. */
    public static final String ALGORITHM = "qrdqn";

    private final Network z;
    private final QrDqnConfig config;
    private final DiscreteEnvInfo env;
    private final int numQuantiles;
    private final long trainedSteps;

    QrDqnPolicy(Network z, QrDqnConfig config, String envId, int obsDim, int numActions, long trainedSteps) {
        this(z, config, new DiscreteEnvInfo(envId, obsDim, numActions), trainedSteps);
    }

    private QrDqnPolicy(Network z, QrDqnConfig config, DiscreteEnvInfo env, long trainedSteps) {
        this.z = z;
        this.config = config;
        this.env = env;
        this.numQuantiles = config.numQuantiles();
        this.trainedSteps = trainedSteps;
    }

    /** The quantile network QR-DQN uses for {@code config}: an MLP with {@code numActions · numQuantiles} outputs. */
    static NetworkSpec networkSpec(QrDqnConfig config, int obsDim, int numActions) {
        return Mlp.of(obsDim, numActions * config.numQuantiles(),
                config.hidden().stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * The action with the largest mean quantile among the {@code numActions} blocks of {@code numQuantiles}
     * values starting at {@code z[from]}, relative to the first block (the lowest index among ties).
     */
    static int greedy(float[] z, int from, int numActions, int numQuantiles) {
        int best = 0;
        double bestMean = mean(z, from, numQuantiles);
        for (int a = 1; a < numActions; a++) {
            double m = mean(z, from + a * numQuantiles, numQuantiles);
            if (m > bestMean) {
                best = a;
                bestMean = m;
            }
        }
        return best;
    }

    private static double mean(float[] values, int from, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += values[from + i];
        }
        return sum / n;
    }

    /** The greedy action: the largest mean quantile (the lowest index among ties). */
    @Override
    public Integer act(float[] observation) {
        return greedy(outputs(observation), 0, env.numActions(), numQuantiles);
    }

    /**
     * The predicted return quantiles of one observation: {@code [a][i]} is quantile {@code i} of action
     * {@code a}, at fraction {@code (2i + 1) / (2N)} (fresh arrays).
     */
    public float[][] quantiles(float[] observation) {
        float[] out = outputs(observation);
        float[][] q = new float[env.numActions()][];
        for (int a = 0; a < q.length; a++) {
            q[a] = java.util.Arrays.copyOfRange(out, a * numQuantiles, (a + 1) * numQuantiles);
        }
        return q;
    }

    /** The expected returns {@code Q(s, a)}, each the mean of the action's quantiles (a fresh array). */
    public float[] qValues(float[] observation) {
        float[] out = outputs(observation);
        float[] q = new float[env.numActions()];
        for (int a = 0; a < q.length; a++) {
            q[a] = (float) mean(out, a * numQuantiles, numQuantiles);
        }
        return q;
    }

    private float[] outputs(float[] observation) {
        return OneObservation.forward(z, observation);
    }

    /** The configuration that trained this policy. */
    public QrDqnConfig config() {
        return config;
    }

    @Override
    public String envId() {
        return env.id();
    }

    @Override
    public int observationSize() {
        return env.observationSize();
    }

    @Override
    public int numActions() {
        return env.numActions();
    }

    /** The number of quantiles per action. */
    public int numQuantiles() {
        return numQuantiles;
    }

    @Override
    public long trainedSteps() {
        return trainedSteps;
    }

    /** The quantile network (live; owned by this policy). */
    public Network network() {
        return z;
    }

    @Override
    public void save(Path dir) {
        PolicyCheckpoints.writer(ALGORITHM, trainedSteps, "qrdqn", config.toMap(), env.toMap()).network("quantiles", z)
                .write(dir);
    }

    /**
     * Loads a policy saved by {@link #save}.
     *
     * @throws QuiverUserException if {@code dir} is not a readable QR-DQN checkpoint or its tensors do not
     *     match the architecture its config describes
     */
    public static QrDqnPolicy load(Path dir) {
        CheckpointReader ck = PolicyCheckpoints.open(dir, ALGORITHM);
        String where = "checkpoint " + dir;
        QrDqnConfig config = QrDqnConfig.fromMap(PolicyCheckpoints.section(ck, "qrdqn"), where);
        DiscreteEnvInfo env = DiscreteEnvInfo.fromMap(PolicyCheckpoints.section(ck, "env"), where);
        Network net = PolicyCheckpoints.restore(ck, "quantiles",
                networkSpec(config, env.observationSize(), env.numActions()));
        return new QrDqnPolicy(net, config, env, ck.step());
    }

    @Override
    public void close() {
        z.close();
    }

    @Override
    public String toString() {
        return "QrDqnPolicy[" + env.id() + ", " + numQuantiles + " quantiles, " + z.spec() + ", " + trainedSteps
                + " steps]";
    }
}
