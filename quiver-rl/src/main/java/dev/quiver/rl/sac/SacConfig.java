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
 * SAC's configuration for continuous actions: an immutable record whose {@link #defaults()} are
 * Stable-Baselines3's SAC defaults with RL Zoo's learning rate for Pendulum-v1 (1e-3; SB3's own default is
 * 3e-4). Actor and twin critics are separate ReLU MLPs with PyTorch's default initialisation; one learning
 * rate serves actor, critics and the temperature, as in SB3.
 *
 * <table>
 * <caption>Defaults</caption>
 * <tr><th>parameter</th><th>default</th><th>meaning</th></tr>
 * <tr><td>learningRate</td><td>1e-3</td><td>Adam's learning rate (actor, critics, log α); RL Zoo's Pendulum value, SB3's default is 3e-4</td></tr>
 * <tr><td>bufferSize</td><td>1,000,000</td><td>replay capacity (transitions)</td></tr>
 * <tr><td>batchSize</td><td>256</td><td>transitions per update</td></tr>
 * <tr><td>gamma</td><td>0.99</td><td>discount</td></tr>
 * <tr><td>tau</td><td>0.005</td><td>Polyak rate of the target critics</td></tr>
 * <tr><td>targetUpdateInterval</td><td>1</td><td>gradient updates between target updates</td></tr>
 * <tr><td>learningStarts</td><td>100</td><td>env steps of uniformly random actions before the first update</td></tr>
 * <tr><td>trainFrequency</td><td>1</td><td>env steps between rounds of updates</td></tr>
 * <tr><td>gradientSteps</td><td>1</td><td>updates per round</td></tr>
 * <tr><td>hidden</td><td>[256, 256]</td><td>hidden widths of the actor and of each critic (ReLU)</td></tr>
 * <tr><td>autoEntropy</td><td>true</td><td>tune α towards the target entropy −|A| (SB3's {@code ent_coef="auto"})</td></tr>
 * <tr><td>alpha</td><td>1.0</td><td>the entropy temperature α: its initial value when tuned, else its fixed value</td></tr>
 * <tr><td>useSde</td><td>false</td><td>explore with gSDE ({@link StateDependentNoise}; SB3's {@code use_sde}) instead of
 * independent Gaussian noise per step</td></tr>
 * <tr><td>logStdInit</td><td>−3.0</td><td>gSDE: initial log standard deviation of the exploration matrix (SB3's
 * {@code log_std_init})</td></tr>
 * <tr><td>sdeSampleFreq</td><td>−1</td><td>gSDE: env steps between redraws of the exploration matrix within a round
 * of {@code trainFrequency} steps; −1: once per round (SB3's {@code sde_sample_freq})</td></tr>
 * </table>
 *
 * <pre>{@code
 * SacPolicy policy = SacConfig.defaults().build(env.spec()).learn(env, 20_000, 1, TrainingCallback.NONE);
 * }</pre>
 *
 * @see <a href="https://arxiv.org/abs/1801.01290">Haarnoja, T. et al. (2018). Soft Actor-Critic: Off-Policy
 *     Maximum Entropy Deep Reinforcement Learning with a Stochastic Actor. ICML. arXiv:1801.01290</a>
 * @see <a href="https://arxiv.org/abs/1812.05905">Haarnoja, T. et al. (2018). Soft Actor-Critic Algorithms
 *     and Applications. arXiv:1812.05905</a>
 * @see <a href="https://jmlr.org/papers/v22/20-1364.html">Raffin, A. et al. (2021). Stable-Baselines3:
 *     Reliable Reinforcement Learning Implementations. JMLR 22(268)</a>
 */
public record SacConfig(double learningRate, int bufferSize, int batchSize, double gamma, double tau,
        long targetUpdateInterval, long learningStarts, long trainFrequency, int gradientSteps, List<Integer> hidden,
        boolean autoEntropy, double alpha, boolean useSde, double logStdInit, long sdeSampleFreq) implements LearnerConfig<float[], float[]> {
    /** The algorithm's name in config messages. */
    private static final String ALGORITHM = "SAC";

    /** Validates every field; a bad value is a {@link QuiverUserException} naming the field. */
    public SacConfig {
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
            throw new QuiverUserException("SAC config: hidden = " + hidden + " is not allowed; give one or more "
                    + "layer widths >= 1");
        }
        hidden = List.copyOf(hidden);
        check(alpha > 0 && Double.isFinite(alpha), "alpha", alpha, "> 0");
        check(Double.isFinite(logStdInit), "logStdInit", logStdInit, "finite");
        check(sdeSampleFreq == -1 || sdeSampleFreq >= 1, "sdeSampleFreq", sdeSampleFreq,
                "-1 (redraw at every round of trainFrequency steps) or >= 1");
    }

    private static void check(boolean ok, String key, Object value, String allowed) {
        if (!ok) {
            throw new QuiverUserException("SAC config: " + key + " = " + value + " is not allowed; it must be "
                    + allowed);
        }
    }

    /** Stable-Baselines3's SAC defaults with RL Zoo's Pendulum learning rate (see the table above). */
    public static SacConfig defaults() {
        return new SacConfig(1e-3, 1_000_000, 256, 0.99, 0.005, 1, 100, 1, 1, List.of(256, 256), true, 1.0, false, -3.0,
                -1);
    }

    /** Builds a SAC learner for {@code spec} (float32 Box observations, bounded float32 Box actions). */
    @Override
    public Sac build(EnvSpec spec) {
        return new Sac(this, spec);
    }

    /** When to train: learningStarts, trainFrequency, gradientSteps and batchSize. */
    public OffPolicySchedule schedule() {
        return new OffPolicySchedule(batchSize, learningStarts, trainFrequency, gradientSteps);
    }

    /** A copy with another learning rate. */
    public SacConfig withLearningRate(double v) {
        return new SacConfig(v, bufferSize, batchSize, gamma, tau, targetUpdateInterval, learningStarts, trainFrequency,
                gradientSteps, hidden, autoEntropy, alpha, useSde, logStdInit, sdeSampleFreq);
    }

    /** A copy with another replay capacity. */
    public SacConfig withBufferSize(int v) {
        return new SacConfig(learningRate, v, batchSize, gamma, tau, targetUpdateInterval, learningStarts,
                trainFrequency, gradientSteps, hidden, autoEntropy, alpha, useSde, logStdInit, sdeSampleFreq);
    }

    /** A copy with another batch size. */
    public SacConfig withBatchSize(int v) {
        return new SacConfig(learningRate, bufferSize, v, gamma, tau, targetUpdateInterval, learningStarts,
                trainFrequency, gradientSteps, hidden, autoEntropy, alpha, useSde, logStdInit, sdeSampleFreq);
    }

    /** A copy with another discount. */
    public SacConfig withGamma(double v) {
        return new SacConfig(learningRate, bufferSize, batchSize, v, tau, targetUpdateInterval, learningStarts,
                trainFrequency, gradientSteps, hidden, autoEntropy, alpha, useSde, logStdInit, sdeSampleFreq);
    }

    /** A copy with another Polyak rate. */
    public SacConfig withTau(double v) {
        return new SacConfig(learningRate, bufferSize, batchSize, gamma, v, targetUpdateInterval, learningStarts,
                trainFrequency, gradientSteps, hidden, autoEntropy, alpha, useSde, logStdInit, sdeSampleFreq);
    }

    /** A copy with another number of gradient updates between target updates. */
    public SacConfig withTargetUpdateInterval(long v) {
        return new SacConfig(learningRate, bufferSize, batchSize, gamma, tau, v, learningStarts, trainFrequency,
                gradientSteps, hidden, autoEntropy, alpha, useSde, logStdInit, sdeSampleFreq);
    }

    /** A copy with another number of random env steps before the first update. */
    public SacConfig withLearningStarts(long v) {
        return new SacConfig(learningRate, bufferSize, batchSize, gamma, tau, targetUpdateInterval, v, trainFrequency,
                gradientSteps, hidden, autoEntropy, alpha, useSde, logStdInit, sdeSampleFreq);
    }

    /** A copy with another number of env steps between rounds of updates. */
    public SacConfig withTrainFrequency(long v) {
        return new SacConfig(learningRate, bufferSize, batchSize, gamma, tau, targetUpdateInterval, learningStarts, v,
                gradientSteps, hidden, autoEntropy, alpha, useSde, logStdInit, sdeSampleFreq);
    }

    /** A copy with another number of updates per round. */
    public SacConfig withGradientSteps(int v) {
        return new SacConfig(learningRate, bufferSize, batchSize, gamma, tau, targetUpdateInterval, learningStarts,
                trainFrequency, v, hidden, autoEntropy, alpha, useSde, logStdInit, sdeSampleFreq);
    }

    /** A copy with other hidden layer widths (actor and critics). */
    public SacConfig withHidden(Integer... widths) {
        return new SacConfig(learningRate, bufferSize, batchSize, gamma, tau, targetUpdateInterval, learningStarts,
                trainFrequency, gradientSteps, List.of(widths), autoEntropy, alpha, useSde, logStdInit, sdeSampleFreq);
    }

    /** A copy whose α starts at {@code initialAlpha} and is tuned towards the target entropy. */
    public SacConfig withAutoEntropy(double initialAlpha) {
        return new SacConfig(learningRate, bufferSize, batchSize, gamma, tau, targetUpdateInterval, learningStarts,
                trainFrequency, gradientSteps, hidden, true, initialAlpha, useSde, logStdInit, sdeSampleFreq);
    }

    /** A copy with the fixed temperature {@code v} (no tuning). */
    public SacConfig withFixedAlpha(double v) {
        return new SacConfig(learningRate, bufferSize, batchSize, gamma, tau, targetUpdateInterval, learningStarts,
                trainFrequency, gradientSteps, hidden, false, v, useSde, logStdInit, sdeSampleFreq);
    }

    /**
     * A copy that explores with gSDE (Raffin et al. 2022): a state-dependent exploration matrix with
     * initial log standard deviation {@code logStdInit}, redrawn at the start of every round of
     * {@code trainFrequency} env steps and, if {@code sampleFreq >= 1}, every {@code sampleFreq} steps within
     * a round ({@code -1}: only at rounds), as SB3's {@code use_sde}, {@code log_std_init} and
     * {@code sde_sample_freq}.
     */
    public SacConfig withStateDependentExploration(double logStdInit, long sampleFreq) {
        return new SacConfig(learningRate, bufferSize, batchSize, gamma, tau, targetUpdateInterval, learningStarts,
                trainFrequency, gradientSteps, hidden, autoEntropy, alpha, true, logStdInit, sampleFreq);
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
        m.put("useSde", useSde);
        m.put("logStdInit", logStdInit);
        m.put("sdeSampleFreq", sdeSampleFreq);
        return m;
    }

    /**
     * Reads a configuration written by {@link #toMap()} (numbers may come back as {@code Double}, as
     * from JSON).
     *
     * @param where where the map came from, for messages (e.g. a checkpoint path)
     * @throws QuiverUserException if a key is missing or has a value of the wrong type
     */
    public static SacConfig fromMap(Map<String, ?> m, String where) {
        try {
            return new SacConfig(
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
                    m.containsKey("useSde") && (Boolean) m.get("useSde"),
                    m.containsKey("logStdInit") ? ConfigMaps.num(m, "logStdInit", ALGORITHM, where).doubleValue()
                            : defaults().logStdInit(),
                    m.containsKey("sdeSampleFreq") ? ConfigMaps.num(m, "sdeSampleFreq", ALGORITHM, where).longValue()
                            : defaults().sdeSampleFreq());
        } catch (ClassCastException | IllegalArgumentException | NullPointerException e) {
            throw new QuiverUserException(where + ": malformed SAC config " + m + ": " + e.getMessage(), e);
        }
    }
}
