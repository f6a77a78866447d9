package dev.quiver.rl.td3;

import dev.quiver.core.env.EnvSpec;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.rl.actorcritic.NoiseType;
import dev.quiver.rl.actorcritic.OffPolicySchedule;
import dev.quiver.rl.agent.ConfigMaps;
import dev.quiver.rl.agent.LearnerConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TD3's configuration: an immutable record whose {@link #defaults()} are RL Zoo's TD3 hyperparameters for
 * Pendulum-v1 on top of Stable-Baselines3's TD3 defaults. RL Zoo trains once per episode with as many
 * updates as the episode had steps ({@code train_freq: [1, episode]}, {@code gradient_steps: -1}); the
 * default here is one update after every env step, the same number of updates per env step. Actor and
 * twin critics are separate ReLU MLPs with PyTorch's default initialisation. Noise scales are in units of
 * the policy's {@code [−1, 1]} actions, i.e. fractions of half the action range (CleanRL's
 * {@code exploration_noise · action_scale}).
 *
 * <table>
 * <caption>Defaults</caption>
 * <tr><th>parameter</th><th>default</th><th>meaning</th></tr>
 * <tr><td>learningRate</td><td>1e-3</td><td>Adam's learning rate (actor and critics)</td></tr>
 * <tr><td>bufferSize</td><td>200,000</td><td>replay capacity (transitions)</td></tr>
 * <tr><td>batchSize</td><td>256</td><td>transitions per update</td></tr>
 * <tr><td>gamma</td><td>0.98</td><td>discount</td></tr>
 * <tr><td>tau</td><td>0.005</td><td>Polyak rate of the target actor and critics (updated with the actor)</td></tr>
 * <tr><td>learningStarts</td><td>10,000</td><td>env steps of uniformly random actions before the first update</td></tr>
 * <tr><td>trainFrequency</td><td>1</td><td>env steps between rounds of updates</td></tr>
 * <tr><td>gradientSteps</td><td>1</td><td>critic updates per round</td></tr>
 * <tr><td>hidden</td><td>[400, 300]</td><td>hidden widths of the actor and of each critic (ReLU)</td></tr>
 * <tr><td>policyDelay</td><td>2</td><td>critic updates per actor (and target) update</td></tr>
 * <tr><td>targetPolicyNoise</td><td>0.2</td><td>σ of the target policy smoothing noise</td></tr>
 * <tr><td>targetNoiseClip</td><td>0.5</td><td>the smoothing noise is clipped to ±this</td></tr>
 * <tr><td>explorationNoise</td><td>0.1</td><td>σ of the exploration noise</td></tr>
 * <tr><td>noiseType</td><td>GAUSSIAN</td><td>{@link NoiseType#GAUSSIAN} or {@link NoiseType#ORNSTEIN_UHLENBECK} (RL Zoo uses the latter with σ 0.5 on MountainCarContinuous)</td></tr>
 * </table>
 *
 * <pre>{@code
 * Td3Policy policy = Td3Config.defaults().build(env.spec()).learn(env, 20_000, 1, TrainingCallback.NONE);
 * }</pre>
 *
 * @see <a href="https://arxiv.org/abs/1802.09477">Fujimoto, S., van Hoof, H. and Meger, D. (2018).
 *     Addressing Function Approximation Error in Actor-Critic Methods. ICML. arXiv:1802.09477</a>
 * @see <a href="https://jmlr.org/papers/v22/20-1364.html">Raffin, A. et al. (2021). Stable-Baselines3:
 *     Reliable Reinforcement Learning Implementations. JMLR 22(268)</a>
 */
public record Td3Config(double learningRate, int bufferSize, int batchSize, double gamma, double tau,
        long learningStarts, long trainFrequency, int gradientSteps, List<Integer> hidden, int policyDelay,
        double targetPolicyNoise, double targetNoiseClip, double explorationNoise, NoiseType noiseType)
        implements LearnerConfig<float[], float[]> {
    /** The algorithm's name in config messages. */
    private static final String ALGORITHM = "TD3";

    /** Validates every field; a bad value is a {@link QuiverUserException} naming the field. */
    public Td3Config {
        check(learningRate > 0 && Double.isFinite(learningRate), "learningRate", learningRate, "> 0");
        check(bufferSize >= 1, "bufferSize", bufferSize, ">= 1");
        check(batchSize >= 1, "batchSize", batchSize, ">= 1");
        check(gamma >= 0 && gamma <= 1, "gamma", gamma, "in [0, 1]");
        check(tau > 0 && tau <= 1, "tau", tau, "in (0, 1]");
        check(learningStarts >= 0, "learningStarts", learningStarts, ">= 0");
        check(trainFrequency >= 1, "trainFrequency", trainFrequency, ">= 1");
        check(gradientSteps >= 1, "gradientSteps", gradientSteps, ">= 1");
        if (hidden == null || hidden.isEmpty() || hidden.stream().anyMatch(h -> h == null || h < 1)) {
            throw new QuiverUserException("TD3 config: hidden = " + hidden + " is not allowed; give one or more "
                    + "layer widths >= 1");
        }
        hidden = List.copyOf(hidden);
        check(policyDelay >= 1, "policyDelay", policyDelay, ">= 1");
        check(targetPolicyNoise >= 0 && Double.isFinite(targetPolicyNoise), "targetPolicyNoise", targetPolicyNoise,
                ">= 0");
        check(targetNoiseClip >= 0 && Double.isFinite(targetNoiseClip), "targetNoiseClip", targetNoiseClip, ">= 0");
        check(explorationNoise >= 0 && Double.isFinite(explorationNoise), "explorationNoise", explorationNoise,
                ">= 0");
        if (noiseType == null) {
            throw new QuiverUserException("TD3 config: noiseType is missing; allowed: " + List.of(NoiseType.values()));
        }
    }

    private static void check(boolean ok, String key, Object value, String allowed) {
        if (!ok) {
            throw new QuiverUserException("TD3 config: " + key + " = " + value + " is not allowed; it must be "
                    + allowed);
        }
    }

    /** RL Zoo's TD3 hyperparameters for Pendulum-v1 over SB3's defaults (see the table above). */
    public static Td3Config defaults() {
        return new Td3Config(1e-3, 200_000, 256, 0.98, 0.005, 10_000, 1, 1, List.of(400, 300), 2, 0.2, 0.5, 0.1,
                NoiseType.GAUSSIAN);
    }

    /** Builds a TD3 learner for {@code spec} (float32 Box observations, bounded float32 Box actions). */
    @Override
    public Td3 build(EnvSpec spec) {
        return new Td3(this, spec);
    }

    /** When to train: learningStarts, trainFrequency, gradientSteps and batchSize. */
    public OffPolicySchedule schedule() {
        return new OffPolicySchedule(batchSize, learningStarts, trainFrequency, gradientSteps);
    }

    /** A copy with another learning rate. */
    public Td3Config withLearningRate(double v) {
        return new Td3Config(v, bufferSize, batchSize, gamma, tau, learningStarts, trainFrequency, gradientSteps,
                hidden, policyDelay, targetPolicyNoise, targetNoiseClip, explorationNoise, noiseType);
    }

    /** A copy with another replay capacity. */
    public Td3Config withBufferSize(int v) {
        return new Td3Config(learningRate, v, batchSize, gamma, tau, learningStarts, trainFrequency, gradientSteps,
                hidden, policyDelay, targetPolicyNoise, targetNoiseClip, explorationNoise, noiseType);
    }

    /** A copy with another batch size. */
    public Td3Config withBatchSize(int v) {
        return new Td3Config(learningRate, bufferSize, v, gamma, tau, learningStarts, trainFrequency, gradientSteps,
                hidden, policyDelay, targetPolicyNoise, targetNoiseClip, explorationNoise, noiseType);
    }

    /** A copy with another discount. */
    public Td3Config withGamma(double v) {
        return new Td3Config(learningRate, bufferSize, batchSize, v, tau, learningStarts, trainFrequency,
                gradientSteps, hidden, policyDelay, targetPolicyNoise, targetNoiseClip, explorationNoise, noiseType);
    }

    /** A copy with another Polyak rate. */
    public Td3Config withTau(double v) {
        return new Td3Config(learningRate, bufferSize, batchSize, gamma, v, learningStarts, trainFrequency,
                gradientSteps, hidden, policyDelay, targetPolicyNoise, targetNoiseClip, explorationNoise, noiseType);
    }

    /** A copy with another number of random env steps before the first update. */
    public Td3Config withLearningStarts(long v) {
        return new Td3Config(learningRate, bufferSize, batchSize, gamma, tau, v, trainFrequency, gradientSteps,
                hidden, policyDelay, targetPolicyNoise, targetNoiseClip, explorationNoise, noiseType);
    }

    /** A copy with another number of env steps between rounds of updates. */
    public Td3Config withTrainFrequency(long v) {
        return new Td3Config(learningRate, bufferSize, batchSize, gamma, tau, learningStarts, v, gradientSteps,
                hidden, policyDelay, targetPolicyNoise, targetNoiseClip, explorationNoise, noiseType);
    }

    /** A copy with another number of critic updates per round. */
    public Td3Config withGradientSteps(int v) {
        return new Td3Config(learningRate, bufferSize, batchSize, gamma, tau, learningStarts, trainFrequency, v,
                hidden, policyDelay, targetPolicyNoise, targetNoiseClip, explorationNoise, noiseType);
    }

    /** A copy with other hidden layer widths (actor and critics). */
    public Td3Config withHidden(Integer... widths) {
        return new Td3Config(learningRate, bufferSize, batchSize, gamma, tau, learningStarts, trainFrequency,
                gradientSteps, List.of(widths), policyDelay, targetPolicyNoise, targetNoiseClip, explorationNoise,
                noiseType);
    }

    /** A copy with another number of critic updates per actor update. */
    public Td3Config withPolicyDelay(int v) {
        return new Td3Config(learningRate, bufferSize, batchSize, gamma, tau, learningStarts, trainFrequency,
                gradientSteps, hidden, v, targetPolicyNoise, targetNoiseClip, explorationNoise, noiseType);
    }

    /** A copy with other target policy smoothing: noise σ {@code sigma}, clipped to ±{@code clip}. */
    public Td3Config withTargetPolicyNoise(double sigma, double clip) {
        return new Td3Config(learningRate, bufferSize, batchSize, gamma, tau, learningStarts, trainFrequency,
                gradientSteps, hidden, policyDelay, sigma, clip, explorationNoise, noiseType);
    }

    /** A copy with other exploration noise: {@code type} with scale {@code sigma}. */
    public Td3Config withExplorationNoise(NoiseType type, double sigma) {
        return new Td3Config(learningRate, bufferSize, batchSize, gamma, tau, learningStarts, trainFrequency,
                gradientSteps, hidden, policyDelay, targetPolicyNoise, targetNoiseClip, sigma, type);
    }

    /** The configuration as a JSON-ready map (for checkpoints and provenance), keyed by field name. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("learningRate", learningRate);
        m.put("bufferSize", bufferSize);
        m.put("batchSize", batchSize);
        m.put("gamma", gamma);
        m.put("tau", tau);
        m.put("learningStarts", learningStarts);
        m.put("trainFrequency", trainFrequency);
        m.put("gradientSteps", gradientSteps);
        m.put("hidden", hidden);
        m.put("policyDelay", policyDelay);
        m.put("targetPolicyNoise", targetPolicyNoise);
        m.put("targetNoiseClip", targetNoiseClip);
        m.put("explorationNoise", explorationNoise);
        m.put("noiseType", noiseType.name());
        return m;
    }

    /**
     * Reads a configuration written by {@link #toMap()} (numbers may come back as {@code Double}, as
     * from JSON).
     *
     * @param where where the map came from, for messages (e.g. a checkpoint path)
     * @throws QuiverUserException if a key is missing or has a value of the wrong type
     */
    public static Td3Config fromMap(Map<String, ?> m, String where) {
        try {
            return new Td3Config(
                    ConfigMaps.num(m, "learningRate", ALGORITHM, where).doubleValue(),
                    ConfigMaps.num(m, "bufferSize", ALGORITHM, where).intValue(),
                    ConfigMaps.num(m, "batchSize", ALGORITHM, where).intValue(),
                    ConfigMaps.num(m, "gamma", ALGORITHM, where).doubleValue(),
                    ConfigMaps.num(m, "tau", ALGORITHM, where).doubleValue(),
                    ConfigMaps.num(m, "learningStarts", ALGORITHM, where).longValue(),
                    ConfigMaps.num(m, "trainFrequency", ALGORITHM, where).longValue(),
                    ConfigMaps.num(m, "gradientSteps", ALGORITHM, where).intValue(),
                    ConfigMaps.ints(m, "hidden", ALGORITHM, where),
                    ConfigMaps.num(m, "policyDelay", ALGORITHM, where).intValue(),
                    ConfigMaps.num(m, "targetPolicyNoise", ALGORITHM, where).doubleValue(),
                    ConfigMaps.num(m, "targetNoiseClip", ALGORITHM, where).doubleValue(),
                    ConfigMaps.num(m, "explorationNoise", ALGORITHM, where).doubleValue(),
                    NoiseType.valueOf((String) ConfigMaps.require(m, "noiseType", ALGORITHM, where)));
        } catch (ClassCastException | IllegalArgumentException | NullPointerException e) {
            throw new QuiverUserException(where + ": malformed TD3 config " + m + ": " + e.getMessage(), e);
        }
    }
}
