package dev.quiver.nn.runtime;

import java.nio.file.Path;

/**
 * The settings DJL reads once, when the PyTorch engine starts: intra-op and inter-op thread counts and
 * the directory the bundled native libraries are extracted to.
 *
 * @param intraOpThreads threads for one operator ({@code ai.djl.pytorch.num_threads}), at least 1
 * @param interOpThreads threads across operators ({@code ai.djl.pytorch.num_interop_threads}), at least 1
 * @param engineCacheDir where the PyTorch natives are extracted ({@code ENGINE_CACHE_DIR}); DJL adds
 *     {@code pytorch/<version>-cpu-linux-x86_64} below it
 */
public record NnSettings(int intraOpThreads, int interOpThreads, Path engineCacheDir) {
    /** Validates the thread counts. */
    public NnSettings {
        if (intraOpThreads < 1 || interOpThreads < 1) {
            throw new IllegalArgumentException("thread counts must be >= 1, got intra-op " + intraOpThreads
                    + ", inter-op " + interOpThreads);
        }
        engineCacheDir = engineCacheDir.toAbsolutePath().normalize();
    }

    /**
     * The defaults: one intra-op and one inter-op thread (results then do not depend on the machine's
     * core count, and on 2 cores more threads stall), natives under {@link #defaultCacheDir()}.
     */
    public static NnSettings defaults() {
        return new NnSettings(1, 1, defaultCacheDir());
    }

    /**
     * The native cache directory used when none is given: the {@code ENGINE_CACHE_DIR} environment
     * variable or system property if set (DJL reads it first), else {@code DJL_CACHE_DIR} likewise,
     * else {@code ~/.quiver/djl} (or {@code <java.io.tmpdir>/quiver-djl} when the home directory is not
     * writable). About 430 MB are extracted there on the first start.
     */
    public static Path defaultCacheDir() {
        for (String key : new String[] {"ENGINE_CACHE_DIR", "DJL_CACHE_DIR"}) {
            String v = System.getenv(key);
            if (v == null || v.isEmpty()) {
                v = System.getProperty(key);
            }
            if (v != null && !v.isEmpty()) {
                return Path.of(v);
            }
        }
        Path home = Path.of(System.getProperty("user.home", "."));
        if (java.nio.file.Files.isWritable(home)) {
            return home.resolve(".quiver").resolve("djl");
        }
        return Path.of(System.getProperty("java.io.tmpdir")).resolve("quiver-djl");
    }

    /** A copy with {@code n} intra-op threads. */
    public NnSettings withIntraOpThreads(int n) {
        return new NnSettings(n, interOpThreads, engineCacheDir);
    }

    /** A copy with {@code n} inter-op threads. */
    public NnSettings withInterOpThreads(int n) {
        return new NnSettings(intraOpThreads, n, engineCacheDir);
    }

    /** A copy with another native cache directory. */
    public NnSettings withEngineCacheDir(Path dir) {
        return new NnSettings(intraOpThreads, interOpThreads, dir);
    }
}
