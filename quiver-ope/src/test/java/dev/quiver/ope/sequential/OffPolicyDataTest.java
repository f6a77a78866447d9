package dev.quiver.ope.sequential;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.policy.DiscreteStochasticPolicy;
import dev.quiver.data.dataset.EpisodeDataset;
import org.junit.jupiter.api.Test;

class OffPolicyDataTest {

    @Test
    void preparesRatiosAndDistributions() {
        OffPolicyData d = OpeFixtures.hand();
        assertEquals(2, d.numActions());
        assertEquals(2, d.numEpisodes());
        assertEquals(0.25, d.behaviourPropensity(0, 1));
        assertArrayEquals(new double[] {0.8, 0.2}, d.evaluationProbabilities(0, 2), "the final observation of A is 0");
        assertArrayEquals(new double[] {0.8, 0.2}, d.evaluationProbabilities(1, 1));
        // mean undiscounted return (3 + 3) / 2, discounted at 0.5: (1 + 0.5 * 2 + 3) / 2
        assertEquals(3.0, d.behaviourReturnMean(1.0), 1e-12);
        assertEquals(2.5, d.behaviourReturnMean(0.5), 1e-12);
    }

    @Test
    void aBehaviourPolicyGivesTheSameRatiosAsItsPropensities() {
        OffPolicyData given = OpeFixtures.hand();
        DiscreteStochasticPolicy<float[]> behaviour = EpsilonGreedyPolicy.of(o -> (int) o[0], 2, 1.0);
        OffPolicyData fromPolicy = OffPolicyData.of(given.dataset(), OpeFixtures.handEvaluation(), behaviour);
        // uniform behaviour: every propensity is 0.5
        assertEquals(0.5, fromPolicy.behaviourPropensity(0, 1));
        assertEquals(1.6, fromPolicy.ratio(0, 0), 1e-12);
        assertEquals(1.0, fromPolicy.ratio(0, 1), 1e-12);
    }

    @Test
    void resamplingRepeatsEpisodesWithTheirPreparedValues() {
        OffPolicyData d = OpeFixtures.hand();
        OffPolicyData r = d.resample(new int[] {0, 3});
        assertEquals(3, r.numEpisodes());
        for (int i = 0; i < 3; i++) {
            assertEquals(1.0, r.ratio(i, 0), 1e-12);
            assertArrayEquals(d.evaluationProbabilities(1, 1), r.evaluationProbabilities(i, 1));
        }
        assertEquals(3.0, PerDecisionImportanceSampling.episodeValues(r, 0.5)[2], 1e-12);
        assertThrows(IllegalArgumentException.class, () -> d.resample(new int[] {0, 0}));
    }

    @Test
    void refusesWhatCannotBeEstimated() {
        OffPolicyData d = OpeFixtures.hand();
        EpisodeDataset ds = d.dataset();
        DiscreteStochasticPolicy<float[]> eval = OpeFixtures.handEvaluation();
        QuiverUserException zero = assertThrows(QuiverUserException.class,
                () -> OffPolicyData.of(ds, eval, new double[] {0.5, 0.0, 0.5}));
        assertTrue(zero.getMessage().contains("episode 0, step 1") && zero.getMessage().contains("never takes it"),
                zero.getMessage());
        QuiverUserException count = assertThrows(QuiverUserException.class,
                () -> OffPolicyData.of(ds, eval, new double[] {0.5}));
        assertTrue(count.getMessage().contains("3 steps"), count.getMessage());
        DiscreteStochasticPolicy<float[]> bad = new DiscreteStochasticPolicy<>() {
            @Override
            public double[] probabilities(float[] o) {
                return o[0] == 0 ? new double[] {0.5, 0.5} : new double[] {0.7, 0.7};
            }

            @Override
            public Integer act(float[] o) {
                return 0;
            }
        };
        QuiverUserException sum = assertThrows(QuiverUserException.class, () -> OffPolicyData.of(ds, bad,
                new double[] {0.5, 0.5, 0.5}));
        assertTrue(sum.getMessage().contains("sum to 1.4"), sum.getMessage());
        EpisodeDataset continuous = EpisodeDataset.continuousBuilder(1, 1).addEpisode(new float[] {0, 0},
                new float[] {0.5f}, new double[] {1}, new boolean[] {true}, new boolean[] {false}).build();
        assertThrows(QuiverUserException.class, () -> OffPolicyData.of(continuous, eval, new double[] {1}));
    }
}
