package dev.quiver.rl.offline.iql;

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
 * The configuration of implicit Q-learning (IQL) and, with its robustness options, of RIQL: an immutable
 * record whose {@link #defaults()} are CORL's {@code iql.py} defaults (D4RL locomotion: expectile τ = 0.7,
 * β = 3, weights clipped at 100, Gaussian actor with a cosine-annealed learning rate, observation
 * normalisation). {@link dev.quiver.rl.offline.riql.RiqlConfig#defaults()} switches the robustness options on.
 *
 * <table>
 * <caption>Defaults</caption>
 * <tr><th>parameter</th><th>default</th><th>meaning</th></tr>
 * <tr><td>actorLr, criticLr, valueLr</td><td>3e-4</td><td>Adam's learning rates of the actor, the Q-networks and V</td></tr>
 * <tr><td>batchSize</td><td>256</td><td>transitions per gradient step</td></tr>
 * <tr><td>gamma</td><td>0.99</td><td>discount</td></tr>
 * <tr><td>tau</td><td>0.005</td><td>Polyak rate of the target Q-networks (every step)</td></tr>
 * <tr><td>expectile</td><td>0.7</td><td>τ of V's expectile loss (0.9 for AntMaze in the paper)</td></tr>
 * <tr><td>beta</td><td>3.0</td><td>inverse temperature of the weights {@code exp(β (Q − V))} (10 for AntMaze)</td></tr>
 * <tr><td>maxWeight</td><td>100</td><td>the weights are clipped at this value (CORL's {@code EXP_ADV_MAX})</td></tr>
 * <tr><td>actor</td><td>GAUSSIAN</td><td>continuous actions: a Gaussian with mean {@code tanh(f(s))} and a
 *   state-independent log-std (CORL's default), or DETERMINISTIC {@code tanh(f(s))} fitted by weighted squared
 *   error; discrete actions always use a softmax actor</td></tr>
 * <tr><td>cosineActorLr</td><td>true</td><td>anneal the actor's learning rate by {@code ½(1 + cos(π t / T))} over
 *   the run's T gradient steps (CORL's {@code CosineAnnealingLR})</td></tr>
 * <tr><td>hidden</td><td>[256, 256]</td><td>hidden widths of every network (ReLU, PyTorch's default init)</td></tr>
 * <tr><td>normalizeObservations</td><td>true</td><td>standardise observations with the dataset's statistics</td></tr>
 * <tr><td>numCritics</td><td>2</td><td>Q-networks K (twin Q; RIQL: 5)</td></tr>
 * <tr><td>targetQuantile</td><td>0</td><td>V's target is this quantile over the K target Q-values (0: the
 *   minimum, IQL's clipped double Q; RIQL: 0.25)</td></tr>
 * <tr><td>huberDelta</td><td>0</td><td>the Q loss is the squared error (0) or the Huber loss with this threshold
 *   (RIQL: 1, its {@code sigma = 1})</td></tr>
 * <tr><td>clipTargets</td><td>false</td><td>clip the Q targets to [−100, 1000] (RIQL's code does)</td></tr>
 * </table>
 *
 * @see <a href="https://arxiv.org/abs/2110.06169">Kostrikov, I., Nair, A. and Levine, S. (2022). Offline
 *     Reinforcement Learning with Implicit Q-Learning. ICLR. arXiv:2110.06169</a>
 * @see <a href="https://arxiv.org/abs/2210.07105">Tarasov, D. et al. (2022). CORL: Research-oriented Deep
 *     Offline Reinforcement Learning Library. arXiv:2210.07105</a>
 */
public record IqlConfig(double actorLr, double criticLr, double valueLr, int batchSize, double gamma, double tau, double expectile, double beta, double maxWeight, IqlActor actor, boolean cosineActorLr, List<Integer> hidden, boolean normalizeObservations, int numCritics, double targetQuantile, double huberDelta, boolean clipTargets) implements OfflineLearnerConfig {
    private static final String ALGORITHM = "IQL";

    /** Validates every field; a bad value is a {@link QuiverUserException} naming the field. */
    public IqlConfig {
        check(actorLr > 0 && Double.isFinite(actorLr), "actorLr", actorLr, "> 0");
        check(criticLr > 0 && Double.isFinite(criticLr), "criticLr", criticLr, "> 0");
        check(valueLr > 0 && Double.isFinite(valueLr), "valueLr", valueLr, "> 0");
        check(batchSize >= 1, "batchSize", batchSize, ">= 1");
        check(gamma >= 0 && gamma <= 1, "gamma", gamma, "in [0, 1]");
        check(tau > 0 && tau <= 1, "tau", tau, "in (0, 1]");
        check(expectile > 0 && expectile < 1, "expectile", expectile, "in (0, 1)");
        check(beta >= 0 && Double.isFinite(beta), "beta", beta, ">= 0");
        check(maxWeight > 0 && Double.isFinite(maxWeight), "maxWeight", maxWeight, "> 0");
        if (actor == null) {
            throw new QuiverUserException("IQL config: actor must be one of " + java.util.Arrays.toString(IqlActor.values()));
        }
        if (hidden == null || hidden.isEmpty() || hidden.stream().anyMatch(h -> h == null || h < 1)) {
            throw new QuiverUserException("IQL config: hidden = " + hidden + " is not allowed; give one or more "
                    + "layer widths >= 1");
        }
        hidden = List.copyOf(hidden);
        check(numCritics >= 1, "numCritics", numCritics, ">= 1");
        check(targetQuantile >= 0 && targetQuantile <= 1, "targetQuantile", targetQuantile, "in [0, 1]");
        check(huberDelta >= 0 && Double.isFinite(huberDelta), "huberDelta", huberDelta, ">= 0 (0: squared error)");
    }

    private static void check(boolean ok, String key, Object value, String allowed) {
        if (!ok) {
            throw new QuiverUserException(ALGORITHM + " config: " + key + " = " + value + " is not allowed; it must be "
                    + allowed);
        }
    }

    /** The defaults of the table above. */
    public static IqlConfig defaults() {
        return new IqlConfig(3e-4, 3e-4, 3e-4, 256, 0.99, 0.005, 0.7, 3.0, 100.0, IqlActor.GAUSSIAN, true, List.of(256, 256), true, 2, 0.0, 0.0, false);
    }

    /** Builds an IQL learner for {@code spec} (float32 Box observations; Discrete or bounded Box actions). */
    @Override
    @SuppressWarnings("unchecked")
    public <A> OfflineLearner<A> build(EnvSpec spec) {
        return (OfflineLearner<A>) new Iql<A>(Iql.ALGORITHM, "IQL", this, spec);
    }

    /** A copy with another actor learning rate. */
    public IqlConfig withActorLr(double v) {
        return new IqlConfig(v, criticLr, valueLr, batchSize, gamma, tau, expectile, beta, maxWeight, actor, cosineActorLr, hidden, normalizeObservations, numCritics, targetQuantile, huberDelta, clipTargets);
    }

    /** A copy with another Q-network learning rate. */
    public IqlConfig withCriticLr(double v) {
        return new IqlConfig(actorLr, v, valueLr, batchSize, gamma, tau, expectile, beta, maxWeight, actor, cosineActorLr, hidden, normalizeObservations, numCritics, targetQuantile, huberDelta, clipTargets);
    }

    /** A copy with another value-network learning rate. */
    public IqlConfig withValueLr(double v) {
        return new IqlConfig(actorLr, criticLr, v, batchSize, gamma, tau, expectile, beta, maxWeight, actor, cosineActorLr, hidden, normalizeObservations, numCritics, targetQuantile, huberDelta, clipTargets);
    }

    /** A copy with another batch size. */
    public IqlConfig withBatchSize(int v) {
        return new IqlConfig(actorLr, criticLr, valueLr, v, gamma, tau, expectile, beta, maxWeight, actor, cosineActorLr, hidden, normalizeObservations, numCritics, targetQuantile, huberDelta, clipTargets);
    }

    /** A copy with another discount. */
    public IqlConfig withGamma(double v) {
        return new IqlConfig(actorLr, criticLr, valueLr, batchSize, v, tau, expectile, beta, maxWeight, actor, cosineActorLr, hidden, normalizeObservations, numCritics, targetQuantile, huberDelta, clipTargets);
    }

    /** A copy with another Polyak rate of the target Q-networks. */
    public IqlConfig withTau(double v) {
        return new IqlConfig(actorLr, criticLr, valueLr, batchSize, gamma, v, expectile, beta, maxWeight, actor, cosineActorLr, hidden, normalizeObservations, numCritics, targetQuantile, huberDelta, clipTargets);
    }

    /** A copy with another expectile τ of the value loss. */
    public IqlConfig withExpectile(double v) {
        return new IqlConfig(actorLr, criticLr, valueLr, batchSize, gamma, tau, v, beta, maxWeight, actor, cosineActorLr, hidden, normalizeObservations, numCritics, targetQuantile, huberDelta, clipTargets);
    }

    /** A copy with another inverse temperature β of the advantage weights. */
    public IqlConfig withBeta(double v) {
        return new IqlConfig(actorLr, criticLr, valueLr, batchSize, gamma, tau, expectile, v, maxWeight, actor, cosineActorLr, hidden, normalizeObservations, numCritics, targetQuantile, huberDelta, clipTargets);
    }

    /** A copy with another clip of the advantage weights. */
    public IqlConfig withMaxWeight(double v) {
        return new IqlConfig(actorLr, criticLr, valueLr, batchSize, gamma, tau, expectile, beta, v, actor, cosineActorLr, hidden, normalizeObservations, numCritics, targetQuantile, huberDelta, clipTargets);
    }

    /** A copy with another actor kind (continuous actions). */
    public IqlConfig withActor(IqlActor v) {
        return new IqlConfig(actorLr, criticLr, valueLr, batchSize, gamma, tau, expectile, beta, maxWeight, v, cosineActorLr, hidden, normalizeObservations, numCritics, targetQuantile, huberDelta, clipTargets);
    }

    /** A copy with another choice of the actor's cosine learning-rate schedule. */
    public IqlConfig withCosineActorLr(boolean v) {
        return new IqlConfig(actorLr, criticLr, valueLr, batchSize, gamma, tau, expectile, beta, maxWeight, actor, v, hidden, normalizeObservations, numCritics, targetQuantile, huberDelta, clipTargets);
    }

    /** A copy with other hidden layer widths (actor, Q- and value networks). */
    public IqlConfig withHidden(Integer... v) {
        return new IqlConfig(actorLr, criticLr, valueLr, batchSize, gamma, tau, expectile, beta, maxWeight, actor, cosineActorLr, List.of(v), normalizeObservations, numCritics, targetQuantile, huberDelta, clipTargets);
    }

    /** A copy with another choice of observation normalisation. */
    public IqlConfig withNormalizeObservations(boolean v) {
        return new IqlConfig(actorLr, criticLr, valueLr, batchSize, gamma, tau, expectile, beta, maxWeight, actor, cosineActorLr, hidden, v, numCritics, targetQuantile, huberDelta, clipTargets);
    }

    /** A copy with another number of Q-networks in the ensemble. */
    public IqlConfig withNumCritics(int v) {
        return new IqlConfig(actorLr, criticLr, valueLr, batchSize, gamma, tau, expectile, beta, maxWeight, actor, cosineActorLr, hidden, normalizeObservations, v, targetQuantile, huberDelta, clipTargets);
    }

    /** A copy with another quantile level of the ensemble's value target. */
    public IqlConfig withTargetQuantile(double v) {
        return new IqlConfig(actorLr, criticLr, valueLr, batchSize, gamma, tau, expectile, beta, maxWeight, actor, cosineActorLr, hidden, normalizeObservations, numCritics, v, huberDelta, clipTargets);
    }

    /** A copy with another Huber threshold of the Q loss (0: squared error). */
    public IqlConfig withHuberDelta(double v) {
        return new IqlConfig(actorLr, criticLr, valueLr, batchSize, gamma, tau, expectile, beta, maxWeight, actor, cosineActorLr, hidden, normalizeObservations, numCritics, targetQuantile, v, clipTargets);
    }

    /** A copy with another choice of clipping the Q targets to [−100, 1000]. */
    public IqlConfig withClipTargets(boolean v) {
        return new IqlConfig(actorLr, criticLr, valueLr, batchSize, gamma, tau, expectile, beta, maxWeight, actor, cosineActorLr, hidden, normalizeObservations, numCritics, targetQuantile, huberDelta, v);
    }


    /** The configuration as a JSON-ready map (for checkpoints and provenance), keyed by field name. */
    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("actorLr", actorLr);
        m.put("criticLr", criticLr);
        m.put("valueLr", valueLr);
        m.put("batchSize", batchSize);
        m.put("gamma", gamma);
        m.put("tau", tau);
        m.put("expectile", expectile);
        m.put("beta", beta);
        m.put("maxWeight", maxWeight);
        m.put("actor", actor.name());
        m.put("cosineActorLr", cosineActorLr);
        m.put("hidden", hidden);
        m.put("normalizeObservations", normalizeObservations);
        m.put("numCritics", numCritics);
        m.put("targetQuantile", targetQuantile);
        m.put("huberDelta", huberDelta);
        m.put("clipTargets", clipTargets);
        return m;
    }

    /**
     * Reads a configuration written by {@link #toMap()} (numbers may come back as {@code Double}, as from JSON).
     *
     * @param where where the map came from, for messages (e.g. a checkpoint path)
     * @throws QuiverUserException if a key is missing or has a value of the wrong type
     */
    public static IqlConfig fromMap(Map<String, ?> m, String where) {
        try {
            return new IqlConfig(
                    ConfigMaps.num(m, "actorLr", ALGORITHM, where).doubleValue(),
                    ConfigMaps.num(m, "criticLr", ALGORITHM, where).doubleValue(),
                    ConfigMaps.num(m, "valueLr", ALGORITHM, where).doubleValue(),
                    ConfigMaps.num(m, "batchSize", ALGORITHM, where).intValue(),
                    ConfigMaps.num(m, "gamma", ALGORITHM, where).doubleValue(),
                    ConfigMaps.num(m, "tau", ALGORITHM, where).doubleValue(),
                    ConfigMaps.num(m, "expectile", ALGORITHM, where).doubleValue(),
                    ConfigMaps.num(m, "beta", ALGORITHM, where).doubleValue(),
                    ConfigMaps.num(m, "maxWeight", ALGORITHM, where).doubleValue(),
                    IqlActor.valueOf(ConfigMaps.require(m, "actor", ALGORITHM, where).toString().toUpperCase(Locale.ROOT)),
                    (Boolean) ConfigMaps.require(m, "cosineActorLr", ALGORITHM, where),
                    ConfigMaps.ints(m, "hidden", ALGORITHM, where),
                    (Boolean) ConfigMaps.require(m, "normalizeObservations", ALGORITHM, where),
                    ConfigMaps.num(m, "numCritics", ALGORITHM, where).intValue(),
                    ConfigMaps.num(m, "targetQuantile", ALGORITHM, where).doubleValue(),
                    ConfigMaps.num(m, "huberDelta", ALGORITHM, where).doubleValue(),
                    (Boolean) ConfigMaps.require(m, "clipTargets", ALGORITHM, where));
        } catch (ClassCastException | IllegalArgumentException | NullPointerException e) {
            throw new QuiverUserException(where + ": malformed " + ALGORITHM + " config " + m + ": " + e.getMessage(), e);
        }
    }
}

