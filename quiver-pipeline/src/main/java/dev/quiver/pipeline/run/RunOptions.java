package dev.quiver.pipeline.run;

import dev.quiver.pipeline.Stage;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

/**
 * How a study is run.
 *
 * @param outRoot the folder that receives the run folder {@code <study>-<timestamp>/} (default {@code runs})
 * @param cacheDir the stage cache (default {@code <outRoot>/.cache})
 * @param threads how many cores work in parallel: 1 runs everything in this JVM; more start that many worker
 *     JVMs for training, estimation and online episodes (results do not depend on it)
 * @param force the stages to recompute even when cached
 * @param listener receives progress
 */
public record RunOptions(Path outRoot, Path cacheDir, int threads, Set<Stage> force, ProgressListener listener) {
    /** Copies the set. */
    public RunOptions {
        force = force.isEmpty() ? EnumSet.noneOf(Stage.class) : EnumSet.copyOf(force);
    }

    /** {@code runs/}, its {@code .cache}, 2 threads, nothing forced, no progress. */
    public static RunOptions defaults() {
        return new RunOptions(Path.of("runs"), null, 2, Set.of(), ProgressListener.NONE);
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
