package dev.quiver.pipeline.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Moves a finished file or folder into place: atomically where the file system can, so that readers see either
 * nothing or the whole thing, else (a file system without atomic moves) with a plain move. Nothing existing is
 * replaced; callers that replace a folder move the old one aside first.
 */
public final class AtomicMoves {
    private AtomicMoves() {
    }

    /**
     * Moves {@code from} to {@code to}, atomically if the file system supports it.
     *
     * @throws IOException if the move fails (e.g. {@code to} exists or {@code from} is missing)
     */
    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }
}
