package dev.quiver.pipeline.cache;

import java.nio.file.Path;

/**
 * A finished stage's folder in the cache.
 *
 * @param dir the folder holding the stage's files
 * @param key the stage's cache key (hash of its configuration and its inputs' content)
 * @param contentHash the hash of the files the stage wrote (what later stages' keys include)
 * @param reused whether the folder was found in the cache rather than computed by this run
 * @param seconds the wall time the stage took when it was computed
 */
public record StageOutput(Path dir, String key, String contentHash, boolean reused, double seconds) {
}
