package dev.quiver.rl.sac;

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
 * The deterministic policy of a SAC actor: {@code act(s)} is the squashed mean {@code tanh(μ(s))} mapped
 * onto the env's action bounds (the usual evaluation mode of SAC). Owns the actor's native memory: close it
 * when done.
 *
 * <p>Checkpoints ({@link #save}, {@link #load}) are {@code CheckpointWriter} directories with algorithm
 * {@value #ALGORITHM}, the actor under component {@code actor}, and a config holding the {@link SacConfig}
 * ({@code config.sac}) and the env ({@code config.env}: id, observation size, action bounds; see
 * {@link ContinuousEnvInfo}). The critics are not saved: the policy needs only the actor.
 *
 * @see <a href="https://arxiv.org/abs/1801.01290">Haarnoja, T. et al. (2018). Soft Actor-Critic: Off-Policy
 *     Maximum Entropy Deep Reinforcement Learning with a Stochastic Actor. ICML. arXiv:1801.01290</a>
 */
public final class SacPolicy implements TrainedContinuousPolicy {
    /** The checkpoint's algorithm name. */
    public static final String ALGORITHM = "sac";

    private final Network actor;
    private final SacConfig config;
    private final ContinuousEnvInfo env;
    private final long trainedSteps;

    SacPolicy(Network actor, SacConfig config, ContinuousEnvInfo env, long trainedSteps) {
        this.actor = actor;
        this.config = config;
        this.env = env;
        this.trainedSteps = trainedSteps;
    }

    /** The actor: a ReLU MLP with {@code 2|A|} outputs, the means and the log standard deviations. */
    static Mlp actorSpec(SacConfig config, int obsDim, int actDim) {
        return MlpSpecs.relu(obsDim, 2 * actDim, config.hidden());
    }

    /** The actor's outputs for one observation. */
    static float[] forward(Network actor, float[] observation) {
        int obsDim = (int) actor.spec().inputShape().get(1);
        if (observation.length != obsDim) {
            throw new IllegalArgumentException("observation has " + observation.length + " values, the network expects "
                    + obsDim);
        }
        try (NDManager step = actor.manager().newSubManager()) {
            return actor.forward(step.create(observation, new Shape(1, obsDim))).toFloatArray();
        }
    }

    /** The deterministic action {@code tanh(μ(s))}, mapped onto the action bounds. */
    @Override
    public float[] act(float[] observation) {
        return env.scaling().toEnv(SquashedGaussian.action(forward(actor, observation), null));
    }

    /** The configuration that trained this policy. */
    public SacConfig config() {
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
        cfg.put("sac", config.toMap());
        cfg.put("env", env.toMap());
        new CheckpointWriter().algorithm(ALGORITHM).step(trainedSteps).config(cfg).network("actor", actor).write(dir);
    }

    /**
     * Loads a policy saved by {@link #save}.
     *
     * @throws QuiverUserException if {@code dir} is not a readable SAC checkpoint or its tensors do not
     *     match the architecture its config describes
     */
    public static SacPolicy load(Path dir) {
        CheckpointReader ck = PolicyCheckpoints.open(dir, ALGORITHM);
        String where = "checkpoint " + dir;
        SacConfig config = SacConfig.fromMap(PolicyCheckpoints.section(ck, "sac"), where);
        ContinuousEnvInfo env = ContinuousEnvInfo.fromMap(PolicyCheckpoints.section(ck, "env"), where);
        Network net = Network.create(actorSpec(config, env.observationSize(), env.scaling().size()), Seeds.of(0));
        try {
            ck.restore("actor", net);
        } catch (RuntimeException e) {
            net.close();
            throw e;
        }
        return new SacPolicy(net, config, env, ck.step());
    }

    @Override
    public void close() {
        actor.close();
    }

    @Override
    public String toString() {
        return "SacPolicy[" + env.id() + ", " + actor.spec() + ", " + trainedSteps + " steps]";
    }
}
