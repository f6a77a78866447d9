package dev.quiver.rl.offline.td3bc;

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
 * TD3+BC's configuration: an immutable record whose {@link #defaults()} are those of Fujimoto and Gu (2021)
 * and CORL's {@code td3_bc.py}.
 *
 * <table>
 * <caption>Defaults</caption>
 * <tr><th>parameter</th><th>default</th><th>meaning</th></tr>
 * <tr><td>actorLr, criticLr</td><td>3e-4</td><td>Adam's learning rates</td></tr>
 * <tr><td>batchSize</td><td>256</td><td>transitions per gradient step</td></tr>
 * <tr><td>gamma</td><td>0.99</td><td>discount</td></tr>
 * <tr><td>tau</td><td>0.005</td><td>Polyak rate of the target actor and critics</td></tr>
 * <tr><td>policyNoise</td><td>0.2</td><td>std of the target policy smoothing noise (actions in [−1, 1])</td></tr>
 * <tr><td>noiseClip</td><td>0.5</td><td>the smoothing noise is clipped to ±noiseClip</td></tr>
 * <tr><td>policyDelay</td><td>2</td><td>critic updates per actor (and target) update</td></tr>
 * <tr><td>alpha</td><td>2.5</td><td>α in {@code λ = α / mean|Q(s, π(s))|}</td></tr>
 * <tr><td>hidden</td><td>[256, 256]</td><td>hidden widths of the actor and of each critic (ReLU)</td></tr>
 * <tr><td>normalizeObservations</td><td>true</td><td>standardise observations with the dataset's statistics</td></tr>
 * </table>
 *
 * @see <a href="https://arxiv.org/abs/2106.06860">Fujimoto, S. and Gu, S. S. (2021). A Minimalist Approach to
 *     Offline Reinforcement Learning. NeurIPS. arXiv:2106.06860</a>
 */
public record Td3BcConfig(double actorLr, double criticLr, int batchSize, double gamma, double tau, double policyNoise, double noiseClip, int policyDelay, double alpha, List<Integer> hidden, boolean normalizeObservations) implements OfflineLearnerConfig {
    private static final String ALGORITHM = "TD3+BC";

    /** Validates every field; a bad value is a {@link QuiverUserException} naming the field. */
    public Td3BcConfig {
        check(actorLr > 0 && Double.isFinite(actorLr), "actorLr", actorLr, "> 0");
        check(criticLr > 0 && Double.isFinite(criticLr), "criticLr", criticLr, "> 0");
        check(batchSize >= 1, "batchSize", batchSize, ">= 1");
        check(gamma >= 0 && gamma <= 1, "gamma", gamma, "in [0, 1]");
        check(tau > 0 && tau <= 1, "tau", tau, "in (0, 1]");
        check(policyNoise >= 0 && Double.isFinite(policyNoise), "policyNoise", policyNoise, ">= 0");
        check(noiseClip >= 0 && Double.isFinite(noiseClip), "noiseClip", noiseClip, ">= 0");
        check(policyDelay >= 1, "policyDelay", policyDelay, ">= 1");
        check(alpha >= 0 && Double.isFinite(alpha), "alpha", alpha, ">= 0");
        if (hidden == null || hidden.isEmpty() || hidden.stream().anyMatch(h -> h == null || h < 1)) {
            throw new QuiverUserException("TD3+BC config: hidden = " + hidden + " is not allowed; give one or more "
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
    public static Td3BcConfig defaults() {
        return new Td3BcConfig(3e-4, 3e-4, 256, 0.99, 0.005, 0.2, 0.5, 2, 2.5, List.of(256, 256), true);
    }

    /** Builds a TD3+BC learner for {@code spec} (float32 Box observations, bounded float32 Box actions). */
    @Override
    @SuppressWarnings("unchecked")
    public <A> OfflineLearner<A> build(EnvSpec spec) {
        return (OfflineLearner<A>) new Td3Bc(this, spec);
    }

    /** A copy with another actor learning rate. */
    public Td3BcConfig withActorLr(double v) {
        return new Td3BcConfig(v, criticLr, batchSize, gamma, tau, policyNoise, noiseClip, policyDelay, alpha, hidden, normalizeObservations);
    }

    /** A copy with another critic learning rate. */
    public Td3BcConfig withCriticLr(double v) {
        return new Td3BcConfig(actorLr, v, batchSize, gamma, tau, policyNoise, noiseClip, policyDelay, alpha, hidden, normalizeObservations);
    }

    /** A copy with another batch size. */
    public Td3BcConfig withBatchSize(int v) {
        return new Td3BcConfig(actorLr, criticLr, v, gamma, tau, policyNoise, noiseClip, policyDelay, alpha, hidden, normalizeObservations);
    }

    /** A copy with another discount. */
    public Td3BcConfig withGamma(double v) {
        return new Td3BcConfig(actorLr, criticLr, batchSize, v, tau, policyNoise, noiseClip, policyDelay, alpha, hidden, normalizeObservations);
    }

    /** A copy with another Polyak rate of the target networks. */
    public Td3BcConfig withTau(double v) {
        return new Td3BcConfig(actorLr, criticLr, batchSize, gamma, v, policyNoise, noiseClip, policyDelay, alpha, hidden, normalizeObservations);
    }

    /** A copy with another target policy smoothing noise. */
    public Td3BcConfig withPolicyNoise(double v) {
        return new Td3BcConfig(actorLr, criticLr, batchSize, gamma, tau, v, noiseClip, policyDelay, alpha, hidden, normalizeObservations);
    }

    /** A copy with another clip of the smoothing noise. */
    public Td3BcConfig withNoiseClip(double v) {
        return new Td3BcConfig(actorLr, criticLr, batchSize, gamma, tau, policyNoise, v, policyDelay, alpha, hidden, normalizeObservations);
    }

    /** A copy with another number of critic updates per actor update. */
    public Td3BcConfig withPolicyDelay(int v) {
        return new Td3BcConfig(actorLr, criticLr, batchSize, gamma, tau, policyNoise, noiseClip, v, alpha, hidden, normalizeObservations);
    }

    /** A copy with another weight α of the Q term. */
    public Td3BcConfig withAlpha(double v) {
        return new Td3BcConfig(actorLr, criticLr, batchSize, gamma, tau, policyNoise, noiseClip, policyDelay, v, hidden, normalizeObservations);
    }

    /** A copy with other hidden layer widths (actor and critics). */
    public Td3BcConfig withHidden(Integer... v) {
        return new Td3BcConfig(actorLr, criticLr, batchSize, gamma, tau, policyNoise, noiseClip, policyDelay, alpha, List.of(v), normalizeObservations);
    }

    /** A copy with another choice of observation normalisation. */
    public Td3BcConfig withNormalizeObservations(boolean v) {
        return new Td3BcConfig(actorLr, criticLr, batchSize, gamma, tau, policyNoise, noiseClip, policyDelay, alpha, hidden, v);
    }


    /** The configuration as a JSON-ready map (for checkpoints and provenance), keyed by field name. */
    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("actorLr", actorLr);
        m.put("criticLr", criticLr);
        m.put("batchSize", batchSize);
        m.put("gamma", gamma);
        m.put("tau", tau);
        m.put("policyNoise", policyNoise);
        m.put("noiseClip", noiseClip);
        m.put("policyDelay", policyDelay);
        m.put("alpha", alpha);
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
    public static Td3BcConfig fromMap(Map<String, ?> m, String where) {
        try {
            return new Td3BcConfig(
                    ConfigMaps.num(m, "actorLr", ALGORITHM, where).doubleValue(),
                    ConfigMaps.num(m, "criticLr", ALGORITHM, where).doubleValue(),
                    ConfigMaps.num(m, "batchSize", ALGORITHM, where).intValue(),
                    ConfigMaps.num(m, "gamma", ALGORITHM, where).doubleValue(),
                    ConfigMaps.num(m, "tau", ALGORITHM, where).doubleValue(),
                    ConfigMaps.num(m, "policyNoise", ALGORITHM, where).doubleValue(),
                    ConfigMaps.num(m, "noiseClip", ALGORITHM, where).doubleValue(),
                    ConfigMaps.num(m, "policyDelay", ALGORITHM, where).intValue(),
                    ConfigMaps.num(m, "alpha", ALGORITHM, where).doubleValue(),
                    ConfigMaps.ints(m, "hidden", ALGORITHM, where),
                    (Boolean) ConfigMaps.require(m, "normalizeObservations", ALGORITHM, where));
        } catch (ClassCastException | IllegalArgumentException | NullPointerException e) {
            throw new QuiverUserException(where + ": malformed " + ALGORITHM + " config " + m + ": " + e.getMessage(), e);
        }
    }
}

