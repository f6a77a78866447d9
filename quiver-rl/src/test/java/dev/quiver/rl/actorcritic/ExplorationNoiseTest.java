package dev.quiver.rl.actorcritic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.seed.Seeds;
import org.junit.jupiter.api.Test;

class ExplorationNoiseTest {
    @Test
    void gaussianNoiseHasTheRequestedScale() {
        ExplorationNoise n = NoiseType.GAUSSIAN.create(0.1, 1, Seeds.of(1).rng());
        double ss = 0;
        int count = 20_000;
        for (int i = 0; i < count; i++) {
            float[] a = new float[1];
            n.addTo(a);
            ss += a[0] * a[0];
        }
        // the sample standard deviation of 20,000 draws is within 2% of sigma with overwhelming probability
        assertEquals(0.1, Math.sqrt(ss / count), 0.002);
    }

    /**
     * The Ornstein-Uhlenbeck process is strongly correlated from step to step (lag-1 correlation
     * 1 − θ dt ≈ 0.9985), starts from 0 after a reset, and repeats with the same seed.
     */
    @Test
    void ornsteinUhlenbeckNoiseIsCorrelatedAndResets() {
        ExplorationNoise n = NoiseType.ORNSTEIN_UHLENBECK.create(0.5, 1, Seeds.of(2).rng());
        double prev = 0;
        double sumXy = 0;
        double sumXx = 0;
        for (int i = 0; i < 20_000; i++) {
            float[] a = new float[1];
            n.addTo(a);
            sumXy += prev * a[0];
            sumXx += prev * prev;
            prev = a[0];
        }
        assertTrue(sumXy / sumXx > 0.99, "lag-1 regression slope " + sumXy / sumXx);
        n.reset();
        float[] first = new float[1];
        n.addTo(first);
        // after a reset one step is a single draw of sigma * sqrt(dt) = 0.05 scale
        assertTrue(Math.abs(first[0]) < 0.25, "first value after reset " + first[0]);

        float[][] runs = new float[2][5];
        for (int r = 0; r < 2; r++) {
            ExplorationNoise m = new OrnsteinUhlenbeckNoise(0.5, 5, Seeds.of(9).rng());
            m.addTo(runs[r]);
        }
        assertArrayEquals(runs[0], runs[1]);
    }
}
