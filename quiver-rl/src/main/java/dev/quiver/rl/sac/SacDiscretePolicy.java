package dev.quiver.rl.sac;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.policy.DiscreteStochasticPolicy;
import dev.quiver.core.seed.Seeds;
import dev.quiver.nn.checkpoint.CheckpointReader;
import dev.quiver.nn.checkpoint.CheckpointWriter;
import dev.quiver.nn.net.Mlp;
import dev.quiver.nn.net.Network;
import dev.quiver.rl.actorcritic.MlpSpecs;
import dev.quiver.rl.actorcritic.PolicyCheckpoints;
import dev.quiver.rl.agent.TrainedDiscretePolicy;
import dev.quiver.rl.policy.Categorical;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A discrete SAC actor: {@link #act} is greedy (the most probable action, ties to the lowest), and
 * {@link #probabilities} is the stochastic policy {@code softmax(logits)} that SAC trained. Owns the
 * actor's native memory: close it when done.
 *
 * <p>Checkpoints ({@link #save}, {@link #load}) are {@code CheckpointWriter} directories with algorithm
 * {@value #ALGORITHM}, the actor under component {@code actor}, and a config holding the
 * {@link SacDiscreteConfig} ({@code config.sacDiscrete}) and the env ({@code config.env}: id, observation
 * size, number of actions). The critics are not saved.
 *
 * @see <a href="https://arxiv.org/abs/1910.07207">Christodoulou, P. (2019). Soft Actor-Critic for Discrete
 *     Action Settings. arXiv:1910.07207</a>
 */
public final class SacDiscretePolicy implements TrainedDiscretePolicy, DiscreteStochasticPolicy<float[]> {
    /** The checkpoint's algorithm name. */
    public static final String ALGORITHM = "sac-discrete";

    private final Network actor;
    private final SacDiscreteConfig config;
    private final String envId;
    private final int obsDim;
    private final int numActions;
    private final long trainedSteps;

    SacDiscretePolicy(Network actor, SacDiscreteConfig config, String envId, int obsDim, int numActions,
            long trainedSteps) {
        this.actor = actor;
        this.config = config;
        this.envId = envId;
        this.obsDim = obsDim;
        this.numActions = numActions;
        this.trainedSteps = trainedSteps;
    }

    /** The actor: a ReLU MLP with one logit per action. */
    static Mlp actorSpec(SacDiscreteConfig config, int obsDim, int numActions) {
        return MlpSpecs.relu(obsDim, numActions, config.hidden());
    }

    /** The actor's logits for one observation. */
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

    /** The greedy action: the largest logit (the most probable action; the lowest index among ties). */
    @Override
    public Integer act(float[] observation) {
        return Categorical.argmax(logits(observation), 0, numActions);
    }

    /** {@code softmax(logits)}: the probability of each action under the trained stochastic policy. */
    @Override
    public double[] probabilities(float[] observation) {
        return Categorical.softmax(logits(observation), 0, numActions, new double[numActions]);
    }

    /** The actor's logits for one observation (a fresh array of {@link #numActions()} values). */
    public float[] logits(float[] observation) {
        return forward(actor, observation);
    }

    /** The configuration that trained this policy. */
    public SacDiscreteConfig config() {
        return config;
    }

    @Override
    public String envId() {
        return envId;
    }

    @Override
    public int observationSize() {
        return obsDim;
    }

    @Override
    public int numActions() {
        return numActions;
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
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("id", envId);
        env.put("observationSize", obsDim);
        env.put("numActions", numActions);
        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put("sacDiscrete", config.toMap());
        cfg.put("env", env);
        new CheckpointWriter().algorithm(ALGORITHM).step(trainedSteps).config(cfg).network("actor", actor).write(dir);
    }

    /**
     * Loads a policy saved by {@link #save}.
     *
     * @throws QuiverUserException if {@code dir} is not a readable discrete SAC checkpoint or its tensors do
     *     not match the architecture its config describes
     */
    public static SacDiscretePolicy load(Path dir) {
        CheckpointReader ck = PolicyCheckpoints.open(dir, ALGORITHM);
        String where = "checkpoint " + dir;
        SacDiscreteConfig config = SacDiscreteConfig.fromMap(PolicyCheckpoints.section(ck, "sacDiscrete"), where);
        Map<String, ?> env = PolicyCheckpoints.section(ck, "env");
        if (!(env.get("id") instanceof String id) || !(env.get("observationSize") instanceof Number obs)
                || !(env.get("numActions") instanceof Number acts) || obs.intValue() < 1 || acts.intValue() < 1) {
            throw new QuiverUserException(where + ": config.env must have a string 'id' and positive numbers "
                    + "'observationSize' and 'numActions', got " + env);
        }
        Network net = Network.create(actorSpec(config, obs.intValue(), acts.intValue()), Seeds.of(0));
        try {
            ck.restore("actor", net);
        } catch (RuntimeException e) {
            net.close();
            throw e;
        }
        return new SacDiscretePolicy(net, config, id, obs.intValue(), acts.intValue(), ck.step());
    }

    @Override
    public void close() {
        actor.close();
    }

    @Override
    public String toString() {
        return "SacDiscretePolicy[" + envId + ", " + actor.spec() + ", " + trainedSteps + " steps]";
    }
}
