package dev.quiver.rl;

import dev.quiver.core.error.QuiverUserException;
import dev.quiver.nn.checkpoint.CheckpointReader;
import dev.quiver.rl.agent.LearnerConfig;
import dev.quiver.rl.agent.TrainedPolicy;
import dev.quiver.rl.dqn.DqnConfig;
import dev.quiver.rl.dqn.DqnPolicy;
import dev.quiver.rl.ppo.PpoConfig;
import dev.quiver.rl.qrdqn.QrDqnConfig;
import dev.quiver.rl.qrdqn.QrDqnPolicy;
import dev.quiver.rl.sac.SacConfig;
import dev.quiver.rl.sac.SacDiscreteConfig;
import dev.quiver.rl.sac.SacDiscretePolicy;
import dev.quiver.rl.sac.SacPolicy;
import dev.quiver.rl.td3.Td3Config;
import dev.quiver.rl.td3.Td3Policy;
import dev.quiver.rl.ppo.PpoPolicy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The online algorithms Quiver can train by name (as {@code quiver train ALGO} does): each with its
 * default configuration as a map, a reader for a configuration map and a loader for the checkpoints
 * its policies write (chosen by the algorithm named in the checkpoint's manifest).
 */
public final class Algorithms {
    /**
     * One algorithm.
     *
     * @param name the name used on the command line and in checkpoints' manifests, e.g. {@code dqn}
     * @param summary one line: what it is and which defaults it uses
     * @param defaults the default configuration as a map (the config record's {@code toMap()})
     * @param config reads a configuration map ({@code where} names its source for messages)
     * @param load loads a checkpoint directory this algorithm's policy wrote
     */
    public record Algorithm(String name, String summary, Supplier<Map<String, Object>> defaults,
            BiFunction<Map<String, ?>, String, LearnerConfig<float[], ?>> config,
            Function<Path, TrainedPolicy<?>> load) {
    }

    private static final Map<String, Algorithm> ALL = new LinkedHashMap<>();

    static {
        add(new Algorithm(DqnPolicy.ALGORITHM, "DQN with double/dueling/n-step options (CleanRL dqn.py defaults);"
                + " Discrete actions", () -> DqnConfig.defaults().toMap(), DqnConfig::fromMap, DqnPolicy::load));
        add(new Algorithm(QrDqnPolicy.ALGORITHM, "QR-DQN, distributional DQN with quantile regression (RL Zoo"
                + " CartPole defaults); Discrete actions", () -> QrDqnConfig.defaults().toMap(), QrDqnConfig::fromMap,
                QrDqnPolicy::load));
        add(new Algorithm(PpoPolicy.ALGORITHM, "PPO with GAE (CleanRL ppo.py defaults, 4 env copies); Discrete"
                + " actions", () -> PpoConfig.defaults().toMap(), PpoConfig::fromMap, PpoPolicy::load));
        add(new Algorithm(SacPolicy.ALGORITHM, "SAC with twin critics and automatic entropy tuning (SB3 / RL Zoo"
                + " Pendulum defaults); bounded Box actions", () -> SacConfig.defaults().toMap(), SacConfig::fromMap,
                SacPolicy::load));
        add(new Algorithm(Td3Policy.ALGORITHM, "TD3 with target policy smoothing and delayed actor updates (RL Zoo"
                + " Pendulum defaults); bounded Box actions", () -> Td3Config.defaults().toMap(), Td3Config::fromMap,
                Td3Policy::load));
        add(new Algorithm(SacDiscretePolicy.ALGORITHM, "SAC for discrete actions (CleanRL sac_atari defaults with"
                + " MLPs); Discrete actions", () -> SacDiscreteConfig.defaults().toMap(), SacDiscreteConfig::fromMap,
                SacDiscretePolicy::load));
    }

    private Algorithms() {
    }

    private static void add(Algorithm a) {
        ALL.put(a.name(), a);
    }

    /** The algorithms' names, in a fixed order. */
    public static List<String> names() {
        return new ArrayList<>(ALL.keySet());
    }

    /** All algorithms, in a fixed order. */
    public static List<Algorithm> all() {
        return new ArrayList<>(ALL.values());
    }

    /**
     * The algorithm called {@code name} (case-insensitive).
     *
     * @throws QuiverUserException if there is none (the message lists the available names)
     */
    public static Algorithm get(String name) {
        Algorithm a = ALL.get(name.trim().toLowerCase(Locale.ROOT));
        if (a == null) {
            throw new QuiverUserException("unknown algorithm '" + name + "'; available: " + String.join(", ", ALL.keySet()));
        }
        return a;
    }

    /**
     * Loads the policy saved in checkpoint directory {@code dir}, whichever algorithm wrote it.
     *
     * @throws QuiverUserException if the checkpoint is unreadable or written by an unknown algorithm
     */
    public static TrainedPolicy<?> load(Path dir) {
        String algorithm = CheckpointReader.summary(dir).algorithm();
        Algorithm a = ALL.get(algorithm);
        if (a == null) {
            throw new QuiverUserException("checkpoint " + dir + " was written by algorithm '" + algorithm
                    + "'; loadable: " + String.join(", ", ALL.keySet()));
        }
        return a.load().apply(dir);
    }
}
