package dev.quiver.rl.offline;

import dev.quiver.nn.checkpoint.CheckpointWriter;
import dev.quiver.rl.actorcritic.ContinuousEnvInfo;
import dev.quiver.rl.agent.TrainedContinuousPolicy;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The deterministic policy an offline learner returns for bounded Box actions: {@code tanh} of the first
 * {@code |A|} outputs of its actor on the normalised observation (the tanh-squashed mean of a Gaussian actor,
 * or a deterministic tanh actor), mapped onto the env's action bounds. Owns the network's native memory.
 *
 * <p>Checkpoints are {@code CheckpointWriter} directories with the algorithm's name, the actor under component
 * {@code policy}, the observation statistics as arrays {@code obs_mean}, {@code obs_std}, and a config holding
 * the algorithm's config under its name, the env under {@code env} ({@link ContinuousEnvInfo}) and the network
 * shape under {@code policy}. Load with {@link OfflinePolicies#load} or {@code Algorithms.load}.
 */
public final class OfflineContinuousPolicy implements TrainedContinuousPolicy {
    private final String algorithm;
    private final Map<String, Object> config;
    private final ContinuousEnvInfo env;
    private final PolicyNetwork net;
    private final long trainedSteps;
    private final boolean owner;

    OfflineContinuousPolicy(String algorithm, Map<String, Object> config, ContinuousEnvInfo env, PolicyNetwork net,
            long trainedSteps, boolean owner) {
        this.algorithm = algorithm;
        this.config = config;
        this.env = env;
        this.net = net;
        this.trainedSteps = trainedSteps;
        this.owner = owner;
    }

    /** The action for one observation: {@code tanh(actor(normalise(s)))} onto the action bounds. */
    @Override
    public float[] act(float[] observation) {
        float[] out = net.forward(observation);
        float[] unit = new float[env.scaling().size()];
        for (int j = 0; j < unit.length; j++) {
            unit[j] = (float) Math.tanh(out[j]);
        }
        return env.scaling().toEnv(unit);
    }

    /** The actor, the observation normaliser and, if one was saved, the critic. */
    PolicyNetwork network() {
        return net;
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

    @Override
    public void save(Path dir) {
        CheckpointWriter w = OfflinePolicies.writer(algorithm, trainedSteps, config, env.toMap(), net);
        w.write(dir);
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
        return "OfflineContinuousPolicy[" + algorithm + ", " + env.id() + ", " + net + ", " + trainedSteps + " steps]";
    }
}
