package dev.quiver.rl.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.seed.Seeds;
import org.junit.jupiter.api.Test;

class EpsilonGreedyTest {

    @Test
    void probabilitiesFollowTheFormula() {
        EpsilonGreedy<float[]> p = new EpsilonGreedy<>(o -> 2, 4, 0.2, Seeds.rng(1));
        assertArrayEquals(new double[] {0.05, 0.05, 0.85, 0.05}, p.probabilities(new float[1]), 1e-12);
        p.setEpsilon(0);
        assertArrayEquals(new double[] {0, 0, 1, 0}, p.probabilities(new float[1]), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> p.setEpsilon(1.1));
    }

    @Test
    void empiricalFrequenciesMatchProbabilities() {
        EpsilonGreedy<float[]> p = new EpsilonGreedy<>(o -> 1, 3, 0.3, Seeds.of(9).child("explore").rng());
        double[] expected = p.probabilities(null);
        int n = 60_000;
        long[] counts = new long[3];
        for (int i = 0; i < n; i++) {
            counts[p.act(null)]++;
        }
        for (int a = 0; a < 3; a++) {
            double sd = Math.sqrt(n * expected[a] * (1 - expected[a]));
            assertTrue(Math.abs(counts[a] - n * expected[a]) < 5 * sd, "action " + a + ": " + counts[a]);
        }
        assertEquals(0.3 / 3 + 0.7, expected[1], 1e-12);
    }

    @Test
    void rejectsGreedyActionsOutOfRange() {
        EpsilonGreedy<float[]> p = new EpsilonGreedy<>(o -> 5, 3, 0.0, Seeds.rng(1));
        assertThrows(IllegalStateException.class, () -> p.act(null));
    }
}
