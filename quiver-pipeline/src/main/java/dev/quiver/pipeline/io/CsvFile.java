package dev.quiver.pipeline.io;

import dev.quiver.core.io.AtomicFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A CSV table built in memory and written atomically: a header, then rows of numbers and text (text with a
 * comma, a quote or a line break is quoted as RFC 4180 says). Numbers are written with {@code Double.toString}
 * precision (round-trip exact).
 */
public final class CsvFile {
    private final String[] header;
    private final List<String> lines = new ArrayList<>();

    /** A table with these column names. */
    public CsvFile(String... header) {
        this.header = header.clone();
    }

    /**
     * Adds a row; numbers are written exactly, anything else as text.
     *
     * @throws IllegalArgumentException if the row does not have one value per column
     */
    public CsvFile row(Object... values) {
        if (values.length != header.length) {
            throw new IllegalArgumentException("row has " + values.length + " values for " + header.length + " columns");
        }
        lines.add(join(values));
        return this;
    }

    /** The number of rows. */
    public int size() {
        return lines.size();
    }

    /** The table as text. */
    public String text() {
        StringBuilder sb = new StringBuilder(join((Object[]) header)).append('\n');
        for (String l : lines) {
            sb.append(l).append('\n');
        }
        return sb.toString();
    }

    /** Writes the table to {@code file} atomically. */
    public void write(Path file) {
        AtomicFiles.writeString(file, text(), file.toString());
    }

    private static String join(Object[] values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(cell(values[i]));
        }
        return sb.toString();
    }

    private static String cell(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            return Double.isFinite(d) ? Double.toString(d) : d.isNaN() ? "NaN" : (d > 0 ? "Infinity" : "-Infinity");
        }
        if (v instanceof Float f) {
            return Float.toString(f);
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString().toLowerCase(Locale.ROOT);
        }
        String s = v.toString();
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
