package dev.quiver.cli.train;

import dev.quiver.core.error.QuiverUserException;
import dev.quiver.nn.checkpoint.CheckpointReader;
import dev.quiver.rl.agent.SavablePolicy;
import dev.quiver.rl.dqn.DqnPolicy;
import dev.quiver.rl.ppo.PpoPolicy;
import java.nio.file.Path;

/**
 * A saved policy of any algorithm {@code quiver train} offers, with what {@code quiver eval} needs to
 * check an env against it.
 *
 * @param policy the greedy policy
 * @param algorithm the algorithm recorded in the checkpoint
 * @param envId the env it was trained on
 * @param observationSize the number of floats in an observation
 * @param numActions the number of discrete actions
 */
record LoadedPolicy(SavablePolicy<float[], Integer> policy, String algorithm, String envId, int observationSize,
        int numActions) implements AutoCloseable {

    /** Loads the checkpoint in {@code dir}, choosing the policy class by the algorithm in its manifest. */
    static LoadedPolicy load(Path dir) {
        String algorithm = CheckpointReader.open(dir).algorithm();
        return switch (algorithm) {
            case "dqn" -> {
                DqnPolicy p = DqnPolicy.load(dir);
                yield new LoadedPolicy(p, algorithm, p.envId(), p.observationSize(), p.numActions());
            }
            case "ppo" -> {
                PpoPolicy p = PpoPolicy.load(dir);
                yield new LoadedPolicy(p, algorithm, p.envId(), p.observationSize(), p.numActions());
            }
            default -> throw new QuiverUserException("checkpoint " + dir + " was written by algorithm '" + algorithm
                    + "'; quiver eval can load: " + String.join(", ", TrainCommand.ALGORITHMS));
        };
    }

    @Override
    public void close() {
        policy.close();
    }
}
