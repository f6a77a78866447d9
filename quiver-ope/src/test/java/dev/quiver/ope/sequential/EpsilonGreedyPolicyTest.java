package dev.quiver.ope.sequential;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quiver.core.policy.Policy;
import dev.quiver.core.seed.Seeds;
import dev.quiver.core.space.Discrete;
import dev.quiver.data.collect.EpsilonRandomPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EpsilonGreedyPolicyTest {
    private static final Policy<float[], Integer> GREEDY = o -> (int) o[0];

    @Test
    void givesTheMixtureProbabilities() {
        EpsilonGreedyPolicy<float[]> p = EpsilonGreedyPolicy.of(GREEDY, 4, 0.2);
        assertArrayEquals(new double[] {0.05, 0.05, 0.85, 0.05}, p.probabilities(new float[] {2}), 1e-15);
        assertArrayEquals(new double[] {1, 0, 0}, EpsilonGreedyPolicy.of(GREEDY, 3, 0).probabilities(new float[] {0}));
        assertArrayEquals(new double[] {0.5, 0.5}, EpsilonGreedyPolicy.of(GREEDY, 2, 1).probabilities(new float[] {1}));
        assertEquals(0, EpsilonGreedyPolicy.of(GREEDY, 3, 0).act(new float[] {0}));
        assertThrows(IllegalStateException.class, () -> EpsilonGreedyPolicy.of(GREEDY, 3, 0.1).act(new float[] {0}));
        assertThrows(IllegalStateException.class, () -> EpsilonGreedyPolicy.of(GREEDY, 2, 0.1).probabilities(
                new float[] {5}));
        assertThrows(IllegalArgumentException.class, () -> EpsilonGreedyPolicy.of(GREEDY, 2, 1.5));
    }

    /**
     * It is the action distribution of quiver-data's collector policy: with the same generator both draw the
     * same actions, and over 40,000 draws each action's frequency lies within 5 binomial standard deviations of
     * its probability.
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.5, 0.9})
    void isTheDistributionOfTheCollectorsEpsilonRandomPolicy(double epsilon) {
        float[] obs = {1};
        EpsilonRandomPolicy<float[], Integer> collector = new EpsilonRandomPolicy<>(GREEDY, new Discrete(3), epsilon,
                Seeds.of(3).rng());
        EpsilonGreedyPolicy<float[]> mine = new EpsilonGreedyPolicy<>(GREEDY, 3, epsilon, Seeds.of(3).rng());
        int n = 40_000;
        int[] counts = new int[3];
        for (int i = 0; i < n; i++) {
            int a = collector.act(obs);
            assertEquals(a, mine.act(obs), "draw " + i);
            counts[a]++;
        }
        double[] p = mine.probabilities(obs);
        for (int a = 0; a < 3; a++) {
            double sd = Math.sqrt(n * p[a] * (1 - p[a]));
            assertEquals(n * p[a], counts[a], 5 * sd, "action " + a);
        }
    }
}
