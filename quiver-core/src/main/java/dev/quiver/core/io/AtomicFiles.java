package dev.quiver.core.io;

import dev.quiver.core.error.QuiverUserException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Writes files so that readers never see a half-written one: the bytes go to a fresh temporary file
 * next to the target (same file system), which is then moved over the target atomically. Missing
 * parent directories are created; a failure leaves the target as it was and no temporary file behind.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /**
     * Writes {@code bytes} to {@code out} atomically.
     *
     * @param what how the file is named in error messages, e.g. {@code "--json out.json"}
     * @throws QuiverUserException if {@code out} is a directory or cannot be written (the message names
     *     {@code what} and the cause)
     */
    public static void write(Path out, byte[] bytes, String what) {
        Path target = out.toAbsolutePath().normalize();
        Path dir = target.getParent();
        Path tmp = null;
        try {
            if (Files.isDirectory(target)) {
                throw new QuiverUserException(what + ": " + out + " is a directory; give a file name");
            }
            Files.createDirectories(dir);
            // a fresh name next to the target, created with the default permissions (createTempFile
            // would make it owner-only)
            tmp = dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
                    + Long.toHexString(System.nanoTime()) + ".tmp");
            Files.write(tmp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new QuiverUserException(what + ": cannot write " + out + ": " + e, e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the original error matters more
                }
            }
        }
    }

    /** Writes {@code text} as UTF-8 to {@code out} atomically (see {@link #write(Path, byte[], String)}). */
    public static void writeString(Path out, CharSequence text, String what) {
        write(out, text.toString().getBytes(StandardCharsets.UTF_8), what);
    }

    /** Deletes {@code dir} and everything below it, if it exists (children before parents). */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path q : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(q);
            }
        }
    }

    /**
     * {@link #deleteTree(Path)}, failing with a message naming {@code what}.
     *
     * @throws QuiverUserException if it cannot be deleted
     */
    public static void deleteTree(Path dir, String what) {
        try {
            deleteTree(dir);
        } catch (IOException e) {
            throw new QuiverUserException("cannot delete " + what + ": " + e.getMessage(), e);
        }
    }
}
