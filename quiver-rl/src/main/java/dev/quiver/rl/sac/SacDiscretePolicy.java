package dev.quiver.rl.sac;

import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.policy.DiscreteStochasticPolicy;
import dev.quiver.nn.checkpoint.CheckpointReader;
import dev.quiver.nn.net.Mlp;
import dev.quiver.nn.net.Network;
import dev.quiver.rl.actorcritic.MlpSpecs;
import dev.quiver.rl.agent.DiscreteEnvInfo;
import dev.quiver.rl.agent.PolicyCheckpoints;
import dev.quiver.rl.agent.TrainedDiscretePolicy;
import dev.quiver.rl.net.OneObservation;
import dev.quiver.rl.policy.Categorical;
import java.nio.file.Path;

/**
 * A discrete SAC actor: {@link #act} is greedy (the most probable action, ties to the lowest), and
 * {@link #probabilities} is the stochastic policy {@code softmax(logits)} that SAC trained. Owns the
 * actor's native memory: close it when done.
 *
 * <p>Checkpoints ({@link #save}, {@link #load}) are {@code CheckpointWriter} directories with algorithm
 * {@value #ALGORITHM}, the actor under component {@code actor}, and a config holding the
 * {@link SacDiscreteConfig} ({@code config.sacDiscrete}) and the env ({@code config.env}: id, observation
 * size, number of actions; see {@link DiscreteEnvInfo}). The critics are not saved.
 *
 * @see <a href="https://arxiv.org/abs/1910.07207">Christodoulou, P. (2019). Soft Actor-Critic for Discrete
 *     Action Settings. arXiv:1910.07207</a>
 */
public final class SacDiscretePolicy implements TrainedDiscretePolicy, DiscreteStochasticPolicy<float[]> {
    /** The checkpoint's algorithm name. */
    public static final String ALGORITHM = "sac-discrete";

    private final Network actor;
    private final SacDiscreteConfig config;
    private final DiscreteEnvInfo env;
    private final long trainedSteps;

    SacDiscretePolicy(Network actor, SacDiscreteConfig config, String envId, int obsDim, int numActions,
            long trainedSteps) {
        this(actor, config, new DiscreteEnvInfo(envId, obsDim, numActions), trainedSteps);
    }

    private SacDiscretePolicy(Network actor, SacDiscreteConfig config, DiscreteEnvInfo env, long trainedSteps) {
        this.actor = actor;
        this.config = config;
        this.env = env;
        this.trainedSteps = trainedSteps;
    }

    /** The actor: a ReLU MLP with one logit per action. */
    static Mlp actorSpec(SacDiscreteConfig config, int obsDim, int numActions) {
        return MlpSpecs.relu(obsDim, numActions, config.hidden());
    }

    /** The greedy action: the largest logit (the most probable action; the lowest index among ties). */
    @Override
    public Integer act(float[] observation) {
        return Categorical.argmax(logits(observation), 0, env.numActions());
    }

    /** {@code softmax(logits)}: the probability of each action under the trained stochastic policy. */
    @Override
    public double[] probabilities(float[] observation) {
        return Categorical.softmax(logits(observation), 0, env.numActions(), new double[env.numActions()]);
    }

    /** The actor's logits for one observation (a fresh array of {@link #numActions()} values). */
    public float[] logits(float[] observation) {
        return OneObservation.forward(actor, observation);
    }

    /** The configuration that trained this policy. */
    public SacDiscreteConfig config() {
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

    /** The actor network (live; owned by this policy). */
    public Network actor() {
        return actor;
    }

    @Override
    public void save(Path dir) {
        PolicyCheckpoints.writer(ALGORITHM, trainedSteps, "sacDiscrete", config.toMap(), env.toMap())
                .network("actor", actor).write(dir);
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
        DiscreteEnvInfo env = DiscreteEnvInfo.fromMap(PolicyCheckpoints.section(ck, "env"), where);
        Network net = PolicyCheckpoints.restore(ck, "actor",
                actorSpec(config, env.observationSize(), env.numActions()));
        return new SacDiscretePolicy(net, config, env, ck.step());
    }

    @Override
    public void close() {
        actor.close();
    }

    @Override
    public String toString() {
        return "SacDiscretePolicy[" + env.id() + ", " + actor.spec() + ", " + trainedSteps + " steps]";
    }
}
