package dev.quiver.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Runs each benchmark method a few times outside JMH: it must set up and step without errors (no timing). */
class BenchmarksSmokeTest {

    @Test
    void singleEnvStepsThroughSeveralEpisodes() {
        CartPoleStepBenchmark b = new CartPoleStepBenchmark();
        b.setUp();
        int episodes = 0;
        for (int i = 0; i < 1_000; i++) {
            if (b.step().done()) {
                episodes++;
            }
        }
        assertTrue(episodes > 0, "random actions end some CartPole episodes within 1000 steps");
    }

    @Test
    void vectorBenchmarkRunsForBothCopyCountsAndSamplers() {
        for (int numEnvs : new int[] {64, 1024}) {
            for (String actions : new String[] {"bits", "nextInt"}) {
                CartPoleVectorStepBenchmark b = new CartPoleVectorStepBenchmark();
                b.numEnvs = numEnvs;
                b.actions = actions;
                b.setUp();
                assertEquals(numEnvs * 4, b.step().length);
            }
        }
    }

    @Test
    void vectorBenchmarkRejectsACopyCountThatDoesNotDivideTheInvocation() {
        CartPoleVectorStepBenchmark b = new CartPoleVectorStepBenchmark();
        b.numEnvs = 1000;
        b.actions = "bits";
        assertThrows(IllegalArgumentException.class, b::setUp);
    }

    @Test
    void everyClassicVectorEnvSteps() {
        for (String id : new String[] {"CartPole-v1", "MountainCar-v0", "MountainCarContinuous-v0", "Acrobot-v1",
            "Pendulum-v1"}) {
            ClassicVectorStepBenchmark b = new ClassicVectorStepBenchmark();
            b.envId = id;
            b.numEnvs = 64;
            b.setUp();
            assertNotNull(b.step(), id);
        }
    }

    @Test
    void bitsGiveBothActionsAtAboutHalfEach() {
        int[] out = new int[6400];
        RandomActions.fillBits(dev.quiver.core.seed.Seeds.rng(3), out);
        int ones = 0;
        for (int a : out) {
            assertTrue(a == 0 || a == 1);
            ones += a;
        }
        assertTrue(Math.abs(ones - 3200) < 250, "ones = " + ones); // 6.25 standard deviations
    }
}
