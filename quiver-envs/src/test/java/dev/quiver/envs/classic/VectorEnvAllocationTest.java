package dev.quiver.envs.classic;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.quiver.core.seed.Seeds;
import dev.quiver.core.space.Discrete;
import dev.quiver.core.vector.FlatVectorEnv;
import java.lang.management.ManagementFactory;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The struct-of-arrays vector envs must not allocate per step (autoresets included): the heap bytes
 * this thread allocates over 5,000 vector steps of 64 copies stay below a small constant, where even
 * 16 bytes per env-step would add up to 5 MB.
 */
class VectorEnvAllocationTest {

    @ParameterizedTest
    @ValueSource(strings = {"CartPole-v1", "MountainCar-v0", "MountainCarContinuous-v0", "Acrobot-v1", "Pendulum-v1"})
    void steppingAllocatesNothing(String id) {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "per-thread allocation counter not available");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(threads.isThreadAllocatedMemorySupported(), "per-thread allocation counter not supported");
        threads.setThreadAllocatedMemoryEnabled(true);

        int n = 64;
        FlatVectorEnv env = ClassicControl.vector(id, n);
        boolean discrete = env.spec().actionSpace() instanceof Discrete;
        int numActions = discrete ? ((Discrete) env.spec().actionSpace()).n() : 0;
        float high = id.startsWith("Pendulum") ? 2f : 1f;
        int[] da = new int[n];
        float[] ca = new float[n];
        UniformRandomProvider rng = Seeds.rng(1);
        env.reset(0);
        run(env, discrete, numActions, high, da, ca, rng, 1_000);
        long tid = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(tid);
        run(env, discrete, numActions, high, da, ca, rng, 5_000);
        long allocated = threads.getThreadAllocatedBytes(tid) - before;
        assertTrue(allocated < 8_192, id + " allocated " + allocated + " bytes over 320,000 env-steps");
    }

    private static void run(FlatVectorEnv env, boolean discrete, int numActions, float high, int[] da, float[] ca,
            UniformRandomProvider rng, int steps) {
        for (int t = 0; t < steps; t++) {
            if (discrete) {
                for (int i = 0; i < da.length; i++) {
                    da[i] = rng.nextInt(numActions);
                }
                env.step(da);
            } else {
                for (int i = 0; i < ca.length; i++) {
                    ca[i] = (float) (-high + 2 * high * rng.nextDouble());
                }
                env.step(ca);
            }
        }
    }
}
