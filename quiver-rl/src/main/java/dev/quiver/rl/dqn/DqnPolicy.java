package dev.quiver.rl.dqn;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.seed.Seeds;
import dev.quiver.nn.checkpoint.CheckpointReader;
import dev.quiver.nn.checkpoint.CheckpointWriter;
import dev.quiver.nn.net.Mlp;
import dev.quiver.nn.net.Network;
import dev.quiver.nn.net.NetworkSpec;
import dev.quiver.rl.agent.TrainedDiscretePolicy;
import dev.quiver.rl.net.DuelingMlp;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The greedy policy of a DQN Q-network: {@code act(s) = argmax_a Q(s, a)} (ties to the lowest action).
 * Owns the network's native memory: close it when done.
 *
 * <p>Checkpoints ({@link #save}, {@link #load}) are {@code CheckpointWriter} directories with algorithm
 * {@value #ALGORITHM}, the Q-network under component {@code q}, and a config holding the
 * {@link DqnConfig} ({@code config.dqn}) and the env ({@code config.env}: id, observation size, number of
 * actions) the network was built for.
 *
 * @see <a href="https://doi.org/10.1038/nature14236">Mnih, V. et al. (2015). Human-level control
 *     through deep reinforcement learning. Nature 518:529</a>
 */
public final class DqnPolicy implements TrainedDiscretePolicy {
    /** The checkpoint's algorithm name. */
    public static final String ALGORITHM = "dqn";

    private final Network q;
    private final DqnConfig config;
    private final String envId;
    private final int obsDim;
    private final int numActions;
    private final long trainedSteps;

    DqnPolicy(Network q, DqnConfig config, String envId, int obsDim, int numActions, long trainedSteps) {
        this.q = q;
        this.config = config;
        this.envId = envId;
        this.obsDim = obsDim;
        this.numActions = numActions;
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
        return argmax(qValues(observation), 0, numActions);
    }

    /** The Q-values {@code Q(s, ·)} of one observation (a fresh array of {@link #numActions()} values). */
    public float[] qValues(float[] observation) {
        if (observation.length != obsDim) {
            throw new IllegalArgumentException("observation has " + observation.length + " values, the network expects "
                    + obsDim);
        }
        try (NDManager step = q.manager().newSubManager()) {
            return q.forward(step.create(observation, new Shape(1, obsDim))).toFloatArray();
        }
    }

    /** The index of the largest of {@code values[from .. from + n)}, relative to {@code from} (first among ties). */
    static int argmax(float[] values, int from, int n) {
        int best = 0;
        for (int a = 1; a < n; a++) {
            if (values[from + a] > values[from + best]) {
                best = a;
            }
        }
        return best;
    }

    /** The configuration that trained this policy. */
    public DqnConfig config() {
        return config;
    }

    /** The id of the env the policy was trained on. */
    @Override
    public String envId() {
        return envId;
    }

    /** Floats per observation. */
    @Override
    public int observationSize() {
        return obsDim;
    }

    /** The number of actions. */
    @Override
    public int numActions() {
        return numActions;
    }

    /** The number of env steps it was trained for. */
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
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("id", envId);
        env.put("observationSize", obsDim);
        env.put("numActions", numActions);
        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put("dqn", config.toMap());
        cfg.put("env", env);
        new CheckpointWriter().algorithm(ALGORITHM).step(trainedSteps).config(cfg).network("q", q).write(dir);
    }

    /**
     * Loads a policy saved by {@link #save}.
     *
     * @throws QuiverUserException if {@code dir} is not a readable DQN checkpoint or its tensors do not
     *     match the architecture its config describes
     */
    @SuppressWarnings("unchecked")
    public static DqnPolicy load(Path dir) {
        CheckpointReader ck = CheckpointReader.open(dir);
        if (!ALGORITHM.equals(ck.algorithm())) {
            throw new QuiverUserException("checkpoint " + dir + " was written by algorithm '" + ck.algorithm()
                    + "', not '" + ALGORITHM + "'");
        }
        Map<String, Object> cfg = ck.config();
        String where = "checkpoint " + dir;
        if (!(cfg.get("dqn") instanceof Map<?, ?> dqn) || !(cfg.get("env") instanceof Map<?, ?> env)) {
            throw new QuiverUserException(where + ": config must hold objects 'dqn' and 'env', has " + cfg.keySet());
        }
        DqnConfig config = DqnConfig.fromMap((Map<String, ?>) dqn, where);
        if (!(env.get("id") instanceof String id) || !(env.get("observationSize") instanceof Number obs)
                || !(env.get("numActions") instanceof Number acts) || obs.intValue() < 1 || acts.intValue() < 1) {
            throw new QuiverUserException(where + ": config.env must have a string 'id' and positive numbers "
                    + "'observationSize' and 'numActions', got " + env);
        }
        Network net = Network.create(networkSpec(config, obs.intValue(), acts.intValue()), Seeds.of(0));
        try {
            ck.restore("q", net);
        } catch (RuntimeException e) {
            net.close();
            throw e;
        }
        return new DqnPolicy(net, config, id, obs.intValue(), acts.intValue(), ck.step());
    }

    @Override
    public void close() {
        q.close();
    }

    @Override
    public String toString() {
        return "DqnPolicy[" + envId + ", " + q.spec() + ", " + trainedSteps + " steps]";
    }
}
