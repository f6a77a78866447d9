package dev.quiver.rl.offline;

import dev.quiver.rl.agent.DiscreteEnvInfo;
import dev.quiver.rl.agent.TrainedDiscretePolicy;
import dev.quiver.rl.policy.Categorical;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The greedy policy an offline learner returns for Discrete actions: the action with the largest output of
 * its network on the normalised observation (the largest logit of a softmax actor, or the largest Q-value;
 * ties to the lowest action). Owns the network's native memory.
 *
 * <p>Checkpoints are laid out as {@link OfflineContinuousPolicy}'s, with the env under {@code config.env} as a
 * {@link DiscreteEnvInfo}. Load with {@link OfflinePolicies#load} or {@code Algorithms.load}.
 */
public final class OfflineDiscretePolicy implements TrainedDiscretePolicy {
    private final String algorithm;
    private final Map<String, Object> config;
    private final DiscreteEnvInfo env;
    private final PolicyNetwork net;
    private final long trainedSteps;
    private final boolean owner;

    OfflineDiscretePolicy(String algorithm, Map<String, Object> config, DiscreteEnvInfo env, PolicyNetwork net,
            long trainedSteps, boolean owner) {
        this.algorithm = algorithm;
        this.config = config;
        this.env = env;
        this.net = net;
        this.trainedSteps = trainedSteps;
        this.owner = owner;
    }

    /** The greedy action. */
    @Override
    public Integer act(float[] observation) {
        return Categorical.argmax(outputs(observation), 0, env.numActions());
    }

    /** The network's outputs (logits or Q-values) for one observation, a fresh array. */
    public float[] outputs(float[] observation) {
        return net.forward(observation);
    }

    /** The algorithm's name as checkpoints record it. */
    public String algorithm() {
        return algorithm;
    }

    /** The configuration that trained this policy, as its {@code toMap()}. */
    public Map<String, Object> config() {
        return new LinkedHashMap<>(config);
    }

    /** The observation normalisation applied before the network. */
    public ObservationNormaliser normaliser() {
        return net.normaliser();
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

    @Override
    public void save(Path dir) {
        OfflinePolicies.writer(algorithm, trainedSteps, config, env.toMap(), net).write(dir);
    }

    /** Frees the network, unless this is a live snapshot handed to a callback during training. */
    @Override
    public void close() {
        if (owner) {
            net.close();
        }
    }

    @Override
    public String toString() {
        return "OfflineDiscretePolicy[" + algorithm + ", " + env.id() + ", " + net + ", " + trainedSteps + " steps]";
    }
}
