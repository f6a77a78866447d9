package dev.quiver.rl.dqn;

import dev.quiver.core.error.QuiverUserException;
import dev.quiver.nn.checkpoint.CheckpointReader;
import dev.quiver.nn.net.Mlp;
import dev.quiver.nn.net.Network;
import dev.quiver.nn.net.NetworkSpec;
import dev.quiver.rl.agent.DiscreteEnvInfo;
import dev.quiver.rl.agent.PolicyCheckpoints;
import dev.quiver.rl.agent.TrainedDiscretePolicy;
import dev.quiver.rl.net.DuelingMlp;
import dev.quiver.rl.net.OneObservation;
import dev.quiver.rl.policy.Categorical;
import java.nio.file.Path;

/**
 * The greedy policy of a DQN Q-network: {@code act(s) = argmax_a Q(s, a)} (ties to the lowest action).
 * Owns the network's native memory: close it when done.
 *
 * <p>Checkpoints ({@link #save}, {@link #load}) are {@code CheckpointWriter} directories with algorithm
 * {@value #ALGORITHM}, the Q-network under component {@code q}, and a config holding the
 * {@link DqnConfig} ({@code config.dqn}) and the env ({@code config.env}: id, observation size, number of
 * actions; see {@link DiscreteEnvInfo}) the network was built for.
 *
 * @see <a href="https://doi.org/10.1038/nature14236">Mnih, V. et al. (2015). Human-level control
 *     through deep reinforcement learning. Nature 518:529</a>
 */
public final class DqnPolicy implements TrainedDiscretePolicy {
    /** The checkpoint's algorithm name. */
    public static final String ALGORITHM = "dqn";

    private final Network q;
    private final DqnConfig config;
    private final DiscreteEnvInfo env;
    private final long trainedSteps;

    DqnPolicy(Network q, DqnConfig config, String envId, int obsDim, int numActions, long trainedSteps) {
        this(q, config, new DiscreteEnvInfo(envId, obsDim, numActions), trainedSteps);
    }

    private DqnPolicy(Network q, DqnConfig config, DiscreteEnvInfo env, long trainedSteps) {
        this.q = q;
        this.config = config;
        this.env = env;
        this.trainedSteps = trainedSteps;
    }

    /** The Q-network architecture DQN uses for {@code config} (an MLP, or a dueling MLP). */
    static NetworkSpec networkSpec(DqnConfig config, int obsDim, int numActions) {
        if (config.dueling()) {
            return new DuelingMlp(obsDim, numActions, config.hidden());
        }
        return Mlp.of(obsDim, numActions, config.hidden().stream().mapToInt(Integer::intValue).toArray());
    }

    /** The greedy action: the index of the largest Q-value (the lowest index among ties). */
    @Override
    public Integer act(float[] observation) {
        return Categorical.argmax(qValues(observation), 0, env.numActions());
    }

    /** The Q-values {@code Q(s, ·)} of one observation (a fresh array of {@link #numActions()} values). */
    public float[] qValues(float[] observation) {
        return OneObservation.forward(q, observation);
    }

    /** The configuration that trained this policy. */
    public DqnConfig config() {
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

    @Override
    public long trainedSteps() {
        return trainedSteps;
    }

    /** The Q-network (live; owned by this policy). */
    public Network network() {
        return q;
    }

    @Override
    public void save(Path dir) {
        PolicyCheckpoints.writer(ALGORITHM, trainedSteps, "dqn", config.toMap(), env.toMap()).network("q", q)
                .write(dir);
    }

    /**
     * Loads a policy saved by {@link #save}.
     *
     * @throws QuiverUserException if {@code dir} is not a readable DQN checkpoint or its tensors do not
     *     match the architecture its config describes
     */
    public static DqnPolicy load(Path dir) {
        CheckpointReader ck = PolicyCheckpoints.open(dir, ALGORITHM);
        String where = "checkpoint " + dir;
        DqnConfig config = DqnConfig.fromMap(PolicyCheckpoints.section(ck, "dqn"), where);
        DiscreteEnvInfo env = DiscreteEnvInfo.fromMap(PolicyCheckpoints.section(ck, "env"), where);
        Network net = PolicyCheckpoints.restore(ck, "q",
                networkSpec(config, env.observationSize(), env.numActions()));
        return new DqnPolicy(net, config, env, ck.step());
    }

    @Override
    public void close() {
        q.close();
    }

    @Override
    public String toString() {
        return "DqnPolicy[" + env.id() + ", " + q.spec() + ", " + trainedSteps + " steps]";
    }
}
