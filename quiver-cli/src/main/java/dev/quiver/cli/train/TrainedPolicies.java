package dev.quiver.cli.train;

import dev.quiver.core.error.QuiverUserException;
import dev.quiver.nn.checkpoint.CheckpointReader;
import dev.quiver.rl.agent.TrainedDiscretePolicy;
import dev.quiver.rl.dqn.DqnPolicy;
import dev.quiver.rl.ppo.PpoPolicy;
import java.nio.file.Path;

/** Loads a policy saved by {@code quiver train}, whichever algorithm wrote it. */
final class TrainedPolicies {
    private TrainedPolicies() {
    }

    /** Loads the checkpoint in {@code dir}, choosing the policy class by the algorithm in its manifest. */
    static TrainedDiscretePolicy load(Path dir) {
        String algorithm = CheckpointReader.open(dir).algorithm();
        return switch (algorithm) {
            case "dqn" -> DqnPolicy.load(dir);
            case "ppo" -> PpoPolicy.load(dir);
            default -> throw new QuiverUserException("checkpoint " + dir + " was written by algorithm '" + algorithm
                    + "'; quiver eval can load: " + String.join(", ", TrainCommand.ALGORITHMS));
        };
    }
}
