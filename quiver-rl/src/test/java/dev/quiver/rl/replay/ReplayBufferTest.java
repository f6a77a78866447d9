package dev.quiver.rl.replay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.seed.Seeds;
import dev.quiver.nn.checkpoint.CheckpointReader;
import dev.quiver.nn.checkpoint.CheckpointWriter;
import java.nio.file.Path;
import java.lang.management.ManagementFactory;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReplayBufferTest {

    private static float[] vec(float... v) {
        return v;
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 7, 20})
    void saveAndRestoreGiveTheSameSamples(int added, @TempDir Path dir) {
        for (boolean discrete : new boolean[] {true, false}) {
            ReplayBuffer b = discrete ? ReplayBuffer.discrete(8, 2) : ReplayBuffer.continuous(8, 2, 3);
            UniformRandomProvider data = Seeds.rng(added);
            for (int i = 0; i < added; i++) {
                float[] a = {data.nextFloat(), data.nextFloat(), data.nextFloat()};
                b.add(vec(data.nextFloat(), i), 0, i % 3, a, 0, data.nextDouble() - 0.5, vec(i, data.nextFloat()), 0,
                        data.nextBoolean(), data.nextBoolean(), 1 + i % 2);
            }
            Path ck = dir.resolve("ck-" + discrete);
            CheckpointWriter w = new CheckpointWriter().algorithm("test");
            b.save("replay", w);
            w.write(ck);
            ReplayBuffer r = discrete ? ReplayBuffer.discrete(8, 2) : ReplayBuffer.continuous(8, 2, 3);
            r.restore("replay", CheckpointReader.open(ck));
            assertEquals(b.size(), r.size());
            assertEquals(b.position(), r.position());
            assertEquals(b.added(), r.added());
            Batch x = b.newBatch(16);
            Batch y = r.newBatch(16);
            b.sample(16, Seeds.rng(5), x);
            r.sample(16, Seeds.rng(5), y);
            assertArrayEquals(x.observations(), y.observations());
            assertArrayEquals(x.nextObservations(), y.nextObservations());
            assertArrayEquals(x.rewards(), y.rewards());
            assertArrayEquals(x.terminated(), y.terminated());
            assertArrayEquals(x.steps(), y.steps());
            if (discrete) {
                assertArrayEquals(x.actions(), y.actions());
            } else {
                assertArrayEquals(x.continuousActions(), y.continuousActions());
            }
            ReplayBuffer other = ReplayBuffer.discrete(9, 2);
            QuiverUserException e = assertThrows(QuiverUserException.class,
                    () -> other.restore("replay", CheckpointReader.open(ck)));
            assertTrue(e.getMessage().contains("replay buffer 'replay'"), e.getMessage());
        }
    }

    @Test
    void ringOverwritesOldestFirst() {
        ReplayBuffer b = ReplayBuffer.discrete(3, 2);
        for (int i = 0; i < 5; i++) {
            b.add(vec(i, -i), i % 2, i, vec(i + 1, -(i + 1)), false, false);
        }
        assertEquals(3, b.size());
        assertEquals(5, b.added());
        assertEquals(2, b.position());
        // slot 0 held 0 then 3; slot 1 held 1 then 4; slot 2 still holds 2
        assertEquals(3.0, b.reward(0));
        assertEquals(4.0, b.reward(1));
        assertEquals(2.0, b.reward(2));
        float[] o = new float[2];
        b.observation(0, o, 0);
        assertArrayEquals(vec(3, -3), o);
        b.nextObservation(1, o, 0);
        assertArrayEquals(vec(5, -5), o);
        assertEquals(1, b.action(0));
        assertEquals(0, b.action(1));
    }

    @Test
    void truncationIsNotStoredAsTerminal() {
        ReplayBuffer b = ReplayBuffer.discrete(4, 1);
        b.add(vec(0), 0, 1, vec(1), false, false);
        b.add(vec(1), 0, 1, vec(2), true, false);
        b.add(vec(2), 0, 1, vec(3), false, true);
        assertFalse(b.terminated(0));
        assertFalse(b.done(0));
        assertTrue(b.terminated(1));
        assertTrue(b.done(1));
        assertFalse(b.terminated(2));
        assertTrue(b.done(2));
        assertEquals(1, b.steps(2));
    }

    @Test
    void gatherCopiesRowsFaithfully() {
        ReplayBuffer b = ReplayBuffer.continuous(4, 3, 2);
        for (int i = 0; i < 4; i++) {
            b.add(vec(i, i + 0.5f, i + 0.25f), vec(10 * i, -10 * i), i * 1.5, vec(i + 1, 0, 0), i == 2, i == 3);
        }
        Batch out = b.newBatch(3);
        b.gather(new int[] {2, 0, 3}, 3, out);
        assertEquals(3, out.size());
        assertArrayEquals(new int[] {2, 0, 3}, java.util.Arrays.copyOf(out.indices(), 3));
        assertArrayEquals(vec(2, 2.5f, 2.25f, 0, 0.5f, 0.25f, 3, 3.5f, 3.25f), out.observations());
        assertArrayEquals(vec(3, 0, 0, 1, 0, 0, 4, 0, 0), out.nextObservations());
        assertArrayEquals(vec(20, -20, 0, 0, 30, -30), out.continuousActions());
        assertArrayEquals(new double[] {3.0, 0.0, 4.5}, out.rewards());
        assertArrayEquals(new boolean[] {true, false, false}, out.terminated());
        assertArrayEquals(new boolean[] {true, false, true}, out.done());
    }

    @Test
    void vectorStepSkipsAutoresetCopies() {
        ReplayBuffer b = ReplayBuffer.discrete(10, 1);
        float[] obs = vec(0, 10, 20);
        float[] next = vec(1, 11, 21);
        b.addVectorStep(3, obs, new int[] {0, 1, 0}, new double[] {1, 2, 3}, next, new boolean[] {false, true, false},
                new boolean[] {false, false, true}, new boolean[] {false, false, false});
        assertEquals(3, b.size());
        // next step: copies 1 and 2 are autoresetting; only copy 0 is a real transition
        b.addVectorStep(3, next, new int[] {1, 1, 1}, new double[] {5, 0, 0}, vec(2, 100, 200),
                new boolean[3], new boolean[3], new boolean[] {false, true, true});
        assertEquals(4, b.size());
        assertEquals(5.0, b.reward(3));
        assertTrue(b.terminated(1));
        assertFalse(b.terminated(2));
        assertTrue(b.done(2));
    }

    @Test
    void uniformSamplingFrequenciesMatchTheory() {
        int c = 20;
        ReplayBuffer b = ReplayBuffer.discrete(c, 1);
        for (int i = 0; i < 2 * c; i++) { // wraps once: all slots filled
            b.add(vec(i), 0, i, vec(i), false, false);
        }
        UniformRandomProvider rng = Seeds.of(42).child("replay").rng();
        Batch out = b.newBatch(100);
        long[] counts = new long[c];
        int batches = 2000;
        for (int r = 0; r < batches; r++) {
            b.sample(100, rng, out);
            for (int k = 0; k < 100; k++) {
                counts[out.indices()[k]]++;
                assertEquals(b.reward(out.indices()[k]), out.rewards()[k]);
                assertEquals(1.0, out.weights()[k]);
            }
        }
        double n = batches * 100.0;
        double p = 1.0 / c;
        double sd = Math.sqrt(n * p * (1 - p));
        double chi2 = 0;
        for (long k : counts) {
            // each count is Binomial(n, 1/c): 5 standard deviations
            assertTrue(Math.abs(k - n * p) < 5 * sd, "count " + k + " vs expected " + n * p);
            chi2 += (k - n * p) * (k - n * p) / (n * p);
        }
        // chi-square with 19 degrees of freedom: P(X > 50) is about 1e-4
        assertTrue(chi2 < 50, "chi2 = " + chi2);
    }

    @Test
    void sampleIsReproducibleWithTheSameSeed() {
        ReplayBuffer b = ReplayBuffer.discrete(50, 1);
        for (int i = 0; i < 50; i++) {
            b.add(vec(i), 0, i, vec(i), false, false);
        }
        Batch x = b.newBatch(16);
        Batch y = b.newBatch(16);
        b.sample(16, Seeds.rng(7), x);
        b.sample(16, Seeds.rng(7), y);
        assertArrayEquals(x.indices(), y.indices());
    }

    @Test
    void sampleRejectsBadArguments() {
        ReplayBuffer b = ReplayBuffer.discrete(5, 2);
        Batch out = b.newBatch(4);
        assertThrows(IllegalStateException.class, () -> b.sample(4, Seeds.rng(1), out));
        b.add(vec(0, 0), 0, 0, vec(0, 0), false, false);
        assertThrows(IllegalArgumentException.class, () -> b.sample(5, Seeds.rng(1), out));
        assertThrows(IllegalArgumentException.class,
                () -> b.sample(2, Seeds.rng(1), ReplayBuffer.discrete(5, 3).newBatch(4)));
    }

    @Test
    void addAndSampleDoNotAllocate() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        ReplayBuffer b = ReplayBuffer.discrete(1000, 4);
        Batch out = b.newBatch(32);
        UniformRandomProvider rng = Seeds.rng(3);
        float[] o = new float[4];
        float[] no = new float[4];
        for (int i = 0; i < 20_000; i++) { // warm-up (JIT)
            o[0] = i;
            b.add(o, i & 1, i, no, false, false);
            b.sample(32, rng, out);
        }
        long before = mx.getThreadAllocatedBytes(tid);
        for (int i = 0; i < 10_000; i++) {
            o[0] = i;
            b.add(o, i & 1, i, no, (i & 7) == 0, false);
            b.sample(32, rng, out);
        }
        long allocated = mx.getThreadAllocatedBytes(tid) - before;
        assertTrue(allocated < 8 * 1024, "allocated " + allocated + " bytes over 10,000 add+sample");
    }
}
