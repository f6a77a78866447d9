package dev.quiver.pipeline.bandit;

import dev.quiver.bandits.algo.BanditAlgorithm;
import dev.quiver.bandits.algo.LinUcb;
import dev.quiver.bandits.algo.LinUcbConfig;
import dev.quiver.bandits.env.BanditSpec;
import dev.quiver.bandits.env.Context;
import dev.quiver.bandits.regress.Matrices;
import dev.quiver.bandits.regress.OnlineRidge;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.linalg.Cholesky;
import dev.quiver.core.linalg.JitterLadder;
import dev.quiver.core.seed.Seeds;
import dev.quiver.ope.bandit.data.LoggedBanditData;
import dev.quiver.ope.bandit.policy.ActionDistribution;
import dev.quiver.ope.bandit.policy.ContextFreePolicy;
import dev.quiver.ope.bandit.policy.ScorePolicy;
import dev.quiver.ope.model.FittedRewardModel;
import dev.quiver.ope.model.LogisticRewardModel;
import dev.quiver.ope.model.RewardFeatures;
import dev.quiver.ope.model.RewardModel;
import dev.quiver.ope.model.RidgeRewardModel;
import dev.quiver.pipeline.config.BanditCandidateSpec;
import dev.quiver.pipeline.config.BanditDataSpec;
import java.util.Arrays;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The candidate policies of a bandit study, each learned from the training logs and then able to give its action
 * distribution on any logged rows ({@link Fitted#on}):
 * <ul>
 *   <li>{@code logging}: the policy that logged the data; on synthetic logs the simulator's softmax over the true
 *       expected rewards, on Open Bandit Dataset logs of the {@code random} policy the uniform policy, on logs of
 *       {@code bts} the per-position action frequencies of the training logs (an approximation: BTS's exact
 *       probabilities are not in the data);</li>
 *   <li>{@code uniform};</li>
 *   <li>{@code greedy}, {@code epsilon-greedy}, {@code softmax}: on the predictions of a reward model (logistic or
 *       ridge, one linear model per action: {@link RewardFeatures#INTERACTION}) fitted on the training logs;</li>
 *   <li>{@code linucb}: quiver-bandits' {@link LinUcb} (disjoint models, features {@code (1, x, e_position)})
 *       updated with every logged round, then acting greedily on its upper confidence bounds (a deterministic
 *       snapshot);</li>
 *   <li>{@code lints}: linear Thompson sampling's Gaussian posterior after the logged rounds, {@code N(theta_a,
 *       v^2 B_a^-1)} per action (LinTS with one shared parameter on per-action blocks of features is exactly this
 *       block-diagonal posterior), frozen: its action probabilities are those of {@code draws} posterior samples
 *       drawn once, i.e. the policy that plays the argmax of a uniformly chosen sample (quiver-bandits' {@code
 *       LinTs} draws afresh every round and so cannot report probabilities).</li>
 * </ul>
 *
 * @see <a href="https://arxiv.org/abs/1003.0146">Li, Chu, Langford, Schapire (2010), A Contextual-Bandit Approach
 *     to Personalized News Article Recommendation, arXiv:1003.0146</a>
 * @see <a href="https://arxiv.org/abs/1209.3352">Agrawal, Goyal (2013), Thompson Sampling for Contextual Bandits
 *     with Linear Payoffs, arXiv:1209.3352</a>
 * @see <a href="https://arxiv.org/abs/2008.07146">Saito, Aihara, Matsutani and Narita (2021), Open Bandit Dataset
 *     and Pipeline, arXiv:2008.07146</a>
 */
public final class BanditCandidates {
    /** The ridge penalty of LinUCB's and LinTS's models (the papers' identity prior). */
    static final double LAMBDA = 1.0;

    private BanditCandidates() {
    }

    /** A learned candidate. */
    public interface Fitted {
        /** Its action probabilities on every row of {@code rows}. */
        ActionDistribution on(LoggedBanditData rows);

        /** What it is, for the report. */
        String describe();
    }

    /**
     * Learns {@code spec} from {@code train}.
     *
     * @param data where the logs come from (the logging candidate depends on it)
     * @param seed the candidate's seed (LinTS's posterior draws)
     */
    public static Fitted fit(BanditCandidateSpec spec, LoggedBanditData train, BanditDataSpec data, long seed) {
        return switch (spec.kind()) {
            case "logging" -> logging(train, data);
            case "uniform" -> fixed(rows -> ActionDistribution.uniform(rows.size(), rows.numActions()),
                    "uniformly random actions");
            case "greedy", "epsilon-greedy", "softmax" -> modelPolicy(spec, train);
            case "linucb" -> linUcb(spec, train);
            case "lints" -> linTs(spec, train, seed);
            default -> throw new IllegalArgumentException("unknown candidate kind " + spec.kind());
        };
    }

    private static Fitted fixed(java.util.function.Function<LoggedBanditData, ActionDistribution> f, String what) {
        return new Fitted() {
            @Override
            public ActionDistribution on(LoggedBanditData rows) {
                return f.apply(rows);
            }

            @Override
            public String describe() {
                return what;
            }
        };
    }

    private static Fitted logging(LoggedBanditData train, BanditDataSpec data) {
        if (data.synthetic()) {
            return fixed(rows -> {
                if (!rows.hasExpectedRewards()) {
                    throw new IllegalStateException("synthetic rows without expected rewards");
                }
                return ScorePolicy.softmax(data.beta()).apply(rows.expectedRewards());
            }, "the logging policy: softmax(beta " + data.beta() + ") over the true expected rewards");
        }
        if (data.policy().equals("random")) {
            return fixed(rows -> ActionDistribution.uniform(rows.size(), rows.numActions()),
                    "the logging policy: uniformly random items (Open Bandit Dataset 'random')");
        }
        ContextFreePolicy freq = ContextFreePolicy.fromLogFrequencies(train);
        return fixed(freq::on, "the logging policy approximated by the per-position item frequencies of the training"
                + " logs (Open Bandit Dataset 'bts': Bernoulli TS's exact probabilities are not in the data)");
    }

    private static Fitted modelPolicy(BanditCandidateSpec spec, LoggedBanditData train) {
        RewardModel model = spec.model().equals("ridge")
                ? RidgeRewardModel.defaults().withFeatures(RewardFeatures.INTERACTION)
                : LogisticRewardModel.defaults().withFeatures(RewardFeatures.INTERACTION);
        if (spec.model().equals("logistic") && !train.binaryRewards()) {
            throw new QuiverUserException("candidate " + spec.name() + ": a logistic reward model needs 0/1 rewards;"
                    + " use model: ridge");
        }
        int[] all = new int[train.size()];
        Arrays.setAll(all, i -> i);
        FittedRewardModel fitted = model.fit(train, all);
        ScorePolicy policy = switch (spec.kind()) {
            case "greedy" -> ScorePolicy.epsilonGreedy(0);
            case "epsilon-greedy" -> ScorePolicy.epsilonGreedy(spec.parameter());
            default -> ScorePolicy.softmax(spec.parameter());
        };
        return fixed(rows -> {
            int[] idx = new int[rows.size()];
            Arrays.setAll(idx, i -> i);
            return policy.apply(fitted.predict(rows, idx));
        }, policy.name() + " on " + model.name() + " fitted on the training logs");
    }

    /** The regression input of a row: {@code (1, x, e_position)} (the position block only with several positions). */
    static double[] features(LoggedBanditData rows, int i) {
        int d = rows.contextDim();
        int k = rows.numPositions() > 1 ? rows.numPositions() : 0;
        double[] f = new double[1 + d + k];
        f[0] = 1;
        System.arraycopy(rows.context(i), 0, f, 1, d);
        if (k > 0) {
            f[1 + d + rows.position(i)] = 1;
        }
        return f;
    }

    private static Context context(LoggedBanditData rows, int i) {
        double[] f = features(rows, i);
        double[][] arms = new double[rows.numActions()][];
        Arrays.fill(arms, f);
        return Context.of(arms);
    }

    private static Fitted linUcb(BanditCandidateSpec spec, LoggedBanditData train) {
        int p = features(train, 0).length;
        LinUcbConfig cfg = new LinUcbConfig(spec.parameter(), LAMBDA);
        BanditAlgorithm algo = cfg.build(new BanditSpec(train.numActions(), p, 0, 1), Seeds.of(0));
        LinUcb ucb = (LinUcb) algo;
        for (int i = 0; i < train.size(); i++) {
            ucb.update(context(train, i), train.action(i), train.reward(i));
        }
        return fixed(rows -> {
            int k = rows.numActions();
            double[] flat = new double[rows.size() * k];
            for (int i = 0; i < rows.size(); i++) {
                flat[i * k + ucb.select(context(rows, i))] = 1;
            }
            return ActionDistribution.ofFlat(rows.size(), k, flat);
        }, "LinUCB (alpha " + spec.parameter() + ", lambda " + LAMBDA + ") after the training logs, greedy on its upper"
                + " confidence bounds");
    }

    private static Fitted linTs(BanditCandidateSpec spec, LoggedBanditData train, long seed) {
        int k = train.numActions();
        int p = features(train, 0).length;
        OnlineRidge[] models = new OnlineRidge[k];
        for (int a = 0; a < k; a++) {
            models[a] = new OnlineRidge(p, LAMBDA, false);
        }
        for (int i = 0; i < train.size(); i++) {
            models[train.action(i)].update(features(train, i), train.reward(i));
        }
        int m = spec.draws();
        double v = spec.parameter();
        double[][][] draws = new double[m][k][];
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(Seeds.of(seed).child("posterior")
                .rng());
        for (int a = 0; a < k; a++) {
            double[] theta = models[a].theta();
            Cholesky factor = Cholesky.factor(models[a].inverse(), p, JitterLadder.roundingRepair());
            double[] lz = new double[p];
            for (int s = 0; s < m; s++) {
                double[] z = new double[p];
                for (int j = 0; j < p; j++) {
                    z[j] = g.sample();
                }
                factor.lowerTimes(z, lz);
                double[] w = theta.clone();
                for (int i = 0; i < p; i++) {
                    w[i] += v * lz[i];
                }
                draws[s][a] = w;
            }
        }
        return fixed(rows -> {
            double[] flat = new double[rows.size() * k];
            int[] counts = new int[k];
            for (int i = 0; i < rows.size(); i++) {
                double[] f = features(rows, i);
                Arrays.fill(counts, 0);
                for (int s = 0; s < m; s++) {
                    int best = 0;
                    double bestScore = Double.NEGATIVE_INFINITY;
                    for (int a = 0; a < k; a++) {
                        double sc = Matrices.dot(draws[s][a], f);
                        if (sc > bestScore) {
                            bestScore = sc;
                            best = a;
                        }
                    }
                    counts[best]++;
                }
                for (int a = 0; a < k; a++) {
                    flat[i * k + a] = (double) counts[a] / m;
                }
            }
            return ActionDistribution.ofFlat(rows.size(), k, flat);
        }, "linear Thompson sampling's posterior (v " + v + ", lambda " + LAMBDA + ") after the training logs, frozen"
                + " and represented by " + m + " posterior draws");
    }
}
