package dev.quiver.rl.td3;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.seed.Seeds;
import dev.quiver.nn.checkpoint.CheckpointReader;
import dev.quiver.nn.checkpoint.CheckpointWriter;
import dev.quiver.nn.net.Mlp;
import dev.quiver.nn.net.Network;
import dev.quiver.rl.actorcritic.ContinuousEnvInfo;
import dev.quiver.rl.actorcritic.MlpSpecs;
import dev.quiver.rl.actorcritic.PolicyCheckpoints;
import dev.quiver.rl.agent.TrainedContinuousPolicy;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The deterministic policy of a TD3 actor: {@code act(s) = tanh(MLP(s))} mapped onto the env's action
 * bounds. Owns the actor's native memory: close it when done.
 *
 * <p>Checkpoints ({@link #save}, {@link #load}) are {@code CheckpointWriter} directories with algorithm
 * {@value #ALGORITHM}, the actor under component {@code actor}, and a config holding the {@link Td3Config}
 * ({@code config.td3}) and the env ({@code config.env}: id, observation size, action bounds; see
 * {@link ContinuousEnvInfo}). The critics and target networks are not saved.
 *
 * @see <a href="https://arxiv.org/abs/1802.09477">Fujimoto, S., van Hoof, H. and Meger, D. (2018).
 *     Addressing Function Approximation Error in Actor-Critic Methods. ICML. arXiv:1802.09477</a>
 */
public final class Td3Policy implements TrainedContinuousPolicy {
    /** The checkpoint's algorithm name. */
    public static final String ALGORITHM = "td3";

    private final Network actor;
    private final Td3Config config;
    private final ContinuousEnvInfo env;
    private final long trainedSteps;

    Td3Policy(Network actor, Td3Config config, ContinuousEnvInfo env, long trainedSteps) {
        this.actor = actor;
        this.config = config;
        this.env = env;
        this.trainedSteps = trainedSteps;
    }

    /** The actor's MLP (its outputs are squashed by tanh): ReLU hidden layers, {@code |A|} outputs. */
    static Mlp actorSpec(Td3Config config, int obsDim, int actDim) {
        return MlpSpecs.relu(obsDim, actDim, config.hidden());
    }

    /** {@code tanh(MLP(obs))} for a batch of observations: actions in {@code [−1, 1]}. */
    static NDArray unitActions(Network actor, NDArray obs, boolean training) {
        return actor.forward(obs, training).tanh();
    }

    /** The action in {@code [−1, 1]} for one observation. */
    static float[] unitAction(Network actor, float[] observation) {
        int obsDim = (int) actor.spec().inputShape().get(1);
        if (observation.length != obsDim) {
            throw new IllegalArgumentException("observation has " + observation.length + " values, the network expects "
                    + obsDim);
        }
        try (NDManager step = actor.manager().newSubManager()) {
            return unitActions(actor, step.create(observation, new Shape(1, obsDim)), false).toFloatArray();
        }
    }

    /** The deterministic action, mapped onto the action bounds. */
    @Override
    public float[] act(float[] observation) {
        return env.scaling().toEnv(unitAction(actor, observation));
    }

    /** The configuration that trained this policy. */
    public Td3Config config() {
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
    public int actionSize() {
        return env.scaling().size();
    }

    @Override
    public double[] actionLow() {
        return env.scaling().low();
    }

    @Override
    public double[] actionHigh() {
        return env.scaling().high();
    }

    @Override
    public long trainedSteps() {
        return trainedSteps;
    }

    /** The actor network (live; owned by this policy). */
    public Network actor() {
        return actor;
    }

    @Override
    public void save(Path dir) {
        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put("td3", config.toMap());
        cfg.put("env", env.toMap());
        new CheckpointWriter().algorithm(ALGORITHM).step(trainedSteps).config(cfg).network("actor", actor).write(dir);
    }

    /**
     * Loads a policy saved by {@link #save}.
     *
     * @throws QuiverUserException if {@code dir} is not a readable TD3 checkpoint or its tensors do not
     *     match the architecture its config describes
     */
    public static Td3Policy load(Path dir) {
        CheckpointReader ck = PolicyCheckpoints.open(dir, ALGORITHM);
        String where = "checkpoint " + dir;
        Td3Config config = Td3Config.fromMap(PolicyCheckpoints.section(ck, "td3"), where);
        ContinuousEnvInfo env = ContinuousEnvInfo.fromMap(PolicyCheckpoints.section(ck, "env"), where);
        Network net = Network.create(actorSpec(config, env.observationSize(), env.scaling().size()), Seeds.of(0));
        try {
            ck.restore("actor", net);
        } catch (RuntimeException e) {
            net.close();
            throw e;
        }
        return new Td3Policy(net, config, env, ck.step());
    }

    @Override
    public void close() {
        actor.close();
    }

    @Override
    public String toString() {
        return "Td3Policy[" + env.id() + ", " + actor.spec() + ", " + trainedSteps + " steps]";
    }
}
