package dev.quiver.rl.dqn;

import dev.quiver.core.env.EnvSpec;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.rl.agent.ConfigMaps;
import dev.quiver.rl.agent.LearnerConfig;
import dev.quiver.rl.value.ValueLearningConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DQN's configuration: an immutable record whose {@link #defaults()} are CleanRL's {@code dqn.py}
 * defaults for CartPole, plus the double-Q, dueling and n-step options (all off by default).
 *
 * <table>
 * <caption>Defaults</caption>
 * <tr><th>parameter</th><th>default</th><th>meaning</th></tr>
 * <tr><td>learningRate</td><td>2.5e-4</td><td>Adam's learning rate</td></tr>
 * <tr><td>bufferSize</td><td>10,000</td><td>replay capacity (transitions)</td></tr>
 * <tr><td>gamma</td><td>0.99</td><td>discount</td></tr>
 * <tr><td>tau</td><td>1.0</td><td>target update rate (1: hard copy)</td></tr>
 * <tr><td>targetNetworkFrequency</td><td>500</td><td>env steps between target updates</td></tr>
 * <tr><td>batchSize</td><td>128</td><td>transitions per update</td></tr>
 * <tr><td>startE, endE</td><td>1.0, 0.05</td><td>ε at the start and after the decay</td></tr>
 * <tr><td>explorationFraction</td><td>0.5</td><td>share of the run over which ε decays linearly</td></tr>
 * <tr><td>learningStarts</td><td>10,000</td><td>env steps before the first update</td></tr>
 * <tr><td>trainFrequency</td><td>10</td><td>env steps between training rounds</td></tr>
 * <tr><td>gradientSteps</td><td>1</td><td>gradient updates in each training round, each on a fresh batch
 *     (Stable-Baselines3's {@code gradient_steps}; CleanRL takes 1)</td></tr>
 * <tr><td>hidden</td><td>[120, 84]</td><td>hidden layer widths (ReLU)</td></tr>
 * <tr><td>doubleQ</td><td>false</td><td>double DQN targets (argmax by the online net, value by the target net)</td></tr>
 * <tr><td>dueling</td><td>false</td><td>dueling architecture ({@link dev.quiver.rl.net.DuelingMlp})</td></tr>
 * <tr><td>nStep</td><td>1</td><td>n-step returns (bootstrap with γ^m)</td></tr>
 * <tr><td>maxGradNorm</td><td>0</td><td>global gradient-norm clipping threshold (0: none, as CleanRL)</td></tr>
 * <tr><td>loss</td><td>MSE</td><td>{@link TdLoss#MSE} (CleanRL) or {@link TdLoss#HUBER}</td></tr>
 * </table>
 *
 * <pre>{@code
 * DqnPolicy policy = DqnConfig.defaults().withDoubleQ(true).build(env.spec())
 *         .learn(env, 500_000, 1, TrainingCallback.NONE);
 * }</pre>
 *
 * @see <a href="https://doi.org/10.1038/nature14236">Mnih, V. et al. (2015). Human-level control
 *     through deep reinforcement learning. Nature 518:529</a>
 * @see <a href="https://arxiv.org/abs/2111.08819">Huang, S. et al. (2022). CleanRL. JMLR.
 *     arXiv:2111.08819</a>
 */
public record DqnConfig(double learningRate, int bufferSize, double gamma, double tau, long targetNetworkFrequency,
        int batchSize, double startE, double endE, double explorationFraction, long learningStarts,
        long trainFrequency, int gradientSteps, List<Integer> hidden, boolean doubleQ, boolean dueling, int nStep,
        double maxGradNorm, TdLoss loss) implements LearnerConfig<float[], Integer>, ValueLearningConfig {
    /** The algorithm's name in config messages. */
    private static final String ALGORITHM = "DQN";

    /** Validates every field; a bad value is a {@link QuiverUserException} naming the field. */
    public DqnConfig {
        check(learningRate > 0 && Double.isFinite(learningRate), "learningRate", learningRate, "> 0");
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
            throw new QuiverUserException("DQN config: hidden = " + hidden + " is not allowed; give one or more "
                    + "layer widths >= 1");
        }
        hidden = List.copyOf(hidden);
        check(nStep >= 1, "nStep", nStep, ">= 1");
        check(maxGradNorm >= 0 && Double.isFinite(maxGradNorm), "maxGradNorm", maxGradNorm, ">= 0 (0: no clipping)");
        if (loss == null) {
            throw new QuiverUserException("DQN config: loss is missing; allowed: " + List.of(TdLoss.values()));
        }
    }

    /**
     * The configuration with one gradient update per training round (the components as before
     * {@code gradientSteps} existed).
     */
    public DqnConfig(double learningRate, int bufferSize, double gamma, double tau, long targetNetworkFrequency,
            int batchSize, double startE, double endE, double explorationFraction, long learningStarts,
            long trainFrequency, List<Integer> hidden, boolean doubleQ, boolean dueling, int nStep, double maxGradNorm,
            TdLoss loss) {
        this(learningRate, bufferSize, gamma, tau, targetNetworkFrequency, batchSize, startE, endE, explorationFraction,
                learningStarts, trainFrequency, 1, hidden, doubleQ, dueling, nStep, maxGradNorm, loss);
    }

    private static void check(boolean ok, String key, Object value, String allowed) {
        if (!ok) {
            throw new QuiverUserException("DQN config: " + key + " = " + value + " is not allowed; it must be " + allowed);
        }
    }

    /** CleanRL's {@code dqn.py} defaults (see the table above). */
    public static DqnConfig defaults() {
        return new DqnConfig(2.5e-4, 10_000, 0.99, 1.0, 500, 128, 1.0, 0.05, 0.5, 10_000, 10, 1, List.of(120, 84),
                false, false, 1, 0.0, TdLoss.MSE);
    }

    /** Builds a DQN learner for {@code spec} (float32 Box observations, Discrete actions). */
    @Override
    public Dqn build(EnvSpec spec) {
        return new Dqn(this, spec);
    }

    /** A copy with another learning rate. */
    public DqnConfig withLearningRate(double v) {
        return new DqnConfig(v, bufferSize, gamma, tau, targetNetworkFrequency, batchSize, startE, endE,
                explorationFraction, learningStarts, trainFrequency, gradientSteps, hidden, doubleQ, dueling, nStep,
                maxGradNorm, loss);
    }

    /** A copy with another replay capacity. */
    public DqnConfig withBufferSize(int v) {
        return new DqnConfig(learningRate, v, gamma, tau, targetNetworkFrequency, batchSize, startE, endE,
                explorationFraction, learningStarts, trainFrequency, gradientSteps, hidden, doubleQ, dueling, nStep,
                maxGradNorm, loss);
    }

    /** A copy with another discount. */
    public DqnConfig withGamma(double v) {
        return new DqnConfig(learningRate, bufferSize, v, tau, targetNetworkFrequency, batchSize, startE, endE,
                explorationFraction, learningStarts, trainFrequency, gradientSteps, hidden, doubleQ, dueling, nStep,
                maxGradNorm, loss);
    }

    /** A copy with another target update rate (1: hard copy). */
    public DqnConfig withTau(double v) {
        return new DqnConfig(learningRate, bufferSize, gamma, v, targetNetworkFrequency, batchSize, startE, endE,
                explorationFraction, learningStarts, trainFrequency, gradientSteps, hidden, doubleQ, dueling, nStep,
                maxGradNorm, loss);
    }

    /** A copy with another number of env steps between target updates. */
    public DqnConfig withTargetNetworkFrequency(long v) {
        return new DqnConfig(learningRate, bufferSize, gamma, tau, v, batchSize, startE, endE, explorationFraction,
                learningStarts, trainFrequency, gradientSteps, hidden, doubleQ, dueling, nStep, maxGradNorm, loss);
    }

    /** A copy with another batch size. */
    public DqnConfig withBatchSize(int v) {
        return new DqnConfig(learningRate, bufferSize, gamma, tau, targetNetworkFrequency, v, startE, endE,
                explorationFraction, learningStarts, trainFrequency, gradientSteps, hidden, doubleQ, dueling, nStep,
                maxGradNorm, loss);
    }

    /** A copy with another exploration schedule: ε from {@code start} to {@code end} over {@code fraction} of the run. */
    public DqnConfig withExploration(double start, double end, double fraction) {
        return new DqnConfig(learningRate, bufferSize, gamma, tau, targetNetworkFrequency, batchSize, start, end,
                fraction, learningStarts, trainFrequency, gradientSteps, hidden, doubleQ, dueling, nStep, maxGradNorm,
                loss);
    }

    /** A copy with another number of env steps before the first update. */
    public DqnConfig withLearningStarts(long v) {
        return new DqnConfig(learningRate, bufferSize, gamma, tau, targetNetworkFrequency, batchSize, startE, endE,
                explorationFraction, v, trainFrequency, gradientSteps, hidden, doubleQ, dueling, nStep, maxGradNorm,
                loss);
    }

    /** A copy with another number of env steps between training rounds. */
    public DqnConfig withTrainFrequency(long v) {
        return new DqnConfig(learningRate, bufferSize, gamma, tau, targetNetworkFrequency, batchSize, startE, endE,
                explorationFraction, learningStarts, v, gradientSteps, hidden, doubleQ, dueling, nStep, maxGradNorm,
                loss);
    }

    /** A copy with another number of gradient updates in each training round. */
    public DqnConfig withGradientSteps(int v) {
        return new DqnConfig(learningRate, bufferSize, gamma, tau, targetNetworkFrequency, batchSize, startE, endE,
                explorationFraction, learningStarts, trainFrequency, v, hidden, doubleQ, dueling, nStep, maxGradNorm,
                loss);
    }

    /** A copy with other hidden layer widths. */
    public DqnConfig withHidden(Integer... widths) {
        return new DqnConfig(learningRate, bufferSize, gamma, tau, targetNetworkFrequency, batchSize, startE, endE,
                explorationFraction, learningStarts, trainFrequency, gradientSteps, List.of(widths), doubleQ, dueling,
                nStep, maxGradNorm, loss);
    }

    /** A copy with double-DQN targets on or off. */
    public DqnConfig withDoubleQ(boolean v) {
        return new DqnConfig(learningRate, bufferSize, gamma, tau, targetNetworkFrequency, batchSize, startE, endE,
                explorationFraction, learningStarts, trainFrequency, gradientSteps, hidden, v, dueling, nStep,
                maxGradNorm, loss);
    }

    /** A copy with the dueling architecture on or off. */
    public DqnConfig withDueling(boolean v) {
        return new DqnConfig(learningRate, bufferSize, gamma, tau, targetNetworkFrequency, batchSize, startE, endE,
                explorationFraction, learningStarts, trainFrequency, gradientSteps, hidden, doubleQ, v, nStep,
                maxGradNorm, loss);
    }

    /** A copy with n-step returns. */
    public DqnConfig withNStep(int v) {
        return new DqnConfig(learningRate, bufferSize, gamma, tau, targetNetworkFrequency, batchSize, startE, endE,
                explorationFraction, learningStarts, trainFrequency, gradientSteps, hidden, doubleQ, dueling, v,
                maxGradNorm, loss);
    }

    /** A copy with another gradient clipping threshold (0: none). */
    public DqnConfig withMaxGradNorm(double v) {
        return new DqnConfig(learningRate, bufferSize, gamma, tau, targetNetworkFrequency, batchSize, startE, endE,
                explorationFraction, learningStarts, trainFrequency, gradientSteps, hidden, doubleQ, dueling, nStep, v,
                loss);
    }

    /** A copy with another TD loss. */
    public DqnConfig withLoss(TdLoss v) {
        return new DqnConfig(learningRate, bufferSize, gamma, tau, targetNetworkFrequency, batchSize, startE, endE,
                explorationFraction, learningStarts, trainFrequency, gradientSteps, hidden, doubleQ, dueling, nStep,
                maxGradNorm, v);
    }

    /** The configuration as a JSON-ready map (for checkpoints and provenance), keyed by field name. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("learningRate", learningRate);
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
        m.put("doubleQ", doubleQ);
        m.put("dueling", dueling);
        m.put("nStep", nStep);
        m.put("maxGradNorm", maxGradNorm);
        m.put("loss", loss.name());
        return m;
    }

    /**
     * Reads a configuration written by {@link #toMap()} (numbers may come back as {@code Double}, as
     * from JSON). A map without {@code gradientSteps} (written before it existed) reads as 1.
     *
     * @param where where the map came from, for messages (e.g. a checkpoint path)
     * @throws QuiverUserException if a key is missing or has a value of the wrong type
     */
    public static DqnConfig fromMap(Map<String, ?> m, String where) {
        try {
            List<Integer> hidden = ConfigMaps.ints(m, "hidden", ALGORITHM, where);
            return new DqnConfig(
                    ConfigMaps.num(m, "learningRate", ALGORITHM, where).doubleValue(),
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
                    // absent from maps written before the field existed: one update per round, as then
                    m.containsKey("gradientSteps")
                            ? ConfigMaps.num(m, "gradientSteps", ALGORITHM, where).intValue() : 1,
                    hidden,
                    (Boolean) ConfigMaps.require(m, "doubleQ", ALGORITHM, where),
                    (Boolean) ConfigMaps.require(m, "dueling", ALGORITHM, where),
                    ConfigMaps.num(m, "nStep", ALGORITHM, where).intValue(),
                    ConfigMaps.num(m, "maxGradNorm", ALGORITHM, where).doubleValue(),
                    TdLoss.valueOf((String) ConfigMaps.require(m, "loss", ALGORITHM, where)));
        } catch (ClassCastException | IllegalArgumentException | NullPointerException e) {
            throw new QuiverUserException(where + ": malformed DQN config " + m + ": " + e.getMessage(), e);
        }
    }
}
