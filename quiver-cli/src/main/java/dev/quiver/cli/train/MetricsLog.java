package dev.quiver.cli.train;

import dev.quiver.core.error.QuiverUserException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes training metrics as JSON lines: one object per callback call, {@code {"step": N, "name": value,
 * ...}} (names sorted; non-finite values as {@code null}). Each line is flushed as it is written, so a
 * crashed run leaves the lines so far.
 */
public final class MetricsLog implements AutoCloseable {
    private final Path file;
    private final BufferedWriter out;
    private final StringBuilder line = new StringBuilder(128);
    private long lines;

    /** Creates (or truncates) {@code file}, making missing parent directories. */
    public MetricsLog(Path file) {
        this.file = file;
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new QuiverUserException("cannot write metrics log " + file + ": " + e.getMessage(), e);
        }
    }

    /** Appends one line with {@code step} and {@code metrics}. */
    public void write(long step, Map<String, Double> metrics) {
        line.setLength(0);
        line.append("{\"step\": ").append(step);
        for (Map.Entry<String, Double> e : new TreeMap<>(metrics).entrySet()) {
            line.append(", \"").append(e.getKey().replace("\\", "\\\\").replace("\"", "\\\"")).append("\": ");
            Double v = e.getValue();
            line.append(v == null || !Double.isFinite(v) ? "null" : Double.toString(v));
        }
        line.append("}\n");
        try {
            out.append(line);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + file, e);
        }
        lines++;
    }

    /** The number of lines written. */
    public long lines() {
        return lines;
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing " + file, e);
        }
    }
}
