package dev.quiver.rl.offline.bc;

import dev.quiver.core.env.EnvSpec;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.rl.agent.ConfigMaps;
import dev.quiver.rl.offline.OfflineLearner;
import dev.quiver.rl.offline.OfflineLearnerConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Behaviour cloning's configuration: an immutable record whose {@link #defaults()} follow CORL's
 * {@code any_percent_bc.py} (with all of the data). Continuous actions: a deterministic tanh actor fitted by
 * the mean squared error to the dataset's actions (scaled into {@code [−1, 1]}), as CORL does; discrete
 * actions: a softmax policy fitted by cross-entropy (its greedy action is the policy).
 *
 * <table>
 * <caption>Defaults</caption>
 * <tr><th>parameter</th><th>default</th><th>meaning</th></tr>
 * <tr><td>learningRate</td><td>3e-4</td><td>Adam's learning rate</td></tr>
 * <tr><td>batchSize</td><td>256</td><td>transitions per gradient step</td></tr>
 * <tr><td>hidden</td><td>[256, 256]</td><td>hidden widths of the ReLU MLP</td></tr>
 * <tr><td>normalizeObservations</td><td>true</td><td>standardise observations with the dataset's mean and
 *   std ({@link dev.quiver.rl.offline.ObservationNormaliser})</td></tr>
 * </table>
 *
 * <pre>{@code
 * OfflineLearner<float[]> bc = BcConfig.defaults().build(env.spec());
 * TrainedPolicy<float[]> policy = bc.fit(dataset, 10_000, 1, TrainingCallback.NONE);
 * }</pre>
 *
 * @see <a href="https://arxiv.org/abs/2210.07105">Tarasov, D. et al. (2022). CORL: Research-oriented Deep
 *     Offline Reinforcement Learning Library. arXiv:2210.07105</a>
 * @see <a href="https://papers.nips.cc/paper/1988/hash/812b4ba287f5ee0bc9d43bbf5bbe87fb-Abstract.html">Pomerleau,
 *     D. A. (1988). ALVINN: An Autonomous Land Vehicle in a Neural Network. NIPS</a>
 */
public record BcConfig(double learningRate, int batchSize, List<Integer> hidden, boolean normalizeObservations) implements OfflineLearnerConfig {
    private static final String ALGORITHM = "BC";

    /** Validates every field; a bad value is a {@link QuiverUserException} naming the field. */
    public BcConfig {
        check(learningRate > 0 && Double.isFinite(learningRate), "learningRate", learningRate, "> 0");
        check(batchSize >= 1, "batchSize", batchSize, ">= 1");
        if (hidden == null || hidden.isEmpty() || hidden.stream().anyMatch(h -> h == null || h < 1)) {
            throw new QuiverUserException("BC config: hidden = " + hidden + " is not allowed; give one or more "
                    + "layer widths >= 1");
        }
        hidden = List.copyOf(hidden);
    }

    private static void check(boolean ok, String key, Object value, String allowed) {
        if (!ok) {
            throw new QuiverUserException(ALGORITHM + " config: " + key + " = " + value + " is not allowed; it must be "
                    + allowed);
        }
    }

    /** The defaults of the table above. */
    public static BcConfig defaults() {
        return new BcConfig(3e-4, 256, List.of(256, 256), true);
    }

    /** Builds a BC learner for {@code spec} (float32 Box observations; Discrete or bounded Box actions). */
    @Override
    @SuppressWarnings("unchecked")
    public <A> OfflineLearner<A> build(EnvSpec spec) {
        return (OfflineLearner<A>) new Bc<A>(this, spec);
    }

    /** A copy with another learning rate. */
    public BcConfig withLearningRate(double v) {
        return new BcConfig(v, batchSize, hidden, normalizeObservations);
    }

    /** A copy with another batch size. */
    public BcConfig withBatchSize(int v) {
        return new BcConfig(learningRate, v, hidden, normalizeObservations);
    }

    /** A copy with other hidden layer widths. */
    public BcConfig withHidden(Integer... v) {
        return new BcConfig(learningRate, batchSize, List.of(v), normalizeObservations);
    }

    /** A copy with another choice of observation normalisation. */
    public BcConfig withNormalizeObservations(boolean v) {
        return new BcConfig(learningRate, batchSize, hidden, v);
    }


    /** The configuration as a JSON-ready map (for checkpoints and provenance), keyed by field name. */
    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("learningRate", learningRate);
        m.put("batchSize", batchSize);
        m.put("hidden", hidden);
        m.put("normalizeObservations", normalizeObservations);
        return m;
    }

    /**
     * Reads a configuration written by {@link #toMap()} (numbers may come back as {@code Double}, as from JSON).
     *
     * @param where where the map came from, for messages (e.g. a checkpoint path)
     * @throws QuiverUserException if a key is missing or has a value of the wrong type
     */
    public static BcConfig fromMap(Map<String, ?> m, String where) {
        try {
            return new BcConfig(
                    ConfigMaps.num(m, "learningRate", ALGORITHM, where).doubleValue(),
                    ConfigMaps.num(m, "batchSize", ALGORITHM, where).intValue(),
                    ConfigMaps.ints(m, "hidden", ALGORITHM, where),
                    (Boolean) ConfigMaps.require(m, "normalizeObservations", ALGORITHM, where));
        } catch (ClassCastException | IllegalArgumentException | NullPointerException e) {
            throw new QuiverUserException(where + ": malformed " + ALGORITHM + " config " + m + ": " + e.getMessage(), e);
        }
    }
}

