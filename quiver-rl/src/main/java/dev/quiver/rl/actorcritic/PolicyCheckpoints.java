package dev.quiver.rl.actorcritic;

import dev.quiver.core.error.QuiverUserException;
import dev.quiver.nn.checkpoint.CheckpointReader;
import java.nio.file.Path;
import java.util.Map;

/** Checks shared by the actor-critic policies' {@code load(Path)}: the algorithm name and the config's sections. */
public final class PolicyCheckpoints {
    private PolicyCheckpoints() {
    }

    /**
     * Opens the checkpoint in {@code dir} and requires that {@code algorithm} wrote it.
     *
     * @throws QuiverUserException if it is unreadable or another algorithm's
     */
    public static CheckpointReader open(Path dir, String algorithm) {
        CheckpointReader ck = CheckpointReader.open(dir);
        if (!algorithm.equals(ck.algorithm())) {
            throw new QuiverUserException("checkpoint " + dir + " was written by algorithm '" + ck.algorithm()
                    + "', not '" + algorithm + "'");
        }
        return ck;
    }

    /**
     * The object {@code key} of the checkpoint's config.
     *
     * @throws QuiverUserException if it is missing or not an object
     */
    @SuppressWarnings("unchecked")
    public static Map<String, ?> section(CheckpointReader ck, String key) {
        Map<String, Object> cfg = ck.config();
        if (!(cfg.get(key) instanceof Map<?, ?> m)) {
            throw new QuiverUserException("checkpoint " + ck.dir() + ": config must hold an object '" + key + "', has "
                    + cfg.keySet());
        }
        return (Map<String, ?>) m;
    }
}
