package dev.quiver.data.io;

import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A dataset file or directory written under a temporary name next to its target (same file system) and
 * moved onto the target in one rename when complete, so that readers never see a half-written dataset.
 * The target must not exist yet: datasets are not silently replaced. On any failure the temporary file
 * or directory is deleted and the target is left as it was (absent).
 */
final class AtomicOutput implements AutoCloseable {
    private final Path target;
    private final Path temp;
    private final String what;
    private boolean committed;

    private AtomicOutput(Path target, Path temp, String what) {
        this.target = target;
        this.temp = temp;
        this.what = what;
    }

    /**
     * Reserves a temporary name for {@code target} (creating missing parent directories).
     *
     * @param what how messages name the output, e.g. {@code "dataset"}
     * @throws QuiverUserException if the target exists or its directory cannot be created
     */
    static AtomicOutput begin(Path target, String what) {
        Path t = target.toAbsolutePath().normalize();
        if (Files.exists(t)) {
            throw new QuiverUserException(what + " " + target + ": already exists; remove it or choose another path");
        }
        Path dir = t.getParent();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new QuiverUserException(what + " " + target + ": cannot create directory " + dir + ": " + e, e);
        }
        Path temp = dir.resolve("." + t.getFileName() + "." + ProcessHandle.current().pid() + "."
                + Long.toHexString(System.nanoTime()) + ".tmp");
        return new AtomicOutput(t, temp, what);
    }

    /** The temporary path to write to (not created). */
    Path temp() {
        return temp;
    }

    /**
     * Moves the temporary file or directory onto the target.
     *
     * @throws QuiverUserException if the target appeared meanwhile or the move fails
     */
    void commit() {
        if (Files.exists(target)) {
            throw new QuiverUserException(what + " " + target + ": already exists (created while writing); remove it"
                    + " or choose another path");
        }
        try {
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target);
            }
        } catch (IOException e) {
            throw new QuiverUserException(what + " " + target + ": cannot move the written data into place: " + e, e);
        }
        committed = true;
    }

    /** Deletes the temporary file or directory unless committed. */
    @Override
    public void close() {
        if (!committed) {
            try {
                AtomicFiles.deleteTree(temp);
            } catch (IOException ignored) {
                // best effort: the original failure matters more
            }
        }
    }
}
