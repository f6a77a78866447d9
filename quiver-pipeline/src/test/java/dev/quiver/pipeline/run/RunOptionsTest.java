package dev.quiver.pipeline.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The default thread count: the processors, at most one worker JVM per 2.5 GiB of memory, at least one. */
class RunOptionsTest {
    private static final long GIB = 1L << 30;

    @Test
    void defaultThreadsAreCappedByMemory() {
        assertEquals(2, RunOptions.threadsFor(2, 23 * GIB), "memory for 9 workers, 2 processors");
        assertEquals(3, RunOptions.threadsFor(16, 8 * GIB), "floor(8 / 2.5) = 3");
        assertEquals(2, RunOptions.threadsFor(16, 5 * GIB), "5 GiB / 2.5 = 2 exactly");
        assertEquals(1, RunOptions.threadsFor(16, 2 * GIB), "at least one");
        int d = RunOptions.defaultThreads();
        assertTrue(d >= 1 && d <= Runtime.getRuntime().availableProcessors(), Integer.toString(d));
        assertEquals(d, RunOptions.defaults().threads());
    }
}
