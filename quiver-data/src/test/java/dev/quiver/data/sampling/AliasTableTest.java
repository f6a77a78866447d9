package dev.quiver.data.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.seed.Seeds;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class AliasTableTest {

    @Test
    void impliedProbabilitiesAreTheNormalisedWeights() {
        UniformRandomProvider rng = Seeds.rng(11);
        for (int n : new int[] {1, 2, 3, 7, 100, 1000}) {
            double[] w = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                w[i] = i % 5 == 3 ? 0.0 : Math.exp(6 * rng.nextDouble());
                sum += w[i];
            }
            if (sum == 0) {
                w[0] = 1;
                sum = 1;
            }
            AliasTable t = new AliasTable(w);
            assertEquals(n, t.size());
            double total = 0;
            for (int i = 0; i < n; i++) {
                assertEquals(w[i] / sum, t.probability(i), 1e-14, "n=" + n + ", outcome " + i);
                total += t.probability(i);
            }
            assertEquals(1.0, total, 1e-12);
        }
    }

    @Test
    void drawsMatchTheProbabilitiesWithinBinomialBounds() {
        double[] w = {1, 0, 2, 3, 0.5, 10, 0.01};
        double sum = 16.51;
        AliasTable t = new AliasTable(w);
        UniformRandomProvider rng = Seeds.rng(2024);
        int m = 400_000;
        int[] counts = new int[w.length];
        for (int i = 0; i < m; i++) {
            counts[t.sample(rng)]++;
        }
        assertEquals(0, counts[1], "a zero weight is never drawn");
        for (int i = 0; i < w.length; i++) {
            double p = w[i] / sum;
            // 5 standard deviations of Binomial(m, p): two-sided tail below 6e-7 per outcome
            double tol = 5 * Math.sqrt(m * p * (1 - p));
            assertTrue(Math.abs(counts[i] - m * p) <= tol, "outcome " + i + ": " + counts[i] + " vs " + m * p
                    + " +- " + tol);
        }
    }

    @Test
    void rejectsBadWeights() {
        assertThrows(IllegalArgumentException.class, () -> new AliasTable(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> new AliasTable(new double[] {1, -1}));
        assertThrows(IllegalArgumentException.class, () -> new AliasTable(new double[] {1, Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> new AliasTable(new double[] {1, Double.POSITIVE_INFINITY}));
        assertThrows(IllegalArgumentException.class, () -> new AliasTable(new double[] {0, 0}));
    }
}
