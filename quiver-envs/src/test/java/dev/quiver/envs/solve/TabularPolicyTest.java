package dev.quiver.envs.solve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quiver.core.seed.Seeds;
import org.junit.jupiter.api.Test;

class TabularPolicyTest {

    @Test
    void actFrequenciesMatchTheTable() {
        double[][] table = {{0.2, 0.5, 0.3}, {0.0, 0.0, 1.0}};
        TabularPolicy pi = new TabularPolicy(table, Seeds.rng(4L));
        int n = 30_000;
        int[] counts = new int[3];
        for (int i = 0; i < n; i++) {
            counts[pi.act(0)]++;
        }
        for (int a = 0; a < 3; a++) {
            double p = table[0][a];
            assertEquals(n * p, counts[a], 4 * Math.sqrt(n * p * (1 - p)), "action " + a);
        }
        assertEquals(2, pi.act(1));
        assertArrayEquals(table[0], pi.probabilities(0));
        // Copies, not views.
        pi.probabilities(0)[0] = 9;
        table[0][0] = 9;
        assertEquals(0.2, pi.probabilities(0)[0]);
    }

    @Test
    void sameSeedSameActions() {
        TabularPolicy a = TabularPolicy.uniform(3, 5, Seeds.rng(12L));
        TabularPolicy b = TabularPolicy.uniform(3, 5).withGenerator(Seeds.rng(12L));
        for (int i = 0; i < 100; i++) {
            assertEquals(a.act(i % 3), b.act(i % 3));
        }
    }

    @Test
    void greedyAndUniform() {
        TabularPolicy g = TabularPolicy.greedy(new int[] {2, 0, 1}, 3);
        assertEquals(2, g.act(0));
        assertEquals(0, g.act(1));
        assertEquals(1, g.act(2));
        assertArrayEquals(new double[] {0, 1, 0}, g.probabilities(2));
        assertEquals(3, g.numStates());
        assertEquals(3, g.numActions());
        TabularPolicy u = TabularPolicy.uniform(2, 4);
        assertArrayEquals(new double[] {0.25, 0.25, 0.25, 0.25}, u.probabilities(1));
        assertThrows(IllegalStateException.class, () -> u.act(0));
    }

    @Test
    void badInputsThrow() {
        assertThrows(IllegalArgumentException.class, () -> new TabularPolicy(new double[][] {{0.5, 0.4}}, null));
        assertThrows(IllegalArgumentException.class, () -> new TabularPolicy(new double[][] {{1.0}, {0.5, 0.5}}, null));
        assertThrows(IllegalArgumentException.class, () -> TabularPolicy.greedy(new int[] {3}, 3));
        TabularPolicy g = TabularPolicy.greedy(new int[] {0}, 2);
        assertThrows(IllegalArgumentException.class, () -> g.act(1));
        assertThrows(IllegalArgumentException.class, () -> g.probabilities(-1));
    }
}
