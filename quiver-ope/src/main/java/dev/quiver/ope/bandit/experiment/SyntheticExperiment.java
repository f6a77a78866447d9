package dev.quiver.ope.bandit.experiment;

import dev.quiver.core.seed.Seeds;
import dev.quiver.ope.bandit.OffPolicyEstimator;
import dev.quiver.ope.bandit.data.LoggedBanditData;
import dev.quiver.ope.bandit.policy.ActionDistribution;
import dev.quiver.ope.bandit.policy.ScorePolicy;
import dev.quiver.ope.bandit.synthetic.SyntheticBanditConfig;
import dev.quiver.ope.bandit.synthetic.SyntheticBanditDataset;
import dev.quiver.ope.model.CrossFitting;
import dev.quiver.ope.model.RewardModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * The synthetic benchmark of Open Bandit Pipeline's examples: for each sample size {@code n}, draw {@code
 * replications} independent logs from a {@link SyntheticBanditDataset}, estimate the evaluation policy's
 * value with every estimator (a reward model cross-fitted on the same logs), and report each estimator's
 * bias and mean squared error against the policy's true value {@code E_x[sum_a pi(a|x) q(x, a)]}, with
 * standard errors over the replications. The evaluation policy sees the true expected rewards (e.g.
 * epsilon-greedy on {@code q}, OBP's {@code gen_eps_greedy}).
 *
 * <p>Streams: the simulator's coefficients come from {@code child("simulator")}, the truth from {@code
 * child("truth")}, replication {@code r} at size {@code n} from {@code child("logs-<n>", r)} and its
 * cross-fitting split from the same replication's seed; results depend only on the seed.
 *
 * @param simulator the synthetic logs' settings
 * @param evaluation the evaluation policy, applied to the true expected rewards
 * @param sizes the sample sizes
 * @param replications independent logs per size, at least 2
 * @param estimators the estimators
 * @param rewardModel the reward model of the model-based estimators
 * @param folds cross-fitting folds (1: fit and predict on all rows)
 * @param truthContexts fresh contexts for the true value (Monte Carlo error {@code ~ sd / sqrt(truthContexts)})
 * @param seed the root seed
 * @see <a href="https://arxiv.org/abs/2008.07146">Saito, Aihara, Matsutani and Narita (2021), Open Bandit
 *     Dataset and Pipeline, arXiv:2008.07146</a>
 */
public record SyntheticExperiment(SyntheticBanditConfig simulator, ScorePolicy evaluation, int[] sizes,
        int replications, List<OffPolicyEstimator> estimators, RewardModel rewardModel, int folds, int truthContexts,
        long seed) {

    /** Validates the settings. */
    public SyntheticExperiment {
        Objects.requireNonNull(simulator, "simulator");
        Objects.requireNonNull(evaluation, "evaluation");
        Objects.requireNonNull(rewardModel, "rewardModel");
        sizes = sizes.clone();
        estimators = List.copyOf(estimators);
        if (sizes.length == 0 || estimators.isEmpty()) {
            throw new IllegalArgumentException("need at least one size and one estimator");
        }
        for (int n : sizes) {
            if (n < folds || n < 2) {
                throw new IllegalArgumentException("sample size " + n + " is too small for " + folds + " folds");
            }
        }
        if (replications < 2) {
            throw new IllegalArgumentException("replications must be at least 2, got " + replications);
        }
        if (folds < 1 || truthContexts < 1) {
            throw new IllegalArgumentException("folds and truthContexts must be at least 1");
        }
    }

    /** A copy of the sample sizes. */
    @Override
    public int[] sizes() {
        return sizes.clone();
    }

    /** One estimator at one sample size, over the replications. */
    public record Cell(int n, String estimator, double bias, double biasSe, double mse, double mseSe) {
        /** The root mean squared error. */
        public double rmse() {
            return Math.sqrt(mse);
        }
    }

    /**
     * The outcome.
     *
     * @param truth the evaluation policy's true value
     * @param cells one per size and estimator, sizes outer
     */
    public record Result(double truth, List<Cell> cells) {
    }

    /** Runs the experiment; {@code progress} receives the number of replications done so far. */
    public Result run(IntConsumer progress) {
        Seeds root = Seeds.of(seed);
        SyntheticBanditDataset sim = SyntheticBanditDataset.build(simulator, root.child("simulator").seed());
        double truth = sim.policyValue(evaluation, truthContexts, root.child("truth").rng());
        List<Cell> cells = new ArrayList<>();
        int done = 0;
        boolean model = estimators.stream().anyMatch(OffPolicyEstimator::usesRewardModel);
        for (int n : sizes) {
            double[][] errors = new double[estimators.size()][replications];
            for (int r = 0; r < replications; r++) {
                Seeds rep = root.child("logs-" + n, r);
                LoggedBanditData data = sim.sample(n, rep.rng());
                ActionDistribution pi = evaluation.apply(data.expectedRewards());
                double[][] qHat = model ? CrossFitting.fitPredict(rewardModel, data, folds, rep.child("folds").seed())
                        : null;
                for (int e = 0; e < estimators.size(); e++) {
                    errors[e][r] = estimators.get(e).value(data, pi, qHat) - truth;
                }
                progress.accept(++done);
            }
            for (int e = 0; e < estimators.size(); e++) {
                cells.add(cell(n, estimators.get(e).name(), errors[e]));
            }
        }
        return new Result(truth, cells);
    }

    private static Cell cell(int n, String name, double[] err) {
        int r = err.length;
        double mean = 0;
        double sq = 0;
        for (double e : err) {
            mean += e;
            sq += e * e;
        }
        mean /= r;
        double mse = sq / r;
        double varErr = 0;
        double varSq = 0;
        for (double e : err) {
            varErr += (e - mean) * (e - mean);
            varSq += (e * e - mse) * (e * e - mse);
        }
        return new Cell(n, name, mean, Math.sqrt(varErr / (r - 1) / r), mse, Math.sqrt(varSq / (r - 1) / r));
    }
}
