package dev.quiver.uq.abstention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quiver.bandits.algo.EpsilonGreedyConfig;
import org.junit.jupiter.api.Test;

/** The reward of the abstention policy on hand examples. */
class AbstentionUtilityTest {
    private final AbstentionUtility u = new AbstentionUtility(1.0, 0.1, 0.35);

    @Test
    void handExamples() {
        assertEquals(0.0, u.prediction(1, true), 0); // a right single label: the best outcome
        assertEquals(-1.0, u.prediction(1, false), 0); // a wrong single label
        assertEquals(-0.2, u.prediction(3, true), 1e-15); // three labels, covered: two extra labels
        assertEquals(-1.3, u.prediction(4, false), 1e-15); // four labels, missed
        assertEquals(-1.0, u.prediction(0, false), 0); // an empty set (a baseline's) is a miss, no size cost
        assertEquals(-0.35, u.abstention(), 0);
        assertEquals(-1.4, u.lowest(5), 1e-15); // a missed set of all five labels
        assertEquals(-0.35, new AbstentionUtility(0.1, 0, 0.35).lowest(5), 0);
    }

    @Test
    void armRewardsOnAHandExample() {
        // probabilities (0.6, 0.3, 0.1): LAC scores 0.4, 0.7, 0.9; arms: single, thresholds 0.5 and 0.8, abstain
        ConformalAbstentionPolicy p = ConformalAbstentionPolicy.defaults().withUtility(u);
        ThresholdArms arms = ThresholdArms.of(new double[] {0.5, 0.8});
        double[] probs = {0.6, 0.3, 0.1};
        assertEquals(4, arms.count());
        assertEquals(0.0, p.reward(arms, 0, probs, 0), 0); // single label 0, right
        assertEquals(-1.0, p.reward(arms, 0, probs, 1), 0); // single label 0, wrong
        assertEquals(-1.0, p.reward(arms, 1, probs, 1), 0); // threshold 0.5: {0}, misses 1
        assertEquals(-0.1, p.reward(arms, 2, probs, 1), 1e-15); // threshold 0.8: {0, 1}, covers 1
        assertEquals(-1.1, p.reward(arms, 2, probs, 2), 1e-15); // {0, 1} misses 2
        assertEquals(-0.35, p.reward(arms, 3, probs, 2), 0); // abstain
    }

    @Test
    void badSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new AbstentionUtility(0, 0.1, 0.3));
        assertThrows(IllegalArgumentException.class, () -> new AbstentionUtility(1, -0.1, 0.3));
        assertThrows(IllegalArgumentException.class, () -> ConformalAbstentionPolicy.defaults()
                .withBandit(EpsilonGreedyConfig.defaults()));
        assertThrows(IllegalArgumentException.class, () -> u.prediction(-1, true));
    }
}
