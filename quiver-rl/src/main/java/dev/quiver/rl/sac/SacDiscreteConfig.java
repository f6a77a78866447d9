package dev.quiver.rl.sac;

import dev.quiver.core.env.EnvSpec;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.rl.actorcritic.OffPolicySchedule;
import dev.quiver.rl.agent.ConfigMaps;
import dev.quiver.rl.agent.LearnerConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Discrete SAC's configuration: an immutable record whose {@link #defaults()} are CleanRL's
 * {@code sac_atari.py} defaults, with ReLU MLPs in place of the Atari convolutional network (flat
 * observations). CleanRL's {@code target_network_frequency} of 8,000 env steps at one update every 4 steps
 * is a target update every 2,000 gradient updates here ({@code targetUpdateInterval}, counted in updates as
 * in Stable-Baselines3's SAC). Adam uses ε = 1e-4, as CleanRL's {@code sac_atari.py}. These defaults are
 * tuned for long Atari runs; small tasks such as CartPole want an earlier start and faster target updates
 * (see the tests). With few actions the default target entropy is close to the uniform policy's
 * ({@code 0.89 · log 2} of at most {@code log 2} nats for two actions): α then keeps growing while the greedy
 * policy improves; a lower {@code targetEntropyScale} or a fixed α keeps the behaviour policy sharper.
 *
 * <table>
 * <caption>Defaults</caption>
 * <tr><th>parameter</th><th>default</th><th>meaning</th></tr>
 * <tr><td>learningRate</td><td>3e-4</td><td>Adam's learning rate (actor, critics, log α)</td></tr>
 * <tr><td>bufferSize</td><td>1,000,000</td><td>replay capacity (transitions)</td></tr>
 * <tr><td>batchSize</td><td>64</td><td>transitions per update</td></tr>
 * <tr><td>gamma</td><td>0.99</td><td>discount</td></tr>
 * <tr><td>tau</td><td>1.0</td><td>target update rate (1: hard copy)</td></tr>
 * <tr><td>targetUpdateInterval</td><td>2,000</td><td>gradient updates between target updates</td></tr>
 * <tr><td>learningStarts</td><td>20,000</td><td>env steps of uniformly random actions before the first update</td></tr>
 * <tr><td>trainFrequency</td><td>4</td><td>env steps between rounds of updates</td></tr>
 * <tr><td>gradientSteps</td><td>1</td><td>updates per round</td></tr>
 * <tr><td>hidden</td><td>[256, 256]</td><td>hidden widths of the actor and of each critic (ReLU)</td></tr>
 * <tr><td>autoEntropy</td><td>true</td><td>tune α towards the target entropy {@code targetEntropyScale · log |A|}</td></tr>
 * <tr><td>alpha</td><td>1.0</td><td>the entropy temperature α: its initial value when tuned, else its fixed value</td></tr>
 * <tr><td>targetEntropyScale</td><td>0.89</td><td>the target entropy as a fraction of the uniform policy's, {@code log |A|}</td></tr>
 * </table>
 *
 * <pre>{@code
 * SacDiscretePolicy policy = SacDiscreteConfig.defaults().withLearningStarts(1_000).build(env.spec())
 *         .learn(env, 50_000, 1, TrainingCallback.NONE);
 * }</pre>
 *
 * @see <a href="https://arxiv.org/abs/1910.07207">Christodoulou, P. (2019). Soft Actor-Critic for Discrete
 *     Action Settings. arXiv:1910.07207</a>
 * @see <a href="https://arxiv.org/abs/2111.08819">Huang, S. et al. (2022). CleanRL. JMLR.
 *     arXiv:2111.08819</a>
 */
public record SacDiscreteConfig(double learningRate, int bufferSize, int batchSize, double gamma, double tau,
        long targetUpdateInterval, long learningStarts, long trainFrequency, int gradientSteps, List<Integer> hidden,
        boolean autoEntropy, double alpha, double targetEntropyScale) implements LearnerConfig<float[], Integer> {
    /** The algorithm's name in config messages. */
    private static final String ALGORITHM = "discrete SAC";

    /** Validates every field; a bad value is a {@link QuiverUserException} naming the field. */
    public SacDiscreteConfig {
        check(learningRate > 0 && Double.isFinite(learningRate), "learningRate", learningRate, "> 0");
        check(bufferSize >= 1, "bufferSize", bufferSize, ">= 1");
        check(batchSize >= 1, "batchSize", batchSize, ">= 1");
        check(gamma >= 0 && gamma <= 1, "gamma", gamma, "in [0, 1]");
        check(tau > 0 && tau <= 1, "tau", tau, "in (0, 1]");
        check(targetUpdateInterval >= 1, "targetUpdateInterval", targetUpdateInterval, ">= 1");
        check(learningStarts >= 0, "learningStarts", learningStarts, ">= 0");
        check(trainFrequency >= 1, "trainFrequency", trainFrequency, ">= 1");
        check(gradientSteps >= 1, "gradientSteps", gradientSteps, ">= 1");
        if (hidden == null || hidden.isEmpty() || hidden.stream().anyMatch(h -> h == null || h < 1)) {
            throw new QuiverUserException("discrete SAC config: hidden = " + hidden + " is not allowed; give one or "
                    + "more layer widths >= 1");
        }
        hidden = List.copyOf(hidden);
        check(alpha > 0 && Double.isFinite(alpha), "alpha", alpha, "> 0");
        check(targetEntropyScale >= 0 && targetEntropyScale <= 1, "targetEntropyScale", targetEntropyScale,
                "in [0, 1]");
    }

    private static void check(boolean ok, String key, Object value, String allowed) {
        if (!ok) {
            throw new QuiverUserException("discrete SAC config: " + key + " = " + value + " is not allowed; it must be "
                    + allowed);
        }
    }

    /** CleanRL's {@code sac_atari.py} defaults with MLPs (see the table above). */
    public static SacDiscreteConfig defaults() {
        return new SacDiscreteConfig(3e-4, 1_000_000, 64, 0.99, 1.0, 2_000, 20_000, 4, 1, List.of(256, 256), true,
                1.0, 0.89);
    }

    /** Builds a discrete SAC learner for {@code spec} (float32 Box observations, Discrete actions). */
    @Override
    public SacDiscrete build(EnvSpec spec) {
        return new SacDiscrete(this, spec);
    }

    /** When to train: learningStarts, trainFrequency, gradientSteps and batchSize. */
    public OffPolicySchedule schedule() {
        return new OffPolicySchedule(batchSize, learningStarts, trainFrequency, gradientSteps);
    }

    /** A copy with another learning rate. */
    public SacDiscreteConfig withLearningRate(double v) {
        return new SacDiscreteConfig(v, bufferSize, batchSize, gamma, tau, targetUpdateInterval, learningStarts,
                trainFrequency, gradientSteps, hidden, autoEntropy, alpha, targetEntropyScale);
    }

    /** A copy with another replay capacity. */
    public SacDiscreteConfig withBufferSize(int v) {
        return new SacDiscreteConfig(learningRate, v, batchSize, gamma, tau, targetUpdateInterval, learningStarts,
                trainFrequency, gradientSteps, hidden, autoEntropy, alpha, targetEntropyScale);
    }

    /** A copy with another batch size. */
    public SacDiscreteConfig withBatchSize(int v) {
        return new SacDiscreteConfig(learningRate, bufferSize, v, gamma, tau, targetUpdateInterval, learningStarts,
                trainFrequency, gradientSteps, hidden, autoEntropy, alpha, targetEntropyScale);
    }

    /** A copy with another discount. */
    public SacDiscreteConfig withGamma(double v) {
        return new SacDiscreteConfig(learningRate, bufferSize, batchSize, v, tau, targetUpdateInterval, learningStarts,
                trainFrequency, gradientSteps, hidden, autoEntropy, alpha, targetEntropyScale);
    }

    /** A copy with another target update rate (1: hard copy). */
    public SacDiscreteConfig withTau(double v) {
        return new SacDiscreteConfig(learningRate, bufferSize, batchSize, gamma, v, targetUpdateInterval,
                learningStarts, trainFrequency, gradientSteps, hidden, autoEntropy, alpha, targetEntropyScale);
    }

    /** A copy with another number of gradient updates between target updates. */
    public SacDiscreteConfig withTargetUpdateInterval(long v) {
        return new SacDiscreteConfig(learningRate, bufferSize, batchSize, gamma, tau, v, learningStarts, trainFrequency,
                gradientSteps, hidden, autoEntropy, alpha, targetEntropyScale);
    }

    /** A copy with another number of random env steps before the first update. */
    public SacDiscreteConfig withLearningStarts(long v) {
        return new SacDiscreteConfig(learningRate, bufferSize, batchSize, gamma, tau, targetUpdateInterval, v,
                trainFrequency, gradientSteps, hidden, autoEntropy, alpha, targetEntropyScale);
    }

    /** A copy with another number of env steps between rounds of updates. */
    public SacDiscreteConfig withTrainFrequency(long v) {
        return new SacDiscreteConfig(learningRate, bufferSize, batchSize, gamma, tau, targetUpdateInterval,
                learningStarts, v, gradientSteps, hidden, autoEntropy, alpha, targetEntropyScale);
    }

    /** A copy with another number of updates per round. */
    public SacDiscreteConfig withGradientSteps(int v) {
        return new SacDiscreteConfig(learningRate, bufferSize, batchSize, gamma, tau, targetUpdateInterval,
                learningStarts, trainFrequency, v, hidden, autoEntropy, alpha, targetEntropyScale);
    }

    /** A copy with other hidden layer widths (actor and critics). */
    public SacDiscreteConfig withHidden(Integer... widths) {
        return new SacDiscreteConfig(learningRate, bufferSize, batchSize, gamma, tau, targetUpdateInterval,
                learningStarts, trainFrequency, gradientSteps, List.of(widths), autoEntropy, alpha, targetEntropyScale);
    }

    /** A copy whose α starts at {@code initialAlpha} and is tuned towards the target entropy. */
    public SacDiscreteConfig withAutoEntropy(double initialAlpha) {
        return new SacDiscreteConfig(learningRate, bufferSize, batchSize, gamma, tau, targetUpdateInterval,
                learningStarts, trainFrequency, gradientSteps, hidden, true, initialAlpha, targetEntropyScale);
    }

    /** A copy with the fixed temperature {@code v} (no tuning). */
    public SacDiscreteConfig withFixedAlpha(double v) {
        return new SacDiscreteConfig(learningRate, bufferSize, batchSize, gamma, tau, targetUpdateInterval,
                learningStarts, trainFrequency, gradientSteps, hidden, false, v, targetEntropyScale);
    }

    /** A copy with another target entropy scale. */
    public SacDiscreteConfig withTargetEntropyScale(double v) {
        return new SacDiscreteConfig(learningRate, bufferSize, batchSize, gamma, tau, targetUpdateInterval,
                learningStarts, trainFrequency, gradientSteps, hidden, autoEntropy, alpha, v);
    }

    /** The configuration as a JSON-ready map (for checkpoints and provenance), keyed by field name. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("learningRate", learningRate);
        m.put("bufferSize", bufferSize);
        m.put("batchSize", batchSize);
        m.put("gamma", gamma);
        m.put("tau", tau);
        m.put("targetUpdateInterval", targetUpdateInterval);
        m.put("learningStarts", learningStarts);
        m.put("trainFrequency", trainFrequency);
        m.put("gradientSteps", gradientSteps);
        m.put("hidden", hidden);
        m.put("autoEntropy", autoEntropy);
        m.put("alpha", alpha);
        m.put("targetEntropyScale", targetEntropyScale);
        return m;
    }

    /**
     * Reads a configuration written by {@link #toMap()} (numbers may come back as {@code Double}, as
     * from JSON).
     *
     * @param where where the map came from, for messages (e.g. a checkpoint path)
     * @throws QuiverUserException if a key is missing or has a value of the wrong type
     */
    public static SacDiscreteConfig fromMap(Map<String, ?> m, String where) {
        try {
            return new SacDiscreteConfig(
                    ConfigMaps.num(m, "learningRate", ALGORITHM, where).doubleValue(),
                    ConfigMaps.num(m, "bufferSize", ALGORITHM, where).intValue(),
                    ConfigMaps.num(m, "batchSize", ALGORITHM, where).intValue(),
                    ConfigMaps.num(m, "gamma", ALGORITHM, where).doubleValue(),
                    ConfigMaps.num(m, "tau", ALGORITHM, where).doubleValue(),
                    ConfigMaps.num(m, "targetUpdateInterval", ALGORITHM, where).longValue(),
                    ConfigMaps.num(m, "learningStarts", ALGORITHM, where).longValue(),
                    ConfigMaps.num(m, "trainFrequency", ALGORITHM, where).longValue(),
                    ConfigMaps.num(m, "gradientSteps", ALGORITHM, where).intValue(),
                    ConfigMaps.ints(m, "hidden", ALGORITHM, where),
                    (Boolean) ConfigMaps.require(m, "autoEntropy", ALGORITHM, where),
                    ConfigMaps.num(m, "alpha", ALGORITHM, where).doubleValue(),
                    ConfigMaps.num(m, "targetEntropyScale", ALGORITHM, where).doubleValue());
        } catch (ClassCastException | IllegalArgumentException | NullPointerException e) {
            throw new QuiverUserException(where + ": malformed discrete SAC config " + m + ": " + e.getMessage(), e);
        }
    }
}
