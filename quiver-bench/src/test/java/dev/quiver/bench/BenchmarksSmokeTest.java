package dev.quiver.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.estimate.Estimate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void atari100kBootstrapRunsTheWholeTableWithFewReps() {
        String dir = atari100kDir();
        Assumptions.assumeTrue(dir != null, "shared/data/rliable-atari100k not found: skipped");
        for (int threads : new int[] {1, 2}) {
            Atari100kBootstrapBenchmark b = new Atari100kBootstrapBenchmark();
            b.threads = threads;
            b.data = dir;
            b.reps = 300;
            b.setUp();
            Map<String, Map<String, Estimate>> table = b.fullTable();
            assertEquals(List.of("DER", "OTR", "DrQ", "DrQ(eps)", "SPR", "SimPLe", "CURL"), List.copyOf(table.keySet()));
            for (Map<String, Estimate> metrics : table.values()) {
                assertEquals(List.of("median", "iqm", "mean", "og"), List.copyOf(metrics.keySet()));
                for (Estimate e : metrics.values()) {
                    // a percentile interval need not contain the point; it must be a finite, ordered interval
                    assertTrue(Double.isFinite(e.low()) && e.low() <= e.high() && Double.isFinite(e.high()), e.toString());
                }
            }
        }
    }

    @Test
    void atari100kBootstrapFailsSetupClearlyWithoutTheData(@TempDir Path empty) {
        Atari100kBootstrapBenchmark b = new Atari100kBootstrapBenchmark();
        b.threads = 1;
        b.data = empty.toString();
        b.reps = 10;
        IllegalStateException e = assertThrows(IllegalStateException.class, b::setUp);
        assertTrue(e.getMessage().contains("atari100k_scores.csv") && e.getMessage().contains("-p data=DIR"), e.getMessage());
    }

    /** {@code shared/data/rliable-atari100k} from the module or the repository root, or null. */
    private static String atari100kDir() {
        for (String c : List.of("../../shared/data/rliable-atari100k", "../shared/data/rliable-atari100k")) {
            if (Files.isRegularFile(Path.of(c, Atari100kBootstrapBenchmark.SCORES_FILE))) {
                return c;
            }
        }
        return null;
    }
}
