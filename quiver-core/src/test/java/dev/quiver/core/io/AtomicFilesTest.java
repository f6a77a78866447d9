package dev.quiver.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.error.QuiverUserException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void writesReplacesAndCreatesParentsWithoutLeavingTemporaries() throws IOException {
        Path out = dir.resolve("a/b/out.txt");
        AtomicFiles.writeString(out, "first", "test");
        assertEquals("first", Files.readString(out));
        AtomicFiles.writeString(out, "second", "test");
        assertEquals("second", Files.readString(out));
        try (Stream<Path> files = Files.list(out.getParent())) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void aDirectoryTargetIsAUserErrorAndNothingIsWritten() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("sub"));
        QuiverUserException e = assertThrows(QuiverUserException.class,
                () -> AtomicFiles.writeString(sub, "x", "--json sub"));
        assertTrue(e.getMessage().startsWith("--json sub: ") && e.getMessage().contains("directory"), e.getMessage());
        try (Stream<Path> files = Files.list(sub)) {
            assertEquals(0, files.count());
        }
    }
}
