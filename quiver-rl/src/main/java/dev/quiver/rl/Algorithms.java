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
import dev.quiver.rl.offline.OfflineLearnerConfig;
import dev.quiver.rl.offline.OfflinePolicies;
import dev.quiver.rl.offline.bc.Bc;
import dev.quiver.rl.offline.bc.BcConfig;
import dev.quiver.rl.offline.cql.Cql;
import dev.quiver.rl.offline.cql.CqlConfig;
import dev.quiver.rl.offline.iql.Iql;
import dev.quiver.rl.offline.iql.IqlConfig;
import dev.quiver.rl.offline.riql.RiqlConfig;
import dev.quiver.rl.offline.td3bc.Td3Bc;
import dev.quiver.rl.offline.td3bc.Td3BcConfig;
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
 * The algorithms Quiver can train by name (as {@code quiver train ALGO} does), online ones (learning from an
 * env: {@link #get}) and offline ones (learning from a dataset: {@link #offline}): each with its default
 * configuration as a map, a reader for a configuration map and a loader for the checkpoints its policies
 * write. {@link #load} loads any of them, chosen by the algorithm named in the checkpoint's manifest.
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

    /**
     * One offline algorithm: trained from a dataset of episodes, evaluated online.
     *
     * @param name the name used on the command line and in checkpoints' manifests, e.g. {@code iql}
     * @param summary one line: what it is and which defaults it uses
     * @param defaults the default configuration as a map (the config record's {@code toMap()})
     * @param config reads a configuration map ({@code where} names its source for messages)
     * @param load loads a checkpoint directory this algorithm's policy wrote
     */
    public record OfflineAlgorithm(String name, String summary, Supplier<Map<String, Object>> defaults,
            BiFunction<Map<String, ?>, String, OfflineLearnerConfig> config, Function<Path, TrainedPolicy<?>> load) {
    }

    /** How an algorithm learns. */
    public enum Kind {
        /** From interaction with an env ({@link Algorithm}). */
        ONLINE,
        /** From a fixed dataset of episodes ({@link OfflineAlgorithm}). */
        OFFLINE
    }

    private static final Map<String, Algorithm> ALL = new LinkedHashMap<>();
    private static final Map<String, OfflineAlgorithm> OFFLINE = new LinkedHashMap<>();

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
        addOffline(new OfflineAlgorithm(Bc.ALGORITHM, "behaviour cloning (CORL any_percent_bc defaults): MSE to the"
                + " actions for Box actions, cross-entropy for Discrete", () -> BcConfig.defaults().toMap(),
                BcConfig::fromMap, dir -> OfflinePolicies.load(dir, Bc.ALGORITHM)));
        addOffline(new OfflineAlgorithm(Cql.ALGORITHM, "conservative Q-learning CQL(H): SAC-based for Box actions"
                + " (CORL cql.py defaults), DQN-based for Discrete (d3rlpy DiscreteCQL penalty)",
                () -> CqlConfig.defaults().toMap(), CqlConfig::fromMap, dir -> OfflinePolicies.load(dir, Cql.ALGORITHM)));
        addOffline(new OfflineAlgorithm(Iql.ALGORITHM, "implicit Q-learning (CORL iql.py defaults: expectile 0.7,"
                + " beta 3); Box or Discrete actions", () -> IqlConfig.defaults().toMap(), IqlConfig::fromMap,
                dir -> OfflinePolicies.load(dir, Iql.ALGORITHM)));
        addOffline(new OfflineAlgorithm(Td3Bc.ALGORITHM, "TD3+BC (Fujimoto and Gu 2021 defaults: alpha 2.5); Box"
                + " actions", () -> Td3BcConfig.defaults().toMap(), Td3BcConfig::fromMap,
                dir -> OfflinePolicies.load(dir, Td3Bc.ALGORITHM)));
        addOffline(new OfflineAlgorithm(RiqlConfig.ALGORITHM, "robust IQL (Yang et al. 2024 code defaults: 5 Q-networks,"
                + " quantile 0.25, Huber); Box or Discrete actions", () -> RiqlConfig.defaults().toMap(),
                RiqlConfig::fromMap, dir -> OfflinePolicies.load(dir, RiqlConfig.ALGORITHM)));
    }

    private Algorithms() {
    }

    private static void add(Algorithm a) {
        ALL.put(a.name(), a);
    }

    private static void addOffline(OfflineAlgorithm a) {
        OFFLINE.put(a.name(), a);
    }

    /** The online algorithms' names, in a fixed order. */
    public static List<String> names() {
        return new ArrayList<>(ALL.keySet());
    }

    /** All online algorithms, in a fixed order. */
    public static List<Algorithm> all() {
        return new ArrayList<>(ALL.values());
    }

    /** The offline algorithms' names, in a fixed order. */
    public static List<String> offlineNames() {
        return new ArrayList<>(OFFLINE.keySet());
    }

    /** All offline algorithms, in a fixed order. */
    public static List<OfflineAlgorithm> offlineAll() {
        return new ArrayList<>(OFFLINE.values());
    }

    /**
     * Whether the algorithm called {@code name} (case-insensitive) is online or offline.
     *
     * @throws QuiverUserException if there is none (the message lists every name)
     */
    public static Kind kind(String name) {
        String key = key(name);
        if (ALL.containsKey(key)) {
            return Kind.ONLINE;
        }
        if (OFFLINE.containsKey(key)) {
            return Kind.OFFLINE;
        }
        throw new QuiverUserException("unknown algorithm '" + name + "'; available: " + String.join(", ", ALL.keySet())
                + " (online); " + String.join(", ", OFFLINE.keySet()) + " (offline)");
    }

    /**
     * The offline algorithm called {@code name} (case-insensitive).
     *
     * @throws QuiverUserException if there is none (the message says when it is an online one and lists the
     *     offline names)
     */
    public static OfflineAlgorithm offline(String name) {
        OfflineAlgorithm a = OFFLINE.get(key(name));
        if (a == null) {
            throw new QuiverUserException((ALL.containsKey(key(name)) ? "'" + name + "' is an online algorithm (it"
                    + " learns by interacting with an env), not an offline one" : "unknown offline algorithm '" + name
                    + "'") + "; offline algorithms: " + String.join(", ", OFFLINE.keySet()));
        }
        return a;
    }

    private static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * The algorithm called {@code name} (case-insensitive).
     *
     * @throws QuiverUserException if there is none (the message lists the available names)
     */
    public static Algorithm get(String name) {
        Algorithm a = ALL.get(key(name));
        if (a == null) {
            if (OFFLINE.containsKey(key(name))) {
                throw new QuiverUserException("'" + name + "' is an offline algorithm (it learns from a dataset of"
                        + " episodes), not an online one; online algorithms: " + String.join(", ", ALL.keySet()));
            }
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
        if (a != null) {
            return a.load().apply(dir);
        }
        OfflineAlgorithm o = OFFLINE.get(algorithm);
        if (o == null) {
            throw new QuiverUserException("checkpoint " + dir + " was written by algorithm '" + algorithm
                    + "'; loadable: " + String.join(", ", ALL.keySet()) + ", " + String.join(", ", OFFLINE.keySet()));
        }
        return o.load().apply(dir);
    }
}
