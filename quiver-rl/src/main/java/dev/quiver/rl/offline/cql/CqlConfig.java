package dev.quiver.rl.offline.cql;

import dev.quiver.core.env.EnvSpec;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.rl.agent.ConfigMaps;
import dev.quiver.rl.dqn.TdLoss;
import dev.quiver.rl.offline.OfflineLearner;
import dev.quiver.rl.offline.OfflineLearnerConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Conservative Q-learning's configuration, for continuous actions (SAC-based CQL(H)) and discrete actions
 * (DQN-based CQL(H)): an immutable record whose {@link #defaults()} are CORL's {@code cql.py} defaults for
 * continuous actions and d3rlpy's {@code DiscreteCQLConfig} penalty weight for discrete ones. Fields marked
 * "continuous" or "discrete" apply to that kind of action space only.
 *
 * <table>
 * <caption>Defaults</caption>
 * <tr><th>parameter</th><th>default</th><th>meaning</th></tr>
 * <tr><td>actorLr</td><td>3e-5</td><td>continuous: Adam's rate for the actor and the SAC temperature (CORL's {@code policy_lr})</td></tr>
 * <tr><td>criticLr</td><td>3e-4</td><td>Adam's rate for the Q-networks</td></tr>
 * <tr><td>batchSize</td><td>256</td><td>transitions per gradient step</td></tr>
 * <tr><td>gamma</td><td>0.99</td><td>discount</td></tr>
 * <tr><td>tau</td><td>0.005</td><td>Polyak rate of the target Q-networks, every step</td></tr>
 * <tr><td>cqlAlpha</td><td>10</td><td>continuous: fixed weight of the CQL penalty (CORL's {@code cql_alpha}; the
 *   paper's Lagrangian variant is not implemented)</td></tr>
 * <tr><td>numSampledActions</td><td>10</td><td>continuous: N actions each from the uniform distribution, the policy
 *   at s and the policy at s' per state ({@code cql_n_actions})</td></tr>
 * <tr><td>temperature</td><td>1</td><td>continuous: T of {@code T log Σ exp(q / T)} ({@code cql_temp})</td></tr>
 * <tr><td>importanceSampling</td><td>true</td><td>continuous: subtract the sampling log-densities (CQL(H)'s importance
 *   sampled log-sum-exp, appendix F of the paper); without it the data action's value joins the plain log-sum-exp</td></tr>
 * <tr><td>autoEntropy</td><td>true</td><td>continuous: tune the SAC temperature towards entropy −|A|</td></tr>
 * <tr><td>entropyAlpha</td><td>1</td><td>continuous: the SAC temperature, initial (tuned) or fixed</td></tr>
 * <tr><td>backupEntropy</td><td>false</td><td>continuous: subtract {@code α log π} in the Q target (CORL: off)</td></tr>
 * <tr><td>actorHidden</td><td>[256, 256, 256]</td><td>continuous: actor widths (output layer Xavier-uniform × 0.01)</td></tr>
 * <tr><td>criticHidden</td><td>[256, 256, 256]</td><td>Q-network widths</td></tr>
 * <tr><td>orthogonalInit</td><td>true</td><td>Q-networks: orthogonal weights (gain √2, output 0.01), zero biases</td></tr>
 * <tr><td>normalizeObservations</td><td>true</td><td>standardise observations with the dataset's statistics</td></tr>
 * <tr><td>discreteAlpha</td><td>1</td><td>discrete: weight of the penalty (d3rlpy's {@code alpha})</td></tr>
 * <tr><td>discreteLoss</td><td>HUBER</td><td>discrete: TD loss (d3rlpy's DQN loss is Huber)</td></tr>
 * <tr><td>doubleQ</td><td>true</td><td>discrete: double-DQN targets (d3rlpy's DiscreteCQL is double DQN)</td></tr>
 * </table>
 *
 * @see <a href="https://arxiv.org/abs/2006.04779">Kumar, A., Zhou, A., Tucker, G. and Levine, S. (2020).
 *     Conservative Q-Learning for Offline Reinforcement Learning. NeurIPS. arXiv:2006.04779</a>
 * @see <a href="https://arxiv.org/abs/2210.07105">Tarasov, D. et al. (2022). CORL: Research-oriented Deep
 *     Offline Reinforcement Learning Library. arXiv:2210.07105</a>
 * @see <a href="https://arxiv.org/abs/2111.03788">Seno, T. and Imai, M. (2022). d3rlpy: An Offline Deep
 *     Reinforcement Learning Library. JMLR. arXiv:2111.03788</a>
 */
public record CqlConfig(double actorLr, double criticLr, int batchSize, double gamma, double tau, double cqlAlpha, int numSampledActions, double temperature, boolean importanceSampling, boolean autoEntropy, double entropyAlpha, boolean backupEntropy, List<Integer> actorHidden, List<Integer> criticHidden, boolean orthogonalInit, boolean normalizeObservations, double discreteAlpha, TdLoss discreteLoss, boolean doubleQ) implements OfflineLearnerConfig {
    private static final String ALGORITHM = "CQL";

    /** Validates every field; a bad value is a {@link QuiverUserException} naming the field. */
    public CqlConfig {
        check(actorLr > 0 && Double.isFinite(actorLr), "actorLr", actorLr, "> 0");
        check(criticLr > 0 && Double.isFinite(criticLr), "criticLr", criticLr, "> 0");
        check(batchSize >= 1, "batchSize", batchSize, ">= 1");
        check(gamma >= 0 && gamma <= 1, "gamma", gamma, "in [0, 1]");
        check(tau > 0 && tau <= 1, "tau", tau, "in (0, 1]");
        check(cqlAlpha >= 0 && Double.isFinite(cqlAlpha), "cqlAlpha", cqlAlpha, ">= 0");
        check(numSampledActions >= 1, "numSampledActions", numSampledActions, ">= 1");
        check(temperature > 0 && Double.isFinite(temperature), "temperature", temperature, "> 0");
        check(entropyAlpha > 0 && Double.isFinite(entropyAlpha), "entropyAlpha", entropyAlpha, "> 0");
        if (actorHidden == null || actorHidden.isEmpty() || actorHidden.stream().anyMatch(h -> h == null || h < 1)) {
            throw new QuiverUserException("CQL config: actorHidden = " + actorHidden + " is not allowed; give one or more "
                    + "layer widths >= 1");
        }
        actorHidden = List.copyOf(actorHidden);
        if (criticHidden == null || criticHidden.isEmpty() || criticHidden.stream().anyMatch(h -> h == null || h < 1)) {
            throw new QuiverUserException("CQL config: criticHidden = " + criticHidden + " is not allowed; give one or more "
                    + "layer widths >= 1");
        }
        criticHidden = List.copyOf(criticHidden);
        check(discreteAlpha >= 0 && Double.isFinite(discreteAlpha), "discreteAlpha", discreteAlpha, ">= 0");
        if (discreteLoss == null) {
            throw new QuiverUserException("CQL config: discreteLoss must be one of " + java.util.Arrays.toString(TdLoss.values()));
        }
    }

    private static void check(boolean ok, String key, Object value, String allowed) {
        if (!ok) {
            throw new QuiverUserException(ALGORITHM + " config: " + key + " = " + value + " is not allowed; it must be "
                    + allowed);
        }
    }

    /** The defaults of the table above. */
    public static CqlConfig defaults() {
        return new CqlConfig(3e-5, 3e-4, 256, 0.99, 0.005, 10.0, 10, 1.0, true, true, 1.0, false, List.of(256, 256, 256), List.of(256, 256, 256), true, true, 1.0, TdLoss.HUBER, true);
    }

    /**
     * Builds a CQL learner for {@code spec}: {@link DiscreteCql} for a Discrete action space, {@link Cql} for a
     * bounded float32 Box (observations: a float32 Box).
     */
    @Override
    @SuppressWarnings("unchecked")
    public <A> OfflineLearner<A> build(EnvSpec spec) {
        if (spec.actionSpace() instanceof dev.quiver.core.space.Discrete) {
            return (OfflineLearner<A>) new DiscreteCql(this, spec);
        }
        return (OfflineLearner<A>) new Cql(this, spec);
    }

    /** A copy with another actor (and temperature) learning rate. */
    public CqlConfig withActorLr(double v) {
        return new CqlConfig(v, criticLr, batchSize, gamma, tau, cqlAlpha, numSampledActions, temperature, importanceSampling, autoEntropy, entropyAlpha, backupEntropy, actorHidden, criticHidden, orthogonalInit, normalizeObservations, discreteAlpha, discreteLoss, doubleQ);
    }

    /** A copy with another critic learning rate. */
    public CqlConfig withCriticLr(double v) {
        return new CqlConfig(actorLr, v, batchSize, gamma, tau, cqlAlpha, numSampledActions, temperature, importanceSampling, autoEntropy, entropyAlpha, backupEntropy, actorHidden, criticHidden, orthogonalInit, normalizeObservations, discreteAlpha, discreteLoss, doubleQ);
    }

    /** A copy with another batch size. */
    public CqlConfig withBatchSize(int v) {
        return new CqlConfig(actorLr, criticLr, v, gamma, tau, cqlAlpha, numSampledActions, temperature, importanceSampling, autoEntropy, entropyAlpha, backupEntropy, actorHidden, criticHidden, orthogonalInit, normalizeObservations, discreteAlpha, discreteLoss, doubleQ);
    }

    /** A copy with another discount. */
    public CqlConfig withGamma(double v) {
        return new CqlConfig(actorLr, criticLr, batchSize, v, tau, cqlAlpha, numSampledActions, temperature, importanceSampling, autoEntropy, entropyAlpha, backupEntropy, actorHidden, criticHidden, orthogonalInit, normalizeObservations, discreteAlpha, discreteLoss, doubleQ);
    }

    /** A copy with another Polyak rate of the target critics. */
    public CqlConfig withTau(double v) {
        return new CqlConfig(actorLr, criticLr, batchSize, gamma, v, cqlAlpha, numSampledActions, temperature, importanceSampling, autoEntropy, entropyAlpha, backupEntropy, actorHidden, criticHidden, orthogonalInit, normalizeObservations, discreteAlpha, discreteLoss, doubleQ);
    }

    /** A copy with another weight α of the CQL penalty (continuous actions). */
    public CqlConfig withCqlAlpha(double v) {
        return new CqlConfig(actorLr, criticLr, batchSize, gamma, tau, v, numSampledActions, temperature, importanceSampling, autoEntropy, entropyAlpha, backupEntropy, actorHidden, criticHidden, orthogonalInit, normalizeObservations, discreteAlpha, discreteLoss, doubleQ);
    }

    /** A copy with another number of sampled actions per source. */
    public CqlConfig withNumSampledActions(int v) {
        return new CqlConfig(actorLr, criticLr, batchSize, gamma, tau, cqlAlpha, v, temperature, importanceSampling, autoEntropy, entropyAlpha, backupEntropy, actorHidden, criticHidden, orthogonalInit, normalizeObservations, discreteAlpha, discreteLoss, doubleQ);
    }

    /** A copy with another temperature of the log-sum-exp. */
    public CqlConfig withTemperature(double v) {
        return new CqlConfig(actorLr, criticLr, batchSize, gamma, tau, cqlAlpha, numSampledActions, v, importanceSampling, autoEntropy, entropyAlpha, backupEntropy, actorHidden, criticHidden, orthogonalInit, normalizeObservations, discreteAlpha, discreteLoss, doubleQ);
    }

    /** A copy with another choice of importance-corrected sampled values. */
    public CqlConfig withImportanceSampling(boolean v) {
        return new CqlConfig(actorLr, criticLr, batchSize, gamma, tau, cqlAlpha, numSampledActions, temperature, v, autoEntropy, entropyAlpha, backupEntropy, actorHidden, criticHidden, orthogonalInit, normalizeObservations, discreteAlpha, discreteLoss, doubleQ);
    }

    /** A copy with another choice of tuning the SAC temperature. */
    public CqlConfig withAutoEntropy(boolean v) {
        return new CqlConfig(actorLr, criticLr, batchSize, gamma, tau, cqlAlpha, numSampledActions, temperature, importanceSampling, v, entropyAlpha, backupEntropy, actorHidden, criticHidden, orthogonalInit, normalizeObservations, discreteAlpha, discreteLoss, doubleQ);
    }

    /** A copy with another SAC temperature (initial or fixed). */
    public CqlConfig withEntropyAlpha(double v) {
        return new CqlConfig(actorLr, criticLr, batchSize, gamma, tau, cqlAlpha, numSampledActions, temperature, importanceSampling, autoEntropy, v, backupEntropy, actorHidden, criticHidden, orthogonalInit, normalizeObservations, discreteAlpha, discreteLoss, doubleQ);
    }

    /** A copy with another choice of the entropy term in the Q target. */
    public CqlConfig withBackupEntropy(boolean v) {
        return new CqlConfig(actorLr, criticLr, batchSize, gamma, tau, cqlAlpha, numSampledActions, temperature, importanceSampling, autoEntropy, entropyAlpha, v, actorHidden, criticHidden, orthogonalInit, normalizeObservations, discreteAlpha, discreteLoss, doubleQ);
    }

    /** A copy with other actor hidden layer widths. */
    public CqlConfig withActorHidden(Integer... v) {
        return new CqlConfig(actorLr, criticLr, batchSize, gamma, tau, cqlAlpha, numSampledActions, temperature, importanceSampling, autoEntropy, entropyAlpha, backupEntropy, List.of(v), criticHidden, orthogonalInit, normalizeObservations, discreteAlpha, discreteLoss, doubleQ);
    }

    /** A copy with other critic hidden layer widths. */
    public CqlConfig withCriticHidden(Integer... v) {
        return new CqlConfig(actorLr, criticLr, batchSize, gamma, tau, cqlAlpha, numSampledActions, temperature, importanceSampling, autoEntropy, entropyAlpha, backupEntropy, actorHidden, List.of(v), orthogonalInit, normalizeObservations, discreteAlpha, discreteLoss, doubleQ);
    }

    /** A copy with another choice of orthogonal critic initialisation. */
    public CqlConfig withOrthogonalInit(boolean v) {
        return new CqlConfig(actorLr, criticLr, batchSize, gamma, tau, cqlAlpha, numSampledActions, temperature, importanceSampling, autoEntropy, entropyAlpha, backupEntropy, actorHidden, criticHidden, v, normalizeObservations, discreteAlpha, discreteLoss, doubleQ);
    }

    /** A copy with another choice of observation normalisation. */
    public CqlConfig withNormalizeObservations(boolean v) {
        return new CqlConfig(actorLr, criticLr, batchSize, gamma, tau, cqlAlpha, numSampledActions, temperature, importanceSampling, autoEntropy, entropyAlpha, backupEntropy, actorHidden, criticHidden, orthogonalInit, v, discreteAlpha, discreteLoss, doubleQ);
    }

    /** A copy with another weight of the CQL penalty (discrete actions). */
    public CqlConfig withDiscreteAlpha(double v) {
        return new CqlConfig(actorLr, criticLr, batchSize, gamma, tau, cqlAlpha, numSampledActions, temperature, importanceSampling, autoEntropy, entropyAlpha, backupEntropy, actorHidden, criticHidden, orthogonalInit, normalizeObservations, v, discreteLoss, doubleQ);
    }

    /** A copy with another TD loss (discrete actions). */
    public CqlConfig withDiscreteLoss(TdLoss v) {
        return new CqlConfig(actorLr, criticLr, batchSize, gamma, tau, cqlAlpha, numSampledActions, temperature, importanceSampling, autoEntropy, entropyAlpha, backupEntropy, actorHidden, criticHidden, orthogonalInit, normalizeObservations, discreteAlpha, v, doubleQ);
    }

    /** A copy with another choice of double-Q targets (discrete actions). */
    public CqlConfig withDoubleQ(boolean v) {
        return new CqlConfig(actorLr, criticLr, batchSize, gamma, tau, cqlAlpha, numSampledActions, temperature, importanceSampling, autoEntropy, entropyAlpha, backupEntropy, actorHidden, criticHidden, orthogonalInit, normalizeObservations, discreteAlpha, discreteLoss, v);
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
        m.put("cqlAlpha", cqlAlpha);
        m.put("numSampledActions", numSampledActions);
        m.put("temperature", temperature);
        m.put("importanceSampling", importanceSampling);
        m.put("autoEntropy", autoEntropy);
        m.put("entropyAlpha", entropyAlpha);
        m.put("backupEntropy", backupEntropy);
        m.put("actorHidden", actorHidden);
        m.put("criticHidden", criticHidden);
        m.put("orthogonalInit", orthogonalInit);
        m.put("normalizeObservations", normalizeObservations);
        m.put("discreteAlpha", discreteAlpha);
        m.put("discreteLoss", discreteLoss.name());
        m.put("doubleQ", doubleQ);
        return m;
    }

    /**
     * Reads a configuration written by {@link #toMap()} (numbers may come back as {@code Double}, as from JSON).
     *
     * @param where where the map came from, for messages (e.g. a checkpoint path)
     * @throws QuiverUserException if a key is missing or has a value of the wrong type
     */
    public static CqlConfig fromMap(Map<String, ?> m, String where) {
        try {
            return new CqlConfig(
                    ConfigMaps.num(m, "actorLr", ALGORITHM, where).doubleValue(),
                    ConfigMaps.num(m, "criticLr", ALGORITHM, where).doubleValue(),
                    ConfigMaps.num(m, "batchSize", ALGORITHM, where).intValue(),
                    ConfigMaps.num(m, "gamma", ALGORITHM, where).doubleValue(),
                    ConfigMaps.num(m, "tau", ALGORITHM, where).doubleValue(),
                    ConfigMaps.num(m, "cqlAlpha", ALGORITHM, where).doubleValue(),
                    ConfigMaps.num(m, "numSampledActions", ALGORITHM, where).intValue(),
                    ConfigMaps.num(m, "temperature", ALGORITHM, where).doubleValue(),
                    (Boolean) ConfigMaps.require(m, "importanceSampling", ALGORITHM, where),
                    (Boolean) ConfigMaps.require(m, "autoEntropy", ALGORITHM, where),
                    ConfigMaps.num(m, "entropyAlpha", ALGORITHM, where).doubleValue(),
                    (Boolean) ConfigMaps.require(m, "backupEntropy", ALGORITHM, where),
                    ConfigMaps.ints(m, "actorHidden", ALGORITHM, where),
                    ConfigMaps.ints(m, "criticHidden", ALGORITHM, where),
                    (Boolean) ConfigMaps.require(m, "orthogonalInit", ALGORITHM, where),
                    (Boolean) ConfigMaps.require(m, "normalizeObservations", ALGORITHM, where),
                    ConfigMaps.num(m, "discreteAlpha", ALGORITHM, where).doubleValue(),
                    TdLoss.valueOf(ConfigMaps.require(m, "discreteLoss", ALGORITHM, where).toString().toUpperCase(Locale.ROOT)),
                    (Boolean) ConfigMaps.require(m, "doubleQ", ALGORITHM, where));
        } catch (ClassCastException | IllegalArgumentException | NullPointerException e) {
            throw new QuiverUserException(where + ": malformed " + ALGORITHM + " config " + m + ": " + e.getMessage(), e);
        }
    }
}

