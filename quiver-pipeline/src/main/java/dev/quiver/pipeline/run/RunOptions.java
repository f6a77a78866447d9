package dev.quiver.pipeline.run;

import dev.quiver.pipeline.Stage;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

/**
 * How a study is run.
 *
 * @param outRoot the folder that receives the run folder {@code <study>-<timestamp>/} (default {@code runs})
 * @param cacheDir the stage cache (default {@code <outRoot>/.cache})
 * @param threads how many cores work in parallel: 1 runs everything in this JVM; more start that many worker
 *     JVMs for training, estimation and online episodes (results do not depend on it; default {@link
 *     #defaultThreads()})
 * @param force the stages to recompute even when cached
 * @param listener receives progress
 */
public record RunOptions(Path outRoot, Path cacheDir, int threads, Set<Stage> force, ProgressListener listener) {
    /** Copies the set. */
    public RunOptions {
        force = force.isEmpty() ? EnumSet.noneOf(Stage.class) : EnumSet.copyOf(force);
    }

    /** The memory one worker JVM is given room for: its {@code -Xmx2g} heap plus the JVM's and DJL's own. */
    public static final double GIB_PER_WORKER = 2.5;

    /** {@code runs/}, its {@code .cache}, {@link #defaultThreads()} threads, nothing forced, no progress. */
    public static RunOptions defaults() {
        return new RunOptions(Path.of("runs"), null, defaultThreads(), Set.of(), ProgressListener.NONE);
    }

    /**
     * The default number of threads: the available processors, but at most one worker per {@value
     * #GIB_PER_WORKER} GiB of physical memory (each worker JVM runs with a 2 GiB heap), i.e. {@code
     * min(processors, max(1, floor(memory GiB / 2.5)))}. The memory is the machine's total as the JVM reports it
     * ({@code com.sun.management.OperatingSystemMXBean#getTotalMemorySize}); where that is not available, the
     * number of processors.
     */
    public static int defaultThreads() {
        int processors = Runtime.getRuntime().availableProcessors();
        long bytes = totalMemoryBytes();
        if (bytes <= 0) {
            return processors;
        }
        return threadsFor(processors, bytes);
    }

    /** {@code min(processors, max(1, floor(memoryBytes / 2.5 GiB)))}. */
    static int threadsFor(int processors, long memoryBytes) {
        long byMemory = (long) Math.floor(memoryBytes / (GIB_PER_WORKER * (1L << 30)));
        return (int) Math.max(1, Math.min(processors, byMemory));
    }

    private static long totalMemoryBytes() {
        try {
            if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
                return os.getTotalMemorySize();
            }
        } catch (RuntimeException | LinkageError e) {
            // not a HotSpot-style JVM: fall back to the processors
        }
        return -1;
    }

    /** The cache folder in force. */
    public Path cache() {
        return cacheDir != null ? cacheDir : outRoot.resolve(".cache");
    }

    /** A copy writing under {@code dir}. */
    public RunOptions withOutRoot(Path dir) {
        return new RunOptions(dir, cacheDir, threads, force, listener);
    }

    /** A copy with another cache folder. */
    public RunOptions withCacheDir(Path dir) {
        return new RunOptions(outRoot, dir, threads, force, listener);
    }

    /** A copy with {@code n} threads. */
    public RunOptions withThreads(int n) {
        return new RunOptions(outRoot, cacheDir, n, force, listener);
    }

    /** A copy forcing {@code stages}. */
    public RunOptions withForce(Set<Stage> stages) {
        return new RunOptions(outRoot, cacheDir, threads, stages, listener);
    }

    /** A copy reporting to {@code l}. */
    public RunOptions withListener(ProgressListener l) {
        return new RunOptions(outRoot, cacheDir, threads, force, l);
    }
}
