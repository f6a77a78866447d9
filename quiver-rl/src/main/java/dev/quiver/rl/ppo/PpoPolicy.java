package dev.quiver.rl.ppo;

import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.policy.DiscreteStochasticPolicy;
import dev.quiver.nn.checkpoint.CheckpointReader;
import dev.quiver.nn.net.Activation;
import dev.quiver.nn.net.Mlp;
import dev.quiver.nn.net.Network;
import dev.quiver.nn.net.WeightInit;
import dev.quiver.rl.agent.DiscreteEnvInfo;
import dev.quiver.rl.agent.PolicyCheckpoints;
import dev.quiver.rl.agent.TrainedDiscretePolicy;
import dev.quiver.rl.net.OneObservation;
import dev.quiver.rl.policy.Categorical;
import java.nio.file.Path;

/**
 * A PPO actor-critic: {@link #act} is greedy ({@code argmax} of the actor's logits, ties to the lowest
 * action), {@link #probabilities} is the stochastic policy {@code softmax(logits)} that PPO trained, and
 * {@link #value} the critic's estimate. Owns both networks' native memory: close it when done.
 *
 * <p>Checkpoints ({@link #save}, {@link #load}) are {@code CheckpointWriter} directories with algorithm
 * {@value #ALGORITHM}, the networks under components {@code actor} and {@code critic}, and a config holding
 * the {@link PpoConfig} ({@code config.ppo}) and the env ({@code config.env}: id, observation size,
 * number of actions; see {@link DiscreteEnvInfo}).
 *
 * @see <a href="https://arxiv.org/abs/1707.06347">Schulman, J. et al. (2017). Proximal Policy Optimization
 *     Algorithms. arXiv:1707.06347</a>
 */
public final class PpoPolicy implements TrainedDiscretePolicy, DiscreteStochasticPolicy<float[]> {
    /** The checkpoint's algorithm name. */
    public static final String ALGORITHM = "ppo";

    private final Network actor;
    private final Network critic;
    private final PpoConfig config;
    private final DiscreteEnvInfo env;
    private final long trainedSteps;

    PpoPolicy(Network actor, Network critic, PpoConfig config, String envId, int obsDim, int numActions,
            long trainedSteps) {
        this(actor, critic, config, new DiscreteEnvInfo(envId, obsDim, numActions), trainedSteps);
    }

    private PpoPolicy(Network actor, Network critic, PpoConfig config, DiscreteEnvInfo env, long trainedSteps) {
        this.actor = actor;
        this.critic = critic;
        this.config = config;
        this.env = env;
        this.trainedSteps = trainedSteps;
    }

    /** The actor: a tanh MLP, orthogonal init with gain √2 on hidden layers and 0.01 on the logits. */
    static Mlp actorSpec(PpoConfig config, int obsDim, int numActions) {
        return hiddenMlp(config, obsDim, numActions).withOutputInit(WeightInit.ORTHOGONAL, 0.01);
    }

    /** The critic: a tanh MLP, orthogonal init with gain √2 on hidden layers and 1 on the value. */
    static Mlp criticSpec(PpoConfig config, int obsDim) {
        return hiddenMlp(config, obsDim, 1).withOutputInit(WeightInit.ORTHOGONAL, 1.0);
    }

    private static Mlp hiddenMlp(PpoConfig config, int in, int out) {
        return Mlp.of(in, out, config.hidden().stream().mapToInt(Integer::intValue).toArray())
                .withActivation(Activation.TANH).withHiddenInit(WeightInit.ORTHOGONAL, Math.sqrt(2));
    }

    /** The greedy action: the index of the largest logit (the lowest index among ties). */
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

    /** The critic's value estimate {@code V(s)} of one observation. */
    public double value(float[] observation) {
        return OneObservation.forward(critic, observation)[0];
    }

    /** The configuration that trained this policy. */
    public PpoConfig config() {
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

    /** The critic network (live; owned by this policy). */
    public Network critic() {
        return critic;
    }

    @Override
    public void save(Path dir) {
        PolicyCheckpoints.writer(ALGORITHM, trainedSteps, "ppo", config.toMap(), env.toMap()).network("actor", actor)
                .network("critic", critic).write(dir);
    }

    /**
     * Loads a policy saved by {@link #save}.
     *
     * @throws QuiverUserException if {@code dir} is not a readable PPO checkpoint or its tensors do not
     *     match the architecture its config describes
     */
    public static PpoPolicy load(Path dir) {
        CheckpointReader ck = PolicyCheckpoints.open(dir, ALGORITHM);
        String where = "checkpoint " + dir;
        PpoConfig config = PpoConfig.fromMap(PolicyCheckpoints.section(ck, "ppo"), where);
        DiscreteEnvInfo env = DiscreteEnvInfo.fromMap(PolicyCheckpoints.section(ck, "env"), where);
        Network actor = PolicyCheckpoints.restore(ck, "actor",
                actorSpec(config, env.observationSize(), env.numActions()));
        Network critic;
        try {
            critic = PolicyCheckpoints.restore(ck, "critic", criticSpec(config, env.observationSize()));
        } catch (RuntimeException e) {
            actor.close();
            throw e;
        }
        return new PpoPolicy(actor, critic, config, env, ck.step());
    }

    @Override
    public void close() {
        actor.close();
        critic.close();
    }

    @Override
    public String toString() {
        return "PpoPolicy[" + env.id() + ", actor " + actor.spec() + ", critic " + critic.spec() + ", " + trainedSteps
                + " steps]";
    }
}
