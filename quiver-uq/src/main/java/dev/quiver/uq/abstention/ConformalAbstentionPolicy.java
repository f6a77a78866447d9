package dev.quiver.uq.abstention;

import dev.quiver.bandits.algo.AlgorithmConfig;
import dev.quiver.bandits.algo.BanditAlgorithm;
import dev.quiver.bandits.algo.LinTsConfig;
import dev.quiver.bandits.algo.LinUcbConfig;
import dev.quiver.bandits.algo.SquareCbConfig;
import dev.quiver.bandits.env.BanditSpec;
import dev.quiver.bandits.env.Context;
import dev.quiver.bandits.regress.OnlineRidge;
import dev.quiver.core.seed.Seeds;
import dev.quiver.uq.data.DataSplit;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Learns a conformal abstention policy with a contextual bandit, after Tayebati et al.: the state is the
 * classifier's confidence on the input ({@link ContextFeatures}), the actions are conformal thresholds
 * ({@link ThresholdArms}: a single label, LAC sets at a grid of miscoverage levels, or abstention), the reward is
 * {@link AbstentionUtility}. The paper trains a Gaussian policy network by REINFORCE whose actions move global
 * thresholds; we learn per-input thresholds as a contextual bandit (one input is one round; only the reward of
 * the chosen arm is observed) with one of Quiver's linear bandits — LinUCB (default), linear Thompson sampling or
 * SquareCB — for {@link #epochs()} passes over the policy-training rows in a fresh random order each
 * ({@code seeds.child("order", e)}); the bandit gets {@code seeds.child("bandit")}.
 *
 * <p>What is deployed: alongside the bandit, ridge regressions of the same kind (quiver-bandits'
 * {@code OnlineRidge}: one per arm for LinUCB, one shared for LinTS and SquareCB, with SquareCB's intercept, all
 * with the bandit's ridge penalty) learn, from the same rounds, whether the chosen arm's set missed the label —
 * the only unknown part of the utility, since the size and abstention costs of an arm are known before the label
 * is. The policy ({@link LearnedAbstentionPolicy}) then picks, per input, the output with the best estimated
 * utility, greedily: the bandit's own choice rule explores (an optimism bonus, a posterior draw, inverse-gap
 * weighting), which helps it collect data but not to act once learning stops — with a few hundred rounds per arm
 * LinUCB's bonus dwarfs the differences between arms. Greedy deployment is deterministic, so calibration and
 * test rows are treated alike, and separating the miss estimate from the known costs lets
 * {@link LearnedAbstentionPolicy#calibrate} tune the miss cost conformally.
 *
 * <p>Context layout: each arm's features are {@link ContextFeatures#arm} (the input's context and what the arm
 * would output); LinUCB keeps one model per arm; the shared model of LinTS and SquareCB sees arm a's features in
 * block a of an {@code arms × d} vector.
 *
 * @param bandit the bandit algorithm ({@link LinUcbConfig}, {@link LinTsConfig} or {@link SquareCbConfig})
 * @param utility the reward
 * @param alphas the miscoverage levels of the threshold arms
 * @param context the state features
 * @param epochs passes over the policy-training rows
 * @see <a href="https://arxiv.org/abs/2502.06884">Tayebati et al. (2025), Learning Conformal Abstention
 *     Policies for Adaptive Risk Management in Large Language and Vision-Language Models, arXiv:2502.06884</a>
 * @see <a href="https://arxiv.org/abs/1003.0146">Li, Chu, Langford and Schapire (2010), A Contextual-Bandit
 *     Approach to Personalized News Article Recommendation, arXiv:1003.0146</a>
 */
public record ConformalAbstentionPolicy(AlgorithmConfig bandit, AbstentionUtility utility, double[] alphas,
        ContextFeatures context, int epochs) {
    /** Validates and copies. */
    public ConformalAbstentionPolicy {
        Objects.requireNonNull(bandit, "bandit");
        Objects.requireNonNull(utility, "utility");
        Objects.requireNonNull(context, "context");
        if (!(bandit instanceof LinUcbConfig) && !(bandit instanceof LinTsConfig) && !(bandit instanceof SquareCbConfig)) {
            throw new IllegalArgumentException("the abstention policy needs a linear bandit (LinUCB, LinTS or SquareCB),"
                    + " got " + bandit.name());
        }
        alphas = alphas.clone();
        for (double a : alphas) {
            if (!(a > 0 && a < 1)) {
                throw new IllegalArgumentException("threshold levels must be in (0, 1), got " + a);
            }
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
    }

    /**
     * LinUCB (Li et al.'s width for δ = 0.05, ridge 1), {@link AbstentionUtility#defaults()}, the default
     * threshold grid, context with the standardised features, 3 epochs.
     */
    public static ConformalAbstentionPolicy defaults() {
        return new ConformalAbstentionPolicy(LinUcbConfig.defaults(), AbstentionUtility.defaults(),
                ThresholdArms.defaultAlphas(), new ContextFeatures(true), 3);
    }

    @Override
    public double[] alphas() {
        return alphas.clone();
    }

    /** A copy with another bandit. */
    public ConformalAbstentionPolicy withBandit(AlgorithmConfig b) {
        return new ConformalAbstentionPolicy(b, utility, alphas, context, epochs);
    }

    /** A copy with another utility. */
    public ConformalAbstentionPolicy withUtility(AbstentionUtility u) {
        return new ConformalAbstentionPolicy(bandit, u, alphas, context, epochs);
    }

    /** A copy with other context features. */
    public ConformalAbstentionPolicy withContext(ContextFeatures c) {
        return new ConformalAbstentionPolicy(bandit, utility, alphas, c, epochs);
    }

    /** A copy with another number of epochs. */
    public ConformalAbstentionPolicy withEpochs(int n) {
        return new ConformalAbstentionPolicy(bandit, utility, alphas, context, n);
    }

    /**
     * Learns the policy on labelled policy-training rows.
     *
     * @param probs the classifier's probabilities of the rows
     * @param features the rows' standardised features (may be null when the context does not use them)
     * @param labels the rows' labels
     */
    public LearnedAbstentionPolicy learn(double[][] probs, double[][] features, int[] labels, Seeds seeds) {
        int n = probs.length;
        if (labels.length != n || n == 0 || (features != null && features.length != n)) {
            throw new IllegalArgumentException("need matching, non-empty rows: " + n + " probability rows, "
                    + labels.length + " labels");
        }
        if (context.includeFeatures() && features == null) {
            throw new IllegalArgumentException("the context uses the features; pass them");
        }
        int k = probs[0].length;
        double[] lac = new double[n];
        for (int i = 0; i < n; i++) {
            lac[i] = 1 - probs[i][labels[i]];
        }
        ThresholdArms arms = ThresholdArms.fromScores(alphas, lac);
        int p = features == null || !context.includeFeatures() ? 0 : features[0].length;
        boolean perArm = bandit instanceof LinUcbConfig;
        int d = context.armDimension(p);
        int inputDim = perArm ? d : d * arms.count();
        BanditSpec spec = new BanditSpec(arms.count(), inputDim, utility.lowest(k), 0);
        BanditAlgorithm algorithm = bandit.build(spec, seeds.child("bandit"));
        OnlineRidge[] missModels = new OnlineRidge[perArm ? arms.count() : 1];
        for (int a = 0; a < missModels.length; a++) {
            missModels[a] = new OnlineRidge(inputDim, ridgeLambda(), bandit instanceof SquareCbConfig);
        }
        double[] input = new double[inputDim];
        for (int e = 0; e < epochs; e++) {
            UniformRandomProvider rng = seeds.child("order", e).rng();
            for (int i : DataSplit.permutation(n, rng)) {
                Context ctx = banditContext(probs[i], features == null ? null : features[i], arms, perArm);
                int a = algorithm.select(ctx);
                double r = reward(arms, a, probs[i], labels[i]);
                algorithm.update(ctx, a, r);
                if (a != arms.abstainArm()) {
                    boolean covered = arms.set(a, probs[i])[labels[i]];
                    missModels[perArm ? a : 0].update(ctx.copyInput(a, input), covered ? 0 : 1);
                }
            }
        }
        return new LearnedAbstentionPolicy(this, arms, missModels, perArm, inputDim);
    }

    /** The ridge penalty of the bandit's regressions. */
    private double ridgeLambda() {
        if (bandit instanceof LinUcbConfig c) {
            return c.lambda();
        }
        if (bandit instanceof LinTsConfig c) {
            return c.lambda();
        }
        return ((SquareCbConfig) bandit).lambda();
    }

    /** The reward of arm {@code a} on a labelled row (thresholds unshifted). */
    double reward(ThresholdArms arms, int a, double[] probs, int label) {
        if (a == arms.abstainArm()) {
            return utility.abstention();
        }
        boolean[] set = arms.set(a, probs);
        int size = 0;
        for (boolean b : set) {
            if (b) {
                size++;
            }
        }
        return utility.prediction(size, set[label]);
    }

    /** The bandit's context of one row: each arm's features (per-arm models), or them in block a (a shared model). */
    Context banditContext(double[] probs, double[] features, ThresholdArms arms, boolean perArm) {
        double[] c = context.of(probs, features);
        int count = arms.count();
        double[][] rows = new double[count][];
        for (int a = 0; a < count; a++) {
            double[] f = context.arm(c, a == arms.abstainArm() ? null : arms.set(a, probs), probs);
            if (perArm) {
                rows[a] = f;
            } else {
                rows[a] = new double[f.length * count];
                System.arraycopy(f, 0, rows[a], a * f.length, f.length);
            }
        }
        return Context.of(rows);
    }
}
