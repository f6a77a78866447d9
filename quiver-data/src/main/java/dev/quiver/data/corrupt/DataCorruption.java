package dev.quiver.data.corrupt;

import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.seed.Seeds;
import dev.quiver.data.dataset.EpisodeDataset;
import java.util.Arrays;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Corrupts an offline dataset as Yang et al. (2023) do to test robustness, following their paper and code.
 *
 * <p>Each transition is chosen independently with probability {@code c} (the rate). With {@code ε} the scale
 * and {@code σ} the per-dimension population standard deviation of the corrupted column over all transitions
 * (before corruption), a chosen transition {@code (s, a, r, s')} becomes:
 * <table>
 *   <caption>Corruptions</caption>
 *   <tr><th>kind</th><th>random</th><th>adversarial</th></tr>
 *   <tr><td>obs</td><td>{@code s + λ ⊙ σ_s}, {@code λ ~ U[-ε, ε]^d}</td>
 *       <td>{@code argmin Q(ŝ, a)} over {@code |ŝ - s| <= ε σ_s} ({@link PgdAttack})</td></tr>
 *   <tr><td>action</td><td>{@code a + λ ⊙ σ_a}</td><td>{@code argmin Q(s, â)} over {@code |â - a| <= ε σ_a}</td></tr>
 *   <tr><td>reward</td><td>{@code r̂ ~ U[-30 ε, 30 ε]}</td><td>{@code -ε r}</td></tr>
 *   <tr><td>dynamics</td><td>{@code s' + λ ⊙ σ_s'}</td>
 *       <td>{@code argmin Q(ŝ', π(ŝ'))} over {@code |ŝ' - s'| <= ε σ_s'}</td></tr>
 * </table>
 * The critic {@code Q} and its policy {@code π} come from a pre-trained agent through a {@link QAttackModel}
 * (the authors attack an EDAC agent trained on the clean data). The authors' code leaves corrupted actions
 * unclipped; given the action space's bounds ({@link #corrupt(EpisodeDataset, CorruptionConfig, QAttackModel,
 * PgdConfig, double[], double[])}) they are clipped to them, which is what Quiver's offline learners do with
 * data actions anyway, so the written dataset stays valid for its env. Action corruption needs continuous actions, and so do the gradient
 * attacks (the critic takes action vectors); random observation, reward and dynamics corruption work for
 * discrete actions too.
 *
 * <p>Observations and next observations are corrupted independently, as in the authors' flat transition
 * arrays: see {@link CorruptedDataset} for how the result keeps Minari's layout. Randomness comes from three
 * child streams of {@code Seeds.of(seed).child("corruption")}: {@code select} (which transitions),
 * {@code noise} (random values) and {@code attack-start} (the attack's start points), so the same seed
 * chooses the same transitions whatever the kind and mode. Several corruptions (the paper's mixed
 * corruption) are applied by corrupting {@link CorruptedDataset#dataset()} again.
 *
 * @see <a href="https://arxiv.org/abs/2310.12955">R. Yang, H. Zhong, J. Xu, A. Zhang, C. Zhang, L. Han,
 *     T. Zhang, Towards Robust Offline Reinforcement Learning under Diverse Data Corruption, ICLR 2024,
 *     arXiv:2310.12955</a>
 */
public final class DataCorruption {
    /** Random reward corruption draws rewards from {@code U[-30 ε, 30 ε]}. */
    public static final double RANDOM_REWARD_RANGE = 30.0;

    private DataCorruption() {
    }

    /**
     * Applies a corruption that needs no critic: any random one, or adversarial reward corruption.
     *
     * @throws QuiverUserException if {@code config} needs a critic, or does not fit the dataset's actions
     */
    public static CorruptedDataset corrupt(EpisodeDataset data, CorruptionConfig config) {
        if (config.needsAttackModel()) {
            throw new QuiverUserException(config.describe() + ": adversarial " + config.kind().cliName()
                    + " corruption attacks a pre-trained critic; give one (a QAttackModel)");
        }
        return corrupt(data, config, null, PgdConfig.DEFAULT);
    }

    /**
     * Applies {@code config}, attacking {@code model} with {@code pgd}'s settings where it is adversarial
     * (the model is unused otherwise and may then be {@code null}).
     *
     * @throws QuiverUserException if the corruption does not fit the dataset's actions, or the model is
     *     missing or its dimensions differ from the dataset's
     */
    public static CorruptedDataset corrupt(EpisodeDataset data, CorruptionConfig config, QAttackModel model,
            PgdConfig pgd) {
        return corrupt(data, config, model, pgd, null, null);
    }

    /**
     * As {@link #corrupt(EpisodeDataset, CorruptionConfig, QAttackModel, PgdConfig)}, with corrupted actions
     * clipped to {@code [actionLow, actionHigh]} per dimension (both {@code null}: not clipped).
     *
     * @throws IllegalArgumentException if only one bound is given, or their lengths differ from the actions'
     */
    public static CorruptedDataset corrupt(EpisodeDataset data, CorruptionConfig config, QAttackModel model,
            PgdConfig pgd, double[] actionLow, double[] actionHigh) {
        if ((actionLow == null) != (actionHigh == null)
                || (actionLow != null && (actionLow.length != data.actDim() || actionHigh.length != data.actDim()))) {
            throw new IllegalArgumentException("action bounds must both be given with " + data.actDim()
                    + " values each, or both be null");
        }
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(pgd, "pgd");
        check(data, config, model);
        TransitionTable tab = TransitionTable.of(data);
        Seeds root = Seeds.of(config.seed()).child("corruption");
        int[] chosen = choose(tab.numSteps, config.rate(), root.child("select").rng());
        UniformRandomProvider noise = root.child("noise").rng();
        UniformRandomProvider start = root.child("attack-start").rng();
        double eps = config.scale();
        boolean random = config.mode() == CorruptionMode.RANDOM;
        double[] scale = new double[0];
        double before = Double.NaN;
        double after = Double.NaN;
        switch (config.kind()) {
            case REWARD -> {
                for (int s : chosen) {
                    tab.rewards[s] = random ? (2.0 * noise.nextDouble() - 1.0) * RANDOM_REWARD_RANGE * eps
                            : -eps * tab.rewards[s];
                }
            }
            case OBSERVATION, DYNAMICS, ACTION -> {
                float[] column = config.kind() == CorruptionKind.OBSERVATION ? tab.observations
                        : config.kind() == CorruptionKind.DYNAMICS ? tab.nextObservations : tab.actions;
                int dim = config.kind() == CorruptionKind.ACTION ? tab.actDim : tab.obsDim;
                scale = TransitionTable.std(column, dim);
                float[] rows = TransitionTable.gather(column, dim, chosen);
                if (random) {
                    for (int i = 0; i < rows.length; i++) {
                        rows[i] = (float) (rows[i] + (2.0 * noise.nextDouble() - 1.0) * eps * scale[i % dim]);
                    }
                } else {
                    PgdAttack.Result r = PgdAttack.minimize(rows, dim, scale, eps, pgd, start,
                            objective(config.kind(), tab, chosen, model, pgd.chunkRows()));
                    rows = r.perturbed();
                    before = r.meanValueBefore();
                    after = r.meanValueAfter();
                }
                if (config.kind() == CorruptionKind.ACTION && actionLow != null) {
                    for (int i = 0; i < rows.length; i++) {
                        int j = i % dim;
                        rows[i] = (float) Math.min(Math.max(rows[i], actionLow[j]), actionHigh[j]);
                    }
                }
                TransitionTable.scatter(rows, dim, chosen, column);
            }
            default -> throw new IllegalStateException("unknown kind " + config.kind());
        }
        TransitionTable.Rebuilt rebuilt = tab.rebuild();
        return new CorruptedDataset(rebuilt.dataset(), config, chosen, scale, rebuilt.sourceEpisode(),
                rebuilt.sourceStart(), data.numEpisodes(), before, after);
    }

    private static void check(EpisodeDataset data, CorruptionConfig config, QAttackModel model) {
        if (data.discrete() && config.kind() == CorruptionKind.ACTION) {
            throw new QuiverUserException(config.describe() + ": action corruption needs continuous actions (it "
                    + "perturbs action vectors by up to " + config.scale() + " standard deviations); this dataset has "
                    + "discrete actions");
        }
        if (!config.needsAttackModel()) {
            return;
        }
        if (data.discrete()) {
            throw new QuiverUserException(config.describe() + ": the gradient attack needs continuous actions (the "
                    + "critic scores action vectors); this dataset has discrete actions");
        }
        if (model == null) {
            throw new QuiverUserException(config.describe() + ": adversarial " + config.kind().cliName()
                    + " corruption attacks a pre-trained critic; give one (a QAttackModel)");
        }
        if (model.obsDim() != data.obsDim() || model.actDim() != data.actDim()) {
            throw new QuiverUserException(config.describe() + ": the critic takes observations of " + model.obsDim()
                    + " and actions of " + model.actDim() + " values, but the dataset has " + data.obsDim() + " and "
                    + data.actDim());
        }
    }

    /** Each transition independently with probability {@code rate} ({@code u < rate}, u uniform in [0, 1)). */
    static int[] choose(int n, double rate, UniformRandomProvider rng) {
        int[] out = new int[n];
        int k = 0;
        for (int s = 0; s < n; s++) {
            if (rng.nextDouble() < rate) {
                out[k++] = s;
            }
        }
        return Arrays.copyOf(out, k);
    }

    /** What the attack minimises for {@code kind}, reading the clean other inputs of the chosen rows. */
    private static PgdAttack.Objective objective(CorruptionKind kind, TransitionTable tab, int[] chosen,
            QAttackModel model, int chunkRows) {
        int obsDim = tab.obsDim;
        int actDim = tab.actDim;
        return switch (kind) {
            case OBSERVATION -> {
                float[] acts = new float[Math.min(chunkRows, chosen.length) * actDim];
                yield (from, rows, input, values, gradient) -> {
                    for (int i = 0; i < rows; i++) {
                        System.arraycopy(tab.actions, chosen[from + i] * actDim, acts, i * actDim, actDim);
                    }
                    model.q(input, acts, rows, values, gradient, null);
                };
            }
            case ACTION -> {
                float[] obs = new float[Math.min(chunkRows, chosen.length) * obsDim];
                yield (from, rows, input, values, gradient) -> {
                    for (int i = 0; i < rows; i++) {
                        System.arraycopy(tab.observations, chosen[from + i] * obsDim, obs, i * obsDim, obsDim);
                    }
                    model.q(obs, input, rows, values, null, gradient);
                };
            }
            case DYNAMICS -> (from, rows, input, values, gradient) -> model.policyValue(input, rows, values, gradient);
            case REWARD -> throw new IllegalStateException("reward corruption has no gradient attack");
        };
    }
}
