package dev.quiver.rl.offline.riql;

import dev.quiver.core.env.EnvSpec;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.rl.offline.OfflineLearner;
import dev.quiver.rl.offline.OfflineLearnerConfig;
import dev.quiver.rl.offline.iql.Iql;
import dev.quiver.rl.offline.iql.IqlConfig;
import java.util.Map;
import java.util.Objects;

/**
 * Robust IQL (RIQL): IQL with the three changes Yang et al. (2024) make it robust to corrupted data with — an
 * ensemble of K Q-networks whose α-quantile is V's target, the Huber loss for the Q-networks, and observation
 * normalisation (already IQL's default here) — on top of IQL's expectile V and advantage-weighted actor. The
 * learner is {@link Iql} itself; this record only names the algorithm ({@value #ALGORITHM} in checkpoints) and
 * carries the {@link IqlConfig} with RIQL's defaults, the released code's ({@code RIQL.py} / {@code RIQL_config.py}
 * without corruption-specific settings):
 *
 * <table>
 * <caption>Defaults that differ from IQL's</caption>
 * <tr><th>parameter</th><th>RIQL</th><th>IQL</th><th>meaning</th></tr>
 * <tr><td>numCritics</td><td>5</td><td>2</td><td>Q-networks K ({@code num_critics})</td></tr>
 * <tr><td>targetQuantile</td><td>0.25</td><td>0 (min)</td><td>α of V's target quantile over the ensemble
 *   ({@code quantile}; the paper tunes 0.1–0.25 per corruption)</td></tr>
 * <tr><td>huberDelta</td><td>1</td><td>0 (squared error)</td><td>Huber threshold δ = 1/σ² ({@code sigma = 1};
 *   the paper uses σ = 0.1–1 per corruption, i.e. δ = 1–100)</td></tr>
 * <tr><td>clipTargets</td><td>true</td><td>false</td><td>Q targets clipped to [−100, 1000], as the code does</td></tr>
 * </table>
 *
 * <p>Left as in IQL: the Gaussian actor's mean is {@code tanh}-squashed (RIQL's code uses an unsquashed mean,
 * clipped when acting, and clips the log-std at −5 rather than −20); the statistics of observation
 * normalisation are over the observations that start a transition (RIQL's code also pools the next
 * observations); the Q-networks use PyTorch's default initialisation (RIQL's code, EDAC's).
 *
 * @param iql the IQL configuration RIQL trains with
 * @see <a href="https://arxiv.org/abs/2310.12955">Yang, R. et al. (2024). Towards Robust Offline Reinforcement
 *     Learning under Diverse Data Corruption. ICLR. arXiv:2310.12955</a>
 */
public record RiqlConfig(IqlConfig iql) implements OfflineLearnerConfig {
    /** RIQL's name in checkpoints and on the command line. */
    public static final String ALGORITHM = "riql";

    /** Requires a configuration. */
    public RiqlConfig {
        Objects.requireNonNull(iql, "iql");
    }

    /** IQL's defaults with RIQL's ensemble of 5, quantile 0.25, Huber δ = 1 and clipped targets. */
    public static RiqlConfig defaults() {
        return new RiqlConfig(IqlConfig.defaults().withNumCritics(5).withTargetQuantile(0.25).withHuberDelta(1.0)
                .withClipTargets(true));
    }

    /** A copy whose IQL configuration is {@code iql}. */
    public RiqlConfig withIql(IqlConfig newIql) {
        return new RiqlConfig(newIql);
    }

    /** Builds the learner: {@link Iql} with this configuration, saving its policies as {@value #ALGORITHM}. */
    @Override
    @SuppressWarnings("unchecked")
    public <A> OfflineLearner<A> build(EnvSpec spec) {
        return (OfflineLearner<A>) new Iql<A>(ALGORITHM, "RIQL", iql, spec);
    }

    /** The IQL configuration's map (the same keys). */
    @Override
    public Map<String, Object> toMap() {
        return iql.toMap();
    }

    /**
     * Reads what {@link #toMap()} wrote.
     *
     * @throws QuiverUserException if a key is missing or malformed
     */
    public static RiqlConfig fromMap(Map<String, ?> m, String where) {
        return new RiqlConfig(IqlConfig.fromMap(m, where));
    }
}
