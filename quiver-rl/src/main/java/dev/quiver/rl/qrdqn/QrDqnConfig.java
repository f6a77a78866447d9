package dev.quiver.rl.qrdqn;

import dev.quiver.core.env.EnvSpec;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.rl.agent.ConfigMaps;
import dev.quiver.rl.agent.LearnerConfig;
import dev.quiver.rl.value.ValueLearningConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * QR-DQN's configuration: an immutable record whose {@link #defaults()} are the RL Baselines3 Zoo's tuned
 * hyperparameters for SB3-contrib's QR-DQN on CartPole-v1 ({@code hyperparams/qrdqn.yml}: 50,000 steps
 * there). SB3-contrib's own constructor defaults are the paper's Atari settings (learning rate 5e-5, 1M
 * buffer, 50,000 steps before learning, 200 quantiles), far too slow for classic control; CleanRL has no
 * QR-DQN. Like SB3-contrib, Adam's ε is {@code 0.01 / batchSize} of the defaults' batch size (the paper's
 * 0.01 / 32 for batches of 32) and there is no gradient clipping. Double-Q targets and n-step returns are
 * options beyond the paper (off by default).
 *
 * <table>
 * <caption>Defaults</caption>
 * <tr><th>parameter</th><th>default</th><th>meaning</th></tr>
 * <tr><td>learningRate</td><td>2.3e-3</td><td>Adam's learning rate</td></tr>
 * <tr><td>adamEpsilon</td><td>1.5625e-4 (0.01 / 64)</td><td>Adam's ε</td></tr>
 * <tr><td>bufferSize</td><td>100,000</td><td>replay capacity (transitions)</td></tr>
 * <tr><td>gamma</td><td>0.99</td><td>discount</td></tr>
 * <tr><td>tau</td><td>1.0</td><td>target update rate (1: hard copy)</td></tr>
 * <tr><td>targetNetworkFrequency</td><td>10</td><td>env steps between target updates (the target is
 *     fixed during a training round's updates)</td></tr>
 * <tr><td>batchSize</td><td>64</td><td>transitions per update</td></tr>
 * <tr><td>startE, endE</td><td>1.0, 0.04</td><td>ε at the start and after the decay</td></tr>
 * <tr><td>explorationFraction</td><td>0.16</td><td>share of the run over which ε decays linearly</td></tr>
 * <tr><td>learningStarts</td><td>1,000</td><td>env steps before the first update</td></tr>
 * <tr><td>trainFrequency</td><td>256</td><td>env steps between training rounds</td></tr>
 * <tr><td>gradientSteps</td><td>128</td><td>gradient updates in each training round, each on a fresh
 *     batch</td></tr>
 * <tr><td>hidden</td><td>[256, 256]</td><td>hidden layer widths (ReLU)</td></tr>
 * <tr><td>numQuantiles</td><td>10</td><td>quantiles per action N, at fractions (2i + 1) / (2N)</td></tr>
 * <tr><td>doubleQ</td><td>false</td><td>pick the next action by the online network's mean quantiles</td></tr>
 * <tr><td>nStep</td><td>1</td><td>n-step returns (bootstrap with γ^m)</td></tr>
 * <tr><td>maxGradNorm</td><td>0</td><td>global gradient-norm clipping threshold (0: none, as SB3-contrib)</td></tr>
 * </table>
 *
 * <pre>{@code
 * QrDqnPolicy policy = QrDqnConfig.defaults().build(env.spec()).learn(env, 50_000, 1, TrainingCallback.NONE);
 * }</pre>
 *
 * @see <a href="https://arxiv.org/abs/1710.10044">Dabney, W., Rowland, M., Bellemare, M. G. and Munos, R.
 *     (2018). Distributional Reinforcement Learning with Quantile Regression. AAAI. arXiv:1710.10044</a>
 * @see <a href="https://jmlr.org/papers/v22/20-1364.html">Raffin, A. et al. (2021). Stable-Baselines3:
 *     Reliable Reinforcement Learning Implementations. JMLR 22(268)</a>
 */
public record QrDqnConfig(double learningRate, double adamEpsilon, int bufferSize, double gamma, double tau,
        long targetNetworkFrequency, int batchSize, double startE, double endE, double explorationFraction,
        long learningStarts, long trainFrequency, int gradientSteps, List<Integer> hidden, int numQuantiles,
        boolean doubleQ, int nStep, double maxGradNorm)
        implements LearnerConfig<float[], Integer>, ValueLearningConfig {
    /** The algorithm's name in config messages. */
    private static final String ALGORITHM = "QR-DQN";

    /** Validates every field; a bad value is a {@link QuiverUserException} naming the field. */
    public QrDqnConfig {
        check(learningRate > 0 && Double.isFinite(learningRate), "learningRate", learningRate, "> 0");
        check(adamEpsilon > 0 && Double.isFinite(adamEpsilon), "adamEpsilon", adamEpsilon, "> 0");
        check(bufferSize >= 1, "bufferSize", bufferSize, ">= 1");
        check(gamma >= 0 && gamma <= 1, "gamma", gamma, "in [0, 1]");
        check(tau > 0 && tau <= 1, "tau", tau, "in (0, 1]");
        check(targetNetworkFrequency >= 1, "targetNetworkFrequency", targetNetworkFrequency, ">= 1");
        check(batchSize >= 1, "batchSize", batchSize, ">= 1");
        check(startE >= 0 && startE <= 1, "startE", startE, "in [0, 1]");
        check(endE >= 0 && endE <= 1, "endE", endE, "in [0, 1]");
        check(explorationFraction >= 0 && explorationFraction <= 1, "explorationFraction", explorationFraction,
                "in [0, 1]");
        check(learningStarts >= 0, "learningStarts", learningStarts, ">= 0");
        check(trainFrequency >= 1, "trainFrequency", trainFrequency, ">= 1");
        check(gradientSteps >= 1, "gradientSteps", gradientSteps, ">= 1");
        if (hidden == null || hidden.isEmpty() || hidden.stream().anyMatch(h -> h == null || h < 1)) {
            throw new QuiverUserException("QR-DQN config: hidden = " + hidden + " is not allowed; give one or more "
                    + "layer widths >= 1");
        }
        hidden = List.copyOf(hidden);
        check(numQuantiles >= 1, "numQuantiles", numQuantiles, ">= 1");
        check(nStep >= 1, "nStep", nStep, ">= 1");
        check(maxGradNorm >= 0 && Double.isFinite(maxGradNorm), "maxGradNorm", maxGradNorm, ">= 0 (0: no clipping)");
    }

    private static void check(boolean ok, String key, Object value, String allowed) {
        if (!ok) {
            throw new QuiverUserException("QR-DQN config: " + key + " = " + value + " is not allowed; it must be "
                    + allowed);
        }
    }

    /** The RL Zoo's tuned QR-DQN hyperparameters for CartPole-v1 (see the table above). */
    public static QrDqnConfig defaults() {
        return new QrDqnConfig(2.3e-3, 0.01 / 64, 100_000, 0.99, 1.0, 10, 64, 1.0, 0.04, 0.16, 1_000, 256, 128,
                List.of(256, 256), 10, false, 1, 0.0);
    }

    /** Builds a QR-DQN learner for {@code spec} (float32 Box observations, Discrete actions). */
    @Override
    public QrDqn build(EnvSpec spec) {
        return new QrDqn(this, spec);
    }

    /** A copy with another learning rate. */
    public QrDqnConfig withLearningRate(double v) {
        return new QrDqnConfig(v, adamEpsilon, bufferSize, gamma, tau, targetNetworkFrequency, batchSize, startE, endE,
                explorationFraction, learningStarts, trainFrequency, gradientSteps, hidden, numQuantiles, doubleQ,
                nStep, maxGradNorm);
    }

    /** A copy with another Adam ε (the denominator's stabiliser). */
    public QrDqnConfig withAdamEpsilon(double v) {
        return new QrDqnConfig(learningRate, v, bufferSize, gamma, tau, targetNetworkFrequency, batchSize, startE, endE,
                explorationFraction, learningStarts, trainFrequency, gradientSteps, hidden, numQuantiles, doubleQ,
                nStep, maxGradNorm);
    }

    /** A copy with another replay capacity. */
    public QrDqnConfig withBufferSize(int v) {
        return new QrDqnConfig(learningRate, adamEpsilon, v, gamma, tau, targetNetworkFrequency, batchSize, startE,
                endE, explorationFraction, learningStarts, trainFrequency, gradientSteps, hidden, numQuantiles, doubleQ,
                nStep, maxGradNorm);
    }

    /** A copy with another discount. */
    public QrDqnConfig withGamma(double v) {
        return new QrDqnConfig(learningRate, adamEpsilon, bufferSize, v, tau, targetNetworkFrequency, batchSize, startE,
                endE, explorationFraction, learningStarts, trainFrequency, gradientSteps, hidden, numQuantiles, doubleQ,
                nStep, maxGradNorm);
    }

    /** A copy with another target update rate (1: hard copy). */
    public QrDqnConfig withTau(double v) {
        return new QrDqnConfig(learningRate, adamEpsilon, bufferSize, gamma, v, targetNetworkFrequency, batchSize,
                startE, endE, explorationFraction, learningStarts, trainFrequency, gradientSteps, hidden, numQuantiles,
                doubleQ, nStep, maxGradNorm);
    }

    /** A copy with another number of env steps between target updates. */
    public QrDqnConfig withTargetNetworkFrequency(long v) {
        return new QrDqnConfig(learningRate, adamEpsilon, bufferSize, gamma, tau, v, batchSize, startE, endE,
                explorationFraction, learningStarts, trainFrequency, gradientSteps, hidden, numQuantiles, doubleQ,
                nStep, maxGradNorm);
    }

    /** A copy with another batch size. */
    public QrDqnConfig withBatchSize(int v) {
        return new QrDqnConfig(learningRate, adamEpsilon, bufferSize, gamma, tau, targetNetworkFrequency, v, startE,
                endE, explorationFraction, learningStarts, trainFrequency, gradientSteps, hidden, numQuantiles, doubleQ,
                nStep, maxGradNorm);
    }

    /** A copy with another exploration schedule: ε from {@code start} to {@code end} over {@code fraction} of the run. */
    public QrDqnConfig withExploration(double start, double end, double fraction) {
        return new QrDqnConfig(learningRate, adamEpsilon, bufferSize, gamma, tau, targetNetworkFrequency, batchSize,
                start, end, fraction, learningStarts, trainFrequency, gradientSteps, hidden, numQuantiles, doubleQ,
                nStep, maxGradNorm);
    }

    /** A copy with another number of env steps before the first update. */
    public QrDqnConfig withLearningStarts(long v) {
        return new QrDqnConfig(learningRate, adamEpsilon, bufferSize, gamma, tau, targetNetworkFrequency, batchSize,
                startE, endE, explorationFraction, v, trainFrequency, gradientSteps, hidden, numQuantiles, doubleQ,
                nStep, maxGradNorm);
    }

    /** A copy with another number of env steps between training rounds. */
    public QrDqnConfig withTrainFrequency(long v) {
        return new QrDqnConfig(learningRate, adamEpsilon, bufferSize, gamma, tau, targetNetworkFrequency, batchSize,
                startE, endE, explorationFraction, learningStarts, v, gradientSteps, hidden, numQuantiles, doubleQ,
                nStep, maxGradNorm);
    }

    /** A copy with another number of gradient updates in each training round. */
    public QrDqnConfig withGradientSteps(int v) {
        return new QrDqnConfig(learningRate, adamEpsilon, bufferSize, gamma, tau, targetNetworkFrequency, batchSize,
                startE, endE, explorationFraction, learningStarts, trainFrequency, v, hidden, numQuantiles, doubleQ,
                nStep, maxGradNorm);
    }

    /** A copy with other hidden layer widths. */
    public QrDqnConfig withHidden(Integer... widths) {
        return new QrDqnConfig(learningRate, adamEpsilon, bufferSize, gamma, tau, targetNetworkFrequency, batchSize,
                startE, endE, explorationFraction, learningStarts, trainFrequency, gradientSteps, List.of(widths),
                numQuantiles, doubleQ, nStep, maxGradNorm);
    }

    /** A copy with another number of quantiles per action. */
    public QrDqnConfig withNumQuantiles(int v) {
        return new QrDqnConfig(learningRate, adamEpsilon, bufferSize, gamma, tau, targetNetworkFrequency, batchSize,
                startE, endE, explorationFraction, learningStarts, trainFrequency, gradientSteps, hidden, v, doubleQ,
                nStep, maxGradNorm);
    }

    /** A copy with double-Q targets on or off (the greedy next action by the online network). */
    public QrDqnConfig withDoubleQ(boolean v) {
        return new QrDqnConfig(learningRate, adamEpsilon, bufferSize, gamma, tau, targetNetworkFrequency, batchSize,
                startE, endE, explorationFraction, learningStarts, trainFrequency, gradientSteps, hidden, numQuantiles,
                v, nStep, maxGradNorm);
    }

    /** A copy with n-step returns. */
    public QrDqnConfig withNStep(int v) {
        return new QrDqnConfig(learningRate, adamEpsilon, bufferSize, gamma, tau, targetNetworkFrequency, batchSize,
                startE, endE, explorationFraction, learningStarts, trainFrequency, gradientSteps, hidden, numQuantiles,
                doubleQ, v, maxGradNorm);
    }

    /** A copy with another gradient clipping threshold (0: none). */
    public QrDqnConfig withMaxGradNorm(double v) {
        return new QrDqnConfig(learningRate, adamEpsilon, bufferSize, gamma, tau, targetNetworkFrequency, batchSize,
                startE, endE, explorationFraction, learningStarts, trainFrequency, gradientSteps, hidden, numQuantiles,
                doubleQ, nStep, v);
    }

    /** The configuration as a JSON-ready map (for checkpoints and provenance), keyed by field name. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("learningRate", learningRate);
        m.put("adamEpsilon", adamEpsilon);
        m.put("bufferSize", bufferSize);
        m.put("gamma", gamma);
        m.put("tau", tau);
        m.put("targetNetworkFrequency", targetNetworkFrequency);
        m.put("batchSize", batchSize);
        m.put("startE", startE);
        m.put("endE", endE);
        m.put("explorationFraction", explorationFraction);
        m.put("learningStarts", learningStarts);
        m.put("trainFrequency", trainFrequency);
        m.put("gradientSteps", gradientSteps);
        m.put("hidden", hidden);
        m.put("numQuantiles", numQuantiles);
        m.put("doubleQ", doubleQ);
        m.put("nStep", nStep);
        m.put("maxGradNorm", maxGradNorm);
        return m;
    }

    /**
     * Reads a configuration written by {@link #toMap()} (numbers may come back as {@code Double}, as
     * from JSON).
     *
     * @param where where the map came from, for messages (e.g. a checkpoint path)
     * @throws QuiverUserException if a key is missing or has a value of the wrong type
     */
    public static QrDqnConfig fromMap(Map<String, ?> m, String where) {
        try {
            List<Integer> hidden = ConfigMaps.ints(m, "hidden", ALGORITHM, where);
            return new QrDqnConfig(
                    ConfigMaps.num(m, "learningRate", ALGORITHM, where).doubleValue(),
                    ConfigMaps.num(m, "adamEpsilon", ALGORITHM, where).doubleValue(),
                    ConfigMaps.num(m, "bufferSize", ALGORITHM, where).intValue(),
                    ConfigMaps.num(m, "gamma", ALGORITHM, where).doubleValue(),
                    ConfigMaps.num(m, "tau", ALGORITHM, where).doubleValue(),
                    ConfigMaps.num(m, "targetNetworkFrequency", ALGORITHM, where).longValue(),
                    ConfigMaps.num(m, "batchSize", ALGORITHM, where).intValue(),
                    ConfigMaps.num(m, "startE", ALGORITHM, where).doubleValue(),
                    ConfigMaps.num(m, "endE", ALGORITHM, where).doubleValue(),
                    ConfigMaps.num(m, "explorationFraction", ALGORITHM, where).doubleValue(),
                    ConfigMaps.num(m, "learningStarts", ALGORITHM, where).longValue(),
                    ConfigMaps.num(m, "trainFrequency", ALGORITHM, where).longValue(),
                    ConfigMaps.num(m, "gradientSteps", ALGORITHM, where).intValue(),
                    hidden,
                    ConfigMaps.num(m, "numQuantiles", ALGORITHM, where).intValue(),
                    (Boolean) ConfigMaps.require(m, "doubleQ", ALGORITHM, where),
                    ConfigMaps.num(m, "nStep", ALGORITHM, where).intValue(),
                    ConfigMaps.num(m, "maxGradNorm", ALGORITHM, where).doubleValue());
        } catch (ClassCastException | IllegalArgumentException | NullPointerException e) {
            throw new QuiverUserException(where + ": malformed QR-DQN config " + m + ": " + e.getMessage(), e);
        }
    }
}
