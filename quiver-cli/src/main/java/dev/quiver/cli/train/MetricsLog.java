package dev.quiver.cli.train;

import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.io.AtomicFiles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
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
        this(file, false, 0);
    }

    private MetricsLog(Path file, boolean append, long lines) {
        this.file = file;
        this.lines = lines;
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            this.out = append
                    ? Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                            StandardOpenOption.APPEND)
                    : Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new QuiverUserException("cannot write metrics log " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Continues the log of a resumed run: keeps the lines of {@code file} whose step is at most
     * {@code lastStep} (the step the training state was saved at; later lines belong to the interrupted
     * part that will be run again), passes each kept line to {@code replay}, and appends from there. The
     * kept part is written to a temporary file and moved into place.
     *
     * @throws QuiverUserException naming the file and line if a line is not one this class wrote
     */
    public static MetricsLog resume(Path file, long lastStep, BiConsumer<Long, Map<String, Double>> replay) {
        List<String> kept = new ArrayList<>();
        if (Files.exists(file)) {
            List<String> all;
            try {
                all = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new QuiverUserException("cannot read metrics log " + file + ": " + e.getMessage(), e);
            }
            for (int i = 0; i < all.size(); i++) {
                String l = all.get(i);
                if (l.isBlank()) {
                    continue;
                }
                Map<String, Double> metrics = new TreeMap<>();
                long step = parse(l, metrics, file, i + 1);
                if (step <= lastStep) {
                    kept.add(l);
                    replay.accept(step, metrics);
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String l : kept) {
            sb.append(l).append('\n');
        }
        AtomicFiles.writeString(file, sb.toString(), "metrics log " + file);
        return new MetricsLog(file, true, kept.size());
    }

    /** Parses one line written by {@link #write} into {@code metrics}; returns its step. */
    static long parse(String line, Map<String, Double> metrics, Path file, int lineNo) {
        String l = line.trim();
        if (!l.startsWith("{\"step\": ") || !l.endsWith("}")) {
            throw bad(file, lineNo, line);
        }
        String[] parts = l.substring(1, l.length() - 1).split(", \"");
        long step;
        try {
            step = Long.parseLong(parts[0].substring("\"step\": ".length()).trim());
            for (int k = 1; k < parts.length; k++) {
                int colon = parts[k].lastIndexOf("\": ");
                if (colon < 0) {
                    throw bad(file, lineNo, line);
                }
                String name = parts[k].substring(0, colon);
                String v = parts[k].substring(colon + 3).trim();
                metrics.put(name, v.equals("null") ? Double.NaN : Double.parseDouble(v));
            }
        } catch (NumberFormatException e) {
            throw bad(file, lineNo, line);
        }
        return step;
    }

    private static QuiverUserException bad(Path file, int lineNo, String line) {
        return new QuiverUserException(file + ":" + lineNo + ": not a metrics line written by quiver train: "
                + (line.length() > 80 ? line.substring(0, 80) + "..." : line));
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
