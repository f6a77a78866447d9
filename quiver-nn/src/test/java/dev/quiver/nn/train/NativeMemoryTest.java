package dev.quiver.nn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.seed.Seeds;
import dev.quiver.nn.net.Mlp;
import dev.quiver.nn.net.Network;
import dev.quiver.nn.optim.Adam;
import dev.quiver.nn.optim.Optimizer;
import dev.quiver.nn.target.TargetNetworks;
import org.junit.jupiter.api.Test;

/**
 * Native memory stays flat over thousands of update steps: the number of live arrays in the network's
 * manager is constant, and the bytes in use on the native (malloc) heap do not grow. RSS is not asserted
 * tightly: it also grows while the JVM first touches its own heap (about 80 kB of Java garbage per step),
 * which says nothing about native leaks. A leak of the step's activations would be over 200 kB a step here.
 */
class NativeMemoryTest {
    private static long settledNativeBytes() throws InterruptedException {
        System.gc(); // frees direct buffers held only by garbage
        Thread.sleep(50);
        return NativeHeap.inUseBytes();
    }

    @Test
    void liveArraysAndNativeHeapStayFlatOverThousandsOfSteps() throws Exception {
        Mlp spec = Mlp.of(1, 1, 128, 128);
        try (Network net = Network.create(spec, Seeds.of(1)); Network target = net.copy();
                Optimizer opt = new Adam(Adam.Config.adam(1e-3), net)) {
            GradientStep step = new GradientStep(opt, net.manager(), 1.0);
            int s = 0;
            for (; s < 300; s++) {
                step.step(Sine.mseBatch(net, 1, s, 128));
                TargetNetworks.polyakUpdate(target, net, 0.005);
            }
            int arraysBefore = net.manager().getManagedArrays().size();
            long nativeBefore = settledNativeBytes();
            long rssBefore = NativeHeap.rssKb();
            for (; s < 3300; s++) {
                step.step(Sine.mseBatch(net, 1, s, 128));
                TargetNetworks.polyakUpdate(target, net, 0.005);
            }
            long nativeAfter = settledNativeBytes();
            long rssAfter = NativeHeap.rssKb();
            System.out.printf("native heap in use: %d -> %d bytes; RSS %d -> %d kB over 3000 steps%n",
                    nativeBefore, nativeAfter, rssBefore, rssAfter);
            assertEquals(arraysBefore, net.manager().getManagedArrays().size(), "live arrays in the network's manager");
            if (nativeBefore >= 0) {
                assertTrue(nativeAfter - nativeBefore < 16L << 20,
                        "native heap grew " + (nativeAfter - nativeBefore) + " bytes over 3000 steps");
            }
            assertTrue(rssAfter - rssBefore < 400_000, "RSS grew " + (rssAfter - rssBefore) + " kB over 3000 steps");
        }
    }
}
