package dev.quiver.ope.bandit.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.seed.Seeds;
import dev.quiver.ope.bandit.data.LoggedBanditData;
import dev.quiver.ope.bandit.policy.ActionDistribution;
import dev.quiver.ope.bandit.policy.ScorePolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The synthetic simulator: determinism, the behaviour policy's propensities, the known policy value. */
class SyntheticBanditDatasetTest {

    @Test
    void sameSeedSameLogs() {
        SyntheticBanditDataset a = SyntheticBanditDataset.build(SyntheticBanditConfig.defaults(), 3);
        SyntheticBanditDataset b = SyntheticBanditDataset.build(SyntheticBanditConfig.defaults(), 3);
        LoggedBanditData x = a.sample(200, Seeds.of(5).rng());
        LoggedBanditData y = b.sample(200, Seeds.of(5).rng());
        for (int i = 0; i < 200; i++) {
            assertArrayEquals(x.context(i), y.context(i));
            assertEquals(x.action(i), y.action(i));
            assertEquals(x.reward(i), y.reward(i));
            assertEquals(x.propensity(i), y.propensity(i));
        }
        LoggedBanditData z = SyntheticBanditDataset.build(SyntheticBanditConfig.defaults(), 4).sample(200,
                Seeds.of(5).rng());
        assertTrue(z.expectedReward(0, 0) != x.expectedReward(0, 0), "another seed draws another reward function");
    }

    /** Propensities are the softmax of beta q; binary kinds give rewards in {0, 1} and q in (0, 1). */
    @ParameterizedTest
    @EnumSource(RewardFunction.class)
    void propensitiesAreTheBehaviourSoftmax(RewardFunction f) {
        SyntheticBanditDataset sim = SyntheticBanditDataset.build(SyntheticBanditConfig.defaults().withRewardFunction(f)
                .withBeta(2).withActionContextDim(f.degree() == 1 ? 0 : 3), 1);
        LoggedBanditData d = sim.sample(300, Seeds.of(2).rng());
        ActionDistribution b = ScorePolicy.softmax(2).apply(d.expectedRewards());
        for (int i = 0; i < d.size(); i++) {
            assertEquals(b.probability(i, d.action(i)), d.propensity(i), 1e-12);
            if (f.binary()) {
                assertTrue(d.reward(i) == 0 || d.reward(i) == 1);
                assertTrue(d.expectedReward(i, 0) > 0 && d.expectedReward(i, 0) < 1);
            }
        }
    }

    /**
     * The score is standardised with fixed reference contexts, so on fresh contexts the linear kind's
     * {@code q = z} has mean about 0 and standard deviation about 1 (degree 1): with 20,000 x 10 values
     * that are correlated within a context, 0.05 is many standard errors.
     */
    @Test
    void linearRewardsAreStandardised() {
        SyntheticBanditDataset sim = SyntheticBanditDataset.build(SyntheticBanditConfig.defaults()
                .withRewardFunction(RewardFunction.LINEAR), 9);
        LoggedBanditData d = sim.sample(20_000, Seeds.of(1).rng());
        double s = 0;
        double s2 = 0;
        int m = 0;
        for (int i = 0; i < d.size(); i++) {
            for (int a = 0; a < d.numActions(); a++) {
                double q = d.expectedReward(i, a);
                s += q;
                s2 += q * q;
                m++;
            }
        }
        double mean = s / m;
        assertEquals(0, mean, 0.05);
        assertEquals(1, Math.sqrt(s2 / m - mean * mean), 0.05);
    }

    /**
     * The Monte Carlo policy value agrees with the average of exact per-sample values: the difference of
     * two independent means with per-context sd at most 1 (q in (0, 1)) over 100,000 and 20,000 contexts
     * has sd below 0.008; 0.03 is about 4 of those.
     */
    @Test
    void policyValueMatchesTheExactValueOnSamples() {
        SyntheticBanditDataset sim = SyntheticBanditDataset.build(SyntheticBanditConfig.defaults(), 5);
        ScorePolicy greedy = ScorePolicy.epsilonGreedy(0);
        double mc = sim.policyValue(greedy, 100_000, Seeds.of(3).rng());
        LoggedBanditData d = sim.sample(20_000, Seeds.of(4).rng());
        double exact = greedy.apply(d.expectedRewards()).valueUnder(d.expectedRewards());
        assertEquals(mc, exact, 0.03);
        assertTrue(mc > sim.policyValue(ScorePolicy.uniform(), 100_000, Seeds.of(3).rng()),
                "the greedy policy on the true rewards beats the uniform one");
    }

    @Test
    void monomials() {
        assertEquals(1 + 5 + 15 + 35, SyntheticBanditDataset.monomials(5, 3).length);
        assertEquals(1 + 3, SyntheticBanditDataset.monomials(3, 1).length);
    }
}
