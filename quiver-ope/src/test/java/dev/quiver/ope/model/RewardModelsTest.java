package dev.quiver.ope.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.seed.Seeds;
import dev.quiver.ope.bandit.data.LoggedBanditData;
import dev.quiver.ope.bandit.synthetic.RewardFunction;
import dev.quiver.ope.bandit.synthetic.SyntheticBanditConfig;
import dev.quiver.ope.bandit.synthetic.SyntheticBanditDataset;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/** Ridge, logistic and XGBoost reward models, and cross-fitting. */
class RewardModelsTest {

    /** Noiseless logs whose reward is exactly {@code q(x, a)} of the synthetic linear kind. */
    static LoggedBanditData noiseless(RewardFunction f, int n, long seed) {
        SyntheticBanditDataset sim = SyntheticBanditDataset.build(SyntheticBanditConfig.defaults().withRewardFunction(f)
                .withRewardStd(0), seed);
        return sim.sample(n, Seeds.of(seed).child("logs").rng());
    }

    /**
     * The linear kind {@code q = theta_x.(1,x) + theta_a.(1,e_a) + (1,x)' M (1,e_a)} is linear in the
     * interaction features, so ridge with a negligible penalty recovers it to rounding, for every action,
     * not only the logged ones.
     */
    @Test
    void ridgeRecoversAWellSpecifiedLinearRewardExactly() {
        LoggedBanditData d = noiseless(RewardFunction.LINEAR, 2000, 1);
        double[][] q = new RidgeRewardModel(1e-9, RewardFeatures.INTERACTION).fitPredict(d);
        for (int i = 0; i < d.size(); i++) {
            for (int a = 0; a < d.numActions(); a++) {
                assertEquals(d.expectedReward(i, a), q[i][a], 1e-6);
            }
        }
    }

    /** At the fitted coefficients the penalised log-likelihood's gradient vanishes (checked independently). */
    @Test
    void logisticRegressionSolvesItsOptimalityConditions() {
        SyntheticBanditDataset sim = SyntheticBanditDataset.build(SyntheticBanditConfig.defaults(), 2);
        LoggedBanditData d = sim.sample(3000, Seeds.of(3).rng());
        double lambda = 2.0;
        LogisticRewardModel model = LogisticRewardModel.defaults().withLambda(lambda);
        int n = d.size();
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        // recover b0 and beta from predictions: logit(q_hat) is linear in the additive features
        double[][] q = model.fit(d, all).predict(d, all);
        int p = RewardFeatures.ADDITIVE.dimension(d);
        double[] phi = new double[p];
        // the gradient of the penalised loss w.r.t. b0 is sum_i (q_i - r_i); w.r.t. beta it is
        // sum_i (q_i - r_i) phi_i + lambda beta. Check the intercept's exactly, and the action block's through
        // its structure: for the one-hot action a, sum_{i: a_i = a} (q_i - r_i) = -lambda beta_a.
        double g0 = 0;
        double[] perAction = new double[d.numActions()];
        for (int i = 0; i < n; i++) {
            double r = q[i][d.action(i)] - d.reward(i);
            g0 += r;
            perAction[d.action(i)] += r;
        }
        assertEquals(0, g0, 1e-6);
        // beta_a - beta_0 = logit(q(x, a)) - logit(q(x, 0)) on any row
        double l0 = logit(q[0][0]);
        for (int a = 1; a < d.numActions(); a++) {
            double betaDiff = logit(q[0][a]) - l0;
            assertEquals(-(perAction[a] - perAction[0]) / lambda, betaDiff, 1e-5);
            // and the same difference on another row: additivity
            assertEquals(betaDiff, logit(q[7][a]) - logit(q[7][0]), 1e-9);
        }
        RewardFeatures.ADDITIVE.write(d, 0, 0, phi);
        assertEquals(1.0, phi[d.contextDim()]);
    }

    private static double logit(double p) {
        return Math.log(p / (1 - p));
    }

    @Test
    void logisticOnConstantRewardsPredictsTheConstant() {
        LoggedBanditData d = LoggedBanditData.builder(2).contexts(new double[][] {{1}, {2}, {3}})
                .actions(new int[] {0, 1, 0}).rewards(new double[3]).propensities(new double[] {0.5, 0.5, 0.5}).build();
        double[][] q = LogisticRewardModel.defaults().fitPredict(d);
        assertArrayEquals(new double[] {0, 0}, q[2]);
    }

    /** XGBoost learns a step in the context that a linear model cannot, and is deterministic. */
    @Test
    void xgboostFitsANonLinearRewardAndIsDeterministic() {
        int n = 2000;
        UniformRandomProvider rng = Seeds.of(4).rng();
        double[][] x = new double[n][1];
        int[] a = new int[n];
        double[] r = new double[n];
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = rng.nextDouble() * 2 - 1;
            a[i] = rng.nextInt(2);
            r[i] = (x[i][0] > 0.2) == (a[i] == 1) ? 1 : 0;
            p[i] = 0.5;
        }
        LoggedBanditData d = LoggedBanditData.builder(2).contexts(x).actions(a).rewards(r).propensities(p).build();
        XGBoostRewardModel model = XGBoostRewardModel.defaults().withFeatures(RewardFeatures.INTERACTION);
        double[][] q = model.fitPredict(d);
        double err = 0;
        for (int i = 0; i < n; i++) {
            for (int b = 0; b < 2; b++) {
                double truth = (x[i][0] > 0.2) == (b == 1) ? 1 : 0;
                err += Math.abs(q[i][b] - truth);
                assertTrue(q[i][b] >= 0 && q[i][b] <= 1, "binary:logistic predicts probabilities");
            }
        }
        assertTrue(err / (2 * n) < 0.1, "mean absolute error " + err / (2 * n));
        assertArrayEquals(q[17], model.fitPredict(d)[17]);
    }

    /** With cross-fitting a row's prediction does not depend on its own reward. */
    @Test
    void crossFittedPredictionsIgnoreTheRowsOwnReward() {
        LoggedBanditData d = noiseless(RewardFunction.LINEAR, 400, 6);
        double[] rewards = d.rewards();
        rewards[0] += 100;
        LoggedBanditData changed = LoggedBanditData.builder(d.numActions()).contexts(contexts(d), d.contextDim())
                .actions(actions(d)).rewards(rewards).propensities(propensities(d)).build();
        RidgeRewardModel ridge = RidgeRewardModel.defaults();
        assertArrayEquals(CrossFitting.fitPredict(ridge, d, 3, 8)[0], CrossFitting.fitPredict(ridge, changed, 3, 8)[0],
                1e-12);
        double[] inSample = ridge.fitPredict(d)[0];
        double[] inSampleChanged = ridge.fitPredict(changed)[0];
        assertTrue(Math.abs(inSample[d.action(0)] - inSampleChanged[d.action(0)]) > 1e-3, "without it, it does");
        int[] folds = CrossFitting.assignFolds(10, 3, Seeds.of(1).rng());
        int[] sizes = new int[3];
        for (int f : folds) {
            sizes[f]++;
        }
        assertArrayEquals(new int[] {4, 3, 3}, sizes);
    }

    private static double[] contexts(LoggedBanditData d) {
        double[] c = new double[d.size() * d.contextDim()];
        for (int i = 0; i < d.size(); i++) {
            System.arraycopy(d.context(i), 0, c, i * d.contextDim(), d.contextDim());
        }
        return c;
    }

    private static int[] actions(LoggedBanditData d) {
        int[] a = new int[d.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = d.action(i);
        }
        return a;
    }

    private static double[] propensities(LoggedBanditData d) {
        double[] p = new double[d.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = d.propensity(i);
        }
        return p;
    }
}
