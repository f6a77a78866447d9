package dev.quiver.pipeline.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Installing a stage folder over an older one either succeeds or leaves the older one where it was. */
class StageCacheInstallTest {
    @TempDir
    Path tmp;

    @Test
    void aFailedInstallPutsTheOldFolderBack() throws Exception {
        Path dir = tmp.resolve("learn-abc");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(StageCache.MARKER), "old");
        Path missing = tmp.resolve(".learn-abc.tmp-1");
        assertThrows(IOException.class, () -> StageCache.install(missing, dir));
        assertEquals("old", Files.readString(dir.resolve(StageCache.MARKER)));
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of("learn-abc"), s.map(p -> p.getFileName().toString()).toList(), "no .old- folder left");
        }
    }

    @Test
    void aSuccessfulInstallReplacesTheOldFolder() throws Exception {
        Path dir = tmp.resolve("learn-abc");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(StageCache.MARKER), "old");
        Path fresh = tmp.resolve(".learn-abc.tmp-2");
        Files.createDirectories(fresh);
        Files.writeString(fresh.resolve(StageCache.MARKER), "new");
        StageCache.install(fresh, dir);
        assertEquals("new", Files.readString(dir.resolve(StageCache.MARKER)));
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of("learn-abc"), s.map(p -> p.getFileName().toString()).toList());
        }
    }
}
