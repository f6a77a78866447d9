package dev.quiver.ope.bandit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.estimate.Estimate;
import dev.quiver.core.seed.Seeds;
import dev.quiver.ope.bandit.data.LoggedBanditData;
import dev.quiver.ope.bandit.policy.ActionDistribution;
import dev.quiver.ope.bandit.policy.ScorePolicy;
import dev.quiver.ope.bandit.synthetic.RewardFunction;
import dev.quiver.ope.bandit.synthetic.SyntheticBanditConfig;
import dev.quiver.ope.bandit.synthetic.SyntheticBanditDataset;
import dev.quiver.ope.model.CrossFitting;
import dev.quiver.ope.model.RidgeRewardModel;
import org.junit.jupiter.api.Test;

/**
 * Statistical properties on synthetic logs with a known truth, over seeded replications: IPW and DR are
 * unbiased, DM with a misspecified model is not, and SNIPW and DR intervals cover the truth at about the
 * nominal rate.
 *
 * <p>Setting: 10 actions, 5 context dimensions, OBP's logistic-polynomial (degree 3) binary rewards, a
 * softmax logging policy with {@code beta = -3} (it prefers bad actions, so weights reach about 30) and
 * the epsilon-greedy ({@code eps = 0.3}) policy on the true rewards as the evaluation policy, OBP's
 * synthetic example. The reward model is additive ridge regression, linear in {@code [x, e_a]}, which
 * cannot represent the degree-3 interactions: misspecified.
 */
class SyntheticUnbiasednessTest {
    static final SyntheticBanditDataset SIM = SyntheticBanditDataset.build(SyntheticBanditConfig.defaults()
            .withRewardFunction(RewardFunction.LOGISTIC_POLYNOMIAL).withBeta(-3), 7);
    static final ScorePolicy EVALUATION = ScorePolicy.epsilonGreedy(0.3);

    /** Mean and standard deviation of a sample. */
    record Moments(double mean, double sd) {
        static Moments of(double[] x) {
            double m = 0;
            for (double v : x) {
                m += v;
            }
            m /= x.length;
            double s = 0;
            for (double v : x) {
                s += (v - m) * (v - m);
            }
            return new Moments(m, Math.sqrt(s / (x.length - 1)));
        }

        /** The standard error of the mean over {@code r} replications. */
        double se(int r) {
            return sd / Math.sqrt(r);
        }
    }

    /**
     * Over R = 200 replications of n = 1000 rows, the error {@code V_hat - V(sample)} of IPW and of DR
     * (2-fold cross-fitted ridge) has mean 0 exactly (both are unbiased given correct propensities, DR
     * whatever the model since a row's prediction never sees its reward). The test allows 4 standard
     * errors of the mean (a false alarm has probability about 6e-5 under normality). DM with the
     * misspecified model must be off by more than 4 of its standard errors.
     */
    @Test
    void ipwAndDrAreUnbiasedAndMisspecifiedDmIsNot() {
        int reps = 200;
        int n = 1000;
        double[] ipw = new double[reps];
        double[] dr = new double[reps];
        double[] dm = new double[reps];
        Seeds seeds = Seeds.of(11);
        for (int r = 0; r < reps; r++) {
            LoggedBanditData data = SIM.sample(n, seeds.child("logs", r).rng());
            ActionDistribution pi = EVALUATION.apply(data.expectedRewards());
            double truth = pi.valueUnder(data.expectedRewards());
            double[][] qHat = CrossFitting.fitPredict(RidgeRewardModel.defaults(), data, 2, r);
            ipw[r] = new InverseProbabilityWeighting().value(data, pi, null) - truth;
            dr[r] = new DoublyRobust().value(data, pi, qHat) - truth;
            dm[r] = new DirectMethod().value(data, pi, qHat) - truth;
        }
        Moments mi = Moments.of(ipw);
        Moments md = Moments.of(dr);
        Moments mm = Moments.of(dm);
        String report = "IPW " + mi + ", DR " + md + ", DM " + mm;
        assertTrue(Math.abs(mi.mean()) <= 4 * mi.se(reps), report);
        assertTrue(Math.abs(md.mean()) <= 4 * md.se(reps), report);
        assertTrue(Math.abs(mm.mean()) > 4 * mm.se(reps), report);
        // DR has a smaller spread than IPW here (the model removes part of the reward noise)
        assertTrue(md.sd() < mi.sd(), report);
    }

    /**
     * Coverage of the population value {@code E_x[sum_a pi(a|x) q(x, a)]} (from 200,000 fresh contexts,
     * Monte Carlo error about 5e-4, a few percent of an interval's half-width) by 95% percentile-bootstrap
     * intervals (400 resamples) of SNIPW and DR, over R = 200 replications of n = 2000 rows. Coverage
     * counts are Binomial(200, 0.95) if the intervals are exact: mean 190, sd 3.1; the test accepts 3 sd
     * either side, [181, 199] (the percentile bootstrap runs a little short at small n, so a lower bound
     * of exactly nominal would be wrong).
     */
    @Test
    void snipwAndDrIntervalsCoverTheTruthAtAboutTheNominalRate() {
        int reps = 200;
        int n = 2000;
        double truth = SIM.policyValue(EVALUATION, 200_000, Seeds.of(99).rng());
        int coveredSn = 0;
        int coveredDr = 0;
        Seeds seeds = Seeds.of(12);
        for (int r = 0; r < reps; r++) {
            LoggedBanditData data = SIM.sample(n, seeds.child("logs", r).rng());
            ActionDistribution pi = EVALUATION.apply(data.expectedRewards());
            double[][] qHat = CrossFitting.fitPredict(RidgeRewardModel.defaults(), data, 2, r);
            BootstrapSettings b = new BootstrapSettings(400, r, 0.95);
            Estimate sn = new SelfNormalizedIpw().estimate(data, pi, null, b);
            Estimate d = new DoublyRobust().estimate(data, pi, qHat, b);
            coveredSn += sn.covers(truth) ? 1 : 0;
            coveredDr += d.covers(truth) ? 1 : 0;
        }
        String report = "truth " + truth + ": SNIPW covered " + coveredSn + "/200, DR " + coveredDr + "/200";
        assertTrue(coveredSn >= 181 && coveredSn <= 199, report);
        assertTrue(coveredDr >= 181 && coveredDr <= 199, report);
    }
}
