package dev.quiver.rl.agent;

import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.seed.Seeds;
import dev.quiver.nn.checkpoint.CheckpointReader;
import dev.quiver.nn.checkpoint.CheckpointWriter;
import dev.quiver.nn.net.Network;
import dev.quiver.nn.net.NetworkSpec;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The checkpoint layout the trained policies share: algorithm {@code A}, the step count, a config holding
 * the algorithm's config under its key and the env under {@code env}, and the policy's networks as
 * components. {@link #writer} starts one; {@link #open}, {@link #section} and {@link #restore} read it back.
 */
public final class PolicyCheckpoints {
    private PolicyCheckpoints() {
    }

    /**
     * A writer with {@code algorithm}, {@code step} and the config {@code {key: config, "env": env}} set:
     * add the networks and write.
     */
    public static CheckpointWriter writer(String algorithm, long step, String key, Map<String, ?> config,
            Map<String, ?> env) {
        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put(key, config);
        cfg.put("env", env);
        return new CheckpointWriter().algorithm(algorithm).step(step).config(cfg);
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

    /**
     * A network of {@code spec} with the parameters of component {@code name}; closed again if they do not
     * fit.
     *
     * @throws QuiverUserException if the component is missing or its tensors do not match {@code spec}
     */
    public static Network restore(CheckpointReader ck, String name, NetworkSpec spec) {
        Network net = Network.create(spec, Seeds.of(0));
        try {
            ck.restore(name, net);
        } catch (RuntimeException e) {
            net.close();
            throw e;
        }
        return net;
    }
}
