package dev.quiver.rl.ppo;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.policy.DiscreteStochasticPolicy;
import dev.quiver.core.seed.Seeds;
import dev.quiver.nn.checkpoint.CheckpointReader;
import dev.quiver.nn.checkpoint.CheckpointWriter;
import dev.quiver.nn.net.Activation;
import dev.quiver.nn.net.Mlp;
import dev.quiver.nn.net.Network;
import dev.quiver.nn.net.WeightInit;
import dev.quiver.rl.agent.TrainedDiscretePolicy;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A PPO actor-critic: {@link #act} is greedy ({@code argmax} of the actor's logits, ties to the lowest
 * action), {@link #probabilities} is the stochastic policy {@code softmax(logits)} that PPO trained, and
 * {@link #value} the critic's estimate. Owns both networks' native memory: close it when done.
 *
 * <p>Checkpoints ({@link #save}, {@link #load}) are {@code CheckpointWriter} directories with algorithm
 * {@value #ALGORITHM}, the networks under components {@code actor} and {@code critic}, and a config holding
 * the {@link PpoConfig} ({@code config.ppo}) and the env ({@code config.env}: id, observation size,
 * number of actions).
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
    private final String envId;
    private final int obsDim;
    private final int numActions;
    private final long trainedSteps;

    PpoPolicy(Network actor, Network critic, PpoConfig config, String envId, int obsDim, int numActions,
            long trainedSteps) {
        this.actor = actor;
        this.critic = critic;
        this.config = config;
        this.envId = envId;
        this.obsDim = obsDim;
        this.numActions = numActions;
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
        return argmax(logits(observation));
    }

    /** {@code softmax(logits)}: the probability of each action under the trained stochastic policy. */
    @Override
    public double[] probabilities(float[] observation) {
        return softmax(logits(observation), 0, numActions, new double[numActions]);
    }

    /** The actor's logits for one observation (a fresh array of {@link #numActions()} values). */
    public float[] logits(float[] observation) {
        return forward(actor, observation);
    }

    /** The critic's value estimate {@code V(s)} of one observation. */
    public double value(float[] observation) {
        return forward(critic, observation)[0];
    }

    private float[] forward(Network net, float[] observation) {
        if (observation.length != obsDim) {
            throw new IllegalArgumentException("observation has " + observation.length + " values, the network expects "
                    + obsDim);
        }
        try (NDManager step = net.manager().newSubManager()) {
            return net.forward(step.create(observation, new Shape(1, obsDim))).toFloatArray();
        }
    }

    static int argmax(float[] values) {
        int best = 0;
        for (int a = 1; a < values.length; a++) {
            if (values[a] > values[best]) {
                best = a;
            }
        }
        return best;
    }

    /** Writes {@code softmax(logits[from .. from + n))} into {@code out} and returns it. */
    static double[] softmax(float[] logits, int from, int n, double[] out) {
        double max = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < n; a++) {
            max = Math.max(max, logits[from + a]);
        }
        double sum = 0;
        for (int a = 0; a < n; a++) {
            out[a] = Math.exp(logits[from + a] - max);
            sum += out[a];
        }
        for (int a = 0; a < n; a++) {
            out[a] /= sum;
        }
        return out;
    }

    /** The configuration that trained this policy. */
    public PpoConfig config() {
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
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("id", envId);
        env.put("observationSize", obsDim);
        env.put("numActions", numActions);
        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put("ppo", config.toMap());
        cfg.put("env", env);
        new CheckpointWriter().algorithm(ALGORITHM).step(trainedSteps).config(cfg).network("actor", actor)
                .network("critic", critic).write(dir);
    }

    /**
     * Loads a policy saved by {@link #save}.
     *
     * @throws QuiverUserException if {@code dir} is not a readable PPO checkpoint or its tensors do not
     *     match the architecture its config describes
     */
    @SuppressWarnings("unchecked")
    public static PpoPolicy load(Path dir) {
        CheckpointReader ck = CheckpointReader.open(dir);
        if (!ALGORITHM.equals(ck.algorithm())) {
            throw new QuiverUserException("checkpoint " + dir + " was written by algorithm '" + ck.algorithm()
                    + "', not '" + ALGORITHM + "'");
        }
        Map<String, Object> cfg = ck.config();
        String where = "checkpoint " + dir;
        if (!(cfg.get("ppo") instanceof Map<?, ?> ppo) || !(cfg.get("env") instanceof Map<?, ?> env)) {
            throw new QuiverUserException(where + ": config must hold objects 'ppo' and 'env', has " + cfg.keySet());
        }
        PpoConfig config = PpoConfig.fromMap((Map<String, ?>) ppo, where);
        if (!(env.get("id") instanceof String id) || !(env.get("observationSize") instanceof Number obs)
                || !(env.get("numActions") instanceof Number acts) || obs.intValue() < 1 || acts.intValue() < 1) {
            throw new QuiverUserException(where + ": config.env must have a string 'id' and positive numbers "
                    + "'observationSize' and 'numActions', got " + env);
        }
        Network actor = Network.create(actorSpec(config, obs.intValue(), acts.intValue()), Seeds.of(0));
        Network critic = null;
        try {
            critic = Network.create(criticSpec(config, obs.intValue()), Seeds.of(0));
            ck.restore("actor", actor);
            ck.restore("critic", critic);
        } catch (RuntimeException e) {
            actor.close();
            if (critic != null) {
                critic.close();
            }
            throw e;
        }
        return new PpoPolicy(actor, critic, config, id, obs.intValue(), acts.intValue(), ck.step());
    }

    @Override
    public void close() {
        actor.close();
        critic.close();
    }

    @Override
    public String toString() {
        return "PpoPolicy[" + envId + ", actor " + actor.spec() + ", critic " + critic.spec() + ", " + trainedSteps
                + " steps]";
    }
}
