package dev.quiver.rl.offline;

import dev.quiver.nn.checkpoint.CheckpointReader;
import dev.quiver.nn.checkpoint.CheckpointWriter;
import dev.quiver.rl.actorcritic.ContinuousEnvInfo;
import dev.quiver.rl.agent.DiscreteEnvInfo;
import dev.quiver.rl.agent.PolicyCheckpoints;
import dev.quiver.rl.agent.TrainedPolicy;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writing and reading the checkpoints of {@link OfflineContinuousPolicy} and {@link OfflineDiscretePolicy}. */
public final class OfflinePolicies {
    private OfflinePolicies() {
    }

    static CheckpointWriter writer(String algorithm, long steps, Map<String, Object> config, Map<String, Object> env,
            PolicyNetwork net) {
        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put(algorithm, config);
        cfg.put("env", env);
        cfg.put(PolicyNetwork.SECTION, net.describe());
        CheckpointWriter w = new CheckpointWriter().algorithm(algorithm).step(steps).config(cfg);
        net.save(w);
        return w;
    }

    /**
     * Loads a policy that an offline learner of {@code algorithm} saved: an {@link OfflineDiscretePolicy} when
     * its env has discrete actions, else an {@link OfflineContinuousPolicy}.
     *
     * @throws dev.quiver.core.error.QuiverUserException if {@code dir} is not a readable checkpoint of
     *     {@code algorithm} or its parts do not fit together
     */
    public static TrainedPolicy<?> load(Path dir, String algorithm) {
        CheckpointReader ck = PolicyCheckpoints.open(dir, algorithm);
        String where = "checkpoint " + dir;
        Map<String, Object> config = new LinkedHashMap<>(PolicyCheckpoints.section(ck, algorithm));
        Map<String, ?> env = PolicyCheckpoints.section(ck, "env");
        if (env.containsKey("numActions")) {
            DiscreteEnvInfo info = DiscreteEnvInfo.fromMap(env, where);
            return new OfflineDiscretePolicy(algorithm, config, info, PolicyNetwork.restore(ck, info.observationSize()),
                    ck.step(), true);
        }
        ContinuousEnvInfo info = ContinuousEnvInfo.fromMap(env, where);
        return new OfflineContinuousPolicy(algorithm, config, info, PolicyNetwork.restore(ck, info.observationSize()),
                ck.step(), true);
    }
}
