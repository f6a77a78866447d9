package dev.quiver.bandits.algo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.seed.Seeds;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Property tests of SquareCB's and FastCB's action distributions on seeded random predictions. */
class InverseGapWeightingTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void squareCbPutsOneOverKPlusGammaGapOnEveryOtherArmAndSumsToOne(long seed) {
        UniformRandomProvider rng = Seeds.of(seed).rng();
        int k = 2 + rng.nextInt(9);
        double gamma = rng.nextDouble() * 100;
        double[] yhat = new double[k];
        for (int a = 0; a < k; a++) {
            yhat[a] = rng.nextDouble() * 2 - 1;
        }
        double[] p = InverseGapWeighting.squareCb(yhat, gamma, new double[k]);
        int b = Arrays2.argmax(yhat);
        double sum = 0;
        for (int a = 0; a < k; a++) {
            sum += p[a];
            if (a != b) {
                assertEquals(1.0 / (k + gamma * (yhat[b] - yhat[a])), p[a], 0.0, "arm " + a);
            }
            assertTrue(p[a] > 0, "every arm keeps positive mass");
        }
        assertEquals(1.0, sum, 1e-12);
        // the greedy arm keeps at least 1/K: every other arm has at most 1/K
        assertTrue(p[b] >= 1.0 / k - 1e-12, "p_b = " + p[b]);
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14, 15})
    void fastCbReweightsByTheBestLossAndSumsToOne(long seed) {
        UniformRandomProvider rng = Seeds.of(seed).rng();
        int k = 2 + rng.nextInt(9);
        double gamma = rng.nextDouble() * 100;
        double[] lhat = new double[k];
        for (int a = 0; a < k; a++) {
            lhat[a] = rng.nextDouble();
        }
        double[] p = InverseGapWeighting.fastCb(lhat, gamma, new double[k]);
        int b = Arrays2.argmin(lhat);
        double sum = 0;
        for (int a = 0; a < k; a++) {
            sum += p[a];
            if (a != b) {
                assertEquals(lhat[b] / (k * lhat[b] + gamma * (lhat[a] - lhat[b])), p[a], 0.0);
            }
        }
        assertEquals(1.0, sum, 1e-12);
        assertTrue(p[b] >= 1.0 / k - 1e-12);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 1, 10})
    void equalPredictionsGiveTheUniformDistribution(double gamma) {
        double[] p = InverseGapWeighting.squareCb(new double[] {0.3, 0.3, 0.3, 0.3}, gamma, new double[4]);
        double[] q = InverseGapWeighting.fastCb(new double[] {0.3, 0.3, 0.3, 0.3}, gamma, new double[4]);
        double[] z = InverseGapWeighting.fastCb(new double[] {0, 0, 0, 0}, gamma, new double[4]);
        for (int a = 0; a < 4; a++) {
            assertEquals(0.25, p[a], 1e-15);
            assertEquals(0.25, q[a], 1e-15);
            assertEquals(0.25, z[a], 1e-15);
        }
    }

    @org.junit.jupiter.api.Test
    void fastCbPutsNoMassOnWorseArmsWhenTheBestLossIsZero() {
        double[] p = InverseGapWeighting.fastCb(new double[] {0.5, 0.0, 0.2}, 5, new double[3]);
        assertEquals(0.0, p[0]);
        assertEquals(1.0, p[1]);
        assertEquals(0.0, p[2]);
    }
}
