package dev.quiver.rl.offline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Structure;
import dev.quiver.core.env.Env;
import dev.quiver.core.registry.Envs;
import dev.quiver.data.dataset.EpisodeDataset;
import dev.quiver.rl.agent.TrainedPolicy;
import dev.quiver.rl.offline.iql.IqlConfig;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Native memory does not grow over IQL's gradient steps: the bytes in use on glibc's malloc heap (where
 * PyTorch's CPU allocator gets its memory; {@code mallinfo2}, as quiver-nn's native-memory test reads it) are
 * measured inside the training callback at steps 100 and 600. A leak of one step's arrays (inputs,
 * activations of 64 × 64 floats, 16 kB each, and gradient handles of five networks: over 100 kB) would add
 * over 50 MB in the 500 steps between; the allowance is 16 MB.
 */
class OfflineNativeMemoryTest {
    @Structure.FieldOrder({"arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks",
            "fordblks", "keepcost"})
    public static class MallInfo2 extends Structure implements Structure.ByValue {
        public long arena;
        public long ordblks;
        public long smblks;
        public long hblks;
        public long hblkhd;
        public long usmblks;
        public long fsmblks;
        public long uordblks;
        public long fordblks;
        public long keepcost;
    }

    interface Libc extends Library {
        MallInfo2 mallinfo2();
    }

    private static long nativeBytes() {
        System.gc(); // frees direct buffers held only by garbage
        try {
            Thread.sleep(50);
            MallInfo2 m = Native.load("c", Libc.class).mallinfo2();
            return m.uordblks + m.hblkhd;
        } catch (Throwable e) {
            return -1;
        }
    }

    @Test
    void iqlNativeHeapStaysFlat() {
        Assumptions.assumeTrue(nativeBytes() >= 0, "glibc mallinfo2 not available: skipped");
        EpisodeDataset data = TestDatasets.continuous("MountainCarContinuous-v0", ScriptedPolicies.mountainCar(), 5,
                0.5, 2);
        long[] at = new long[2];
        try (Env<float[], float[]> env = Envs.make("MountainCarContinuous-v0")) {
            OfflineLearner<float[]> learner = IqlConfig.defaults().withHidden(64, 64).withBatchSize(64)
                    .build(env.spec());
            try (TrainedPolicy<float[]> p = learner.fit(data, 600, 1, (step, m) -> {
                if (step + 1 == 100) {
                    at[0] = nativeBytes();
                } else if (step + 1 == 600) {
                    at[1] = nativeBytes();
                }
            })) {
                System.out.printf("IQL native heap in use: %d -> %d bytes over 500 gradient steps%n", at[0], at[1]);
                assertTrue(at[1] - at[0] < 16L << 20, "native heap grew " + (at[1] - at[0]) + " bytes");
            }
        }
    }
}
