package dev.quiver.rl.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.seed.Seeds;
import java.lang.management.ManagementFactory;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class PrioritizedReplayBufferTest {

    private static PrioritizedReplayBuffer filled(int n, double alpha, double eps) {
        PrioritizedReplayBuffer b = PrioritizedReplayBuffer.discrete(n, 1, alpha, eps);
        for (int i = 0; i < n; i++) {
            b.add(new float[] {i}, 0, i, new float[] {i + 1}, false, false);
        }
        return b;
    }

    @Test
    void newTransitionsGetTheMaxPriority() {
        PrioritizedReplayBuffer b = filled(4, 0.5, 0.01);
        for (int i = 0; i < 4; i++) {
            assertEquals(1.0, b.mass(i));
        }
        b.updatePriorities(new int[] {1, 2}, new double[] {-3.99, 0.5}, 2);
        assertEquals(4.0, b.maxPriority(), 1e-12);
        assertEquals(2.0, b.mass(1), 1e-12); // (3.99 + 0.01)^0.5
        assertEquals(Math.sqrt(0.51), b.mass(2), 1e-12);
        // the ring overwrites slot 0 at the max priority
        b.add(new float[] {9}, 0, 9, new float[] {10}, false, false);
        assertEquals(2.0, b.mass(0), 1e-12);
        assertEquals(1 + 2 + Math.sqrt(0.51) + 2, b.totalMass(), 1e-12);
    }

    @Test
    void importanceWeightsOnAHandExample() {
        // ε = 0.5 and |δ| = 0.5, 1.5, 2.5, 3.5 give p = 1, 2, 3, 4; with α = 1, P = 0.1 .. 0.4
        PrioritizedReplayBuffer b = filled(4, 1.0, 0.5);
        b.updatePriorities(new int[] {0, 1, 2, 3}, new double[] {0.5, -1.5, 2.5, 3.5}, 4);
        Batch out = b.newBatch(8);
        UniformRandomProvider rng = Seeds.rng(11);
        for (double beta : new double[] {0.0, 0.4, 1.0}) {
            for (int r = 0; r < 20; r++) {
                b.sample(8, beta, rng, out);
                for (int k = 0; k < 8; k++) {
                    int i = out.indices()[k];
                    double p = i + 1;
                    // w_i = (N P(i))^-β / max_j (N P(j))^-β = (p_min / p_i)^β
                    assertEquals(Math.pow(1.0 / p, beta), out.weights()[k], 1e-12);
                    assertEquals(i, out.rewards()[k]);
                }
            }
        }
        // β = 1, α = 1 with N = 4 spelled out: w = 2.5, 1.25, 0.8333, 0.625 then / 2.5
        double[] raw = {1 / (4 * 0.1), 1 / (4 * 0.2), 1 / (4 * 0.3), 1 / (4 * 0.4)};
        b.sample(8, 1.0, rng, out);
        for (int k = 0; k < 8; k++) {
            assertEquals(raw[out.indices()[k]] / raw[0], out.weights()[k], 1e-12);
        }
    }

    @Test
    void samplingFrequenciesMatchPriorities() {
        int n = 8;
        double alpha = 0.6;
        PrioritizedReplayBuffer b = filled(n, alpha, 1e-6);
        double[] td = {0, 1, 2, 3, 4, 5, 6, 7};
        int[] idx = {0, 1, 2, 3, 4, 5, 6, 7};
        b.updatePriorities(idx, td, n);
        double[] expected = new double[n];
        double z = 0;
        for (int i = 0; i < n; i++) {
            expected[i] = Math.pow(Math.abs(td[i]) + 1e-6, alpha);
            z += expected[i];
        }
        UniformRandomProvider rng = Seeds.of(5).child("per").rng();
        Batch out = b.newBatch(64);
        long[] counts = new long[n];
        int batches = 5000;
        for (int r = 0; r < batches; r++) {
            b.sample(64, 0.4, rng, out);
            for (int k = 0; k < 64; k++) {
                counts[out.indices()[k]]++;
            }
        }
        double draws = batches * 64.0;
        for (int i = 0; i < n; i++) {
            double p = expected[i] / z;
            // stratified draws vary less than independent ones: binomial bounds are conservative
            double sd = Math.sqrt(draws * p * (1 - p));
            assertTrue(Math.abs(counts[i] - draws * p) <= 5 * sd + 1,
                    "slot " + i + ": " + counts[i] + " vs " + draws * p);
        }
    }

    @Test
    void stratifiedSamplingTakesOneDrawPerSegment() {
        // equal masses and a batch as large as the buffer: each segment holds exactly one slot
        PrioritizedReplayBuffer b = filled(8, 0.6, 1e-6);
        Batch out = b.newBatch(8);
        b.sample(8, 0.5, Seeds.rng(1), out);
        for (int k = 0; k < 8; k++) {
            assertEquals(k, out.indices()[k]);
            assertEquals(1.0, out.weights()[k], 1e-12);
        }
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> PrioritizedReplayBuffer.discrete(4, 1, -1, 1e-6));
        assertThrows(IllegalArgumentException.class, () -> PrioritizedReplayBuffer.discrete(4, 1, 0.6, 0));
        PrioritizedReplayBuffer b = filled(4, 0.6, 1e-6);
        Batch out = b.newBatch(2);
        assertThrows(IllegalArgumentException.class, () -> b.sample(2, 1.5, Seeds.rng(1), out));
        assertThrows(IllegalArgumentException.class,
                () -> b.updatePriorities(new int[] {0}, new double[] {Double.NaN}, 1));
        PrioritizedReplayBuffer empty = PrioritizedReplayBuffer.discrete(4, 1, 0.6, 1e-6);
        assertThrows(IndexOutOfBoundsException.class,
                () -> empty.updatePriorities(new int[] {0}, new double[] {1}, 1));
    }

    @Test
    void sampleAndUpdateDoNotAllocate() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        PrioritizedReplayBuffer b = PrioritizedReplayBuffer.discrete(1000, 4, 0.6, 1e-6);
        Batch out = b.newBatch(32);
        double[] td = new double[32];
        UniformRandomProvider rng = Seeds.rng(3);
        float[] o = new float[4];
        for (int i = 0; i < 20_000; i++) {
            o[0] = i;
            b.add(o, i & 1, i, o, false, false);
            b.sample(32, 0.4, rng, out);
            td[i & 31] = (i % 13) * 0.1;
            b.updatePriorities(out.indices(), td, 32);
        }
        long before = mx.getThreadAllocatedBytes(tid);
        for (int i = 0; i < 10_000; i++) {
            o[0] = i;
            b.add(o, i & 1, i, o, false, false);
            b.sample(32, 0.4, rng, out);
            b.updatePriorities(out.indices(), td, 32);
        }
        long allocated = mx.getThreadAllocatedBytes(tid) - before;
        assertTrue(allocated < 8 * 1024, "allocated " + allocated + " bytes over 10,000 add+sample+update");
    }
}
