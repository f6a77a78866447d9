package dev.quiver.ope.bandit.data;

import dev.quiver.core.error.QuiverUserException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file read whole: a header line, then data lines split on commas (a field may be double-quoted,
 * with {@code ""} for a quote inside; spaces around fields are trimmed). A UTF-8 byte-order mark is
 * dropped; blank lines are skipped but counted, so line numbers match an editor's (the header is line
 * 1). Every problem is a {@link QuiverUserException} naming the file, the line and the column.
 */
public final class CsvTable {
    /** One data line: its 1-based line number and its fields. */
    public record Row(int line, String[] fields) {
    }

    private final Path file;
    private final String[] header;
    private final List<Row> rows;

    private CsvTable(Path file, String[] header, List<Row> rows) {
        this.file = file;
        this.header = header;
        this.rows = rows;
    }

    /**
     * Reads {@code file}.
     *
     * @param what what the file should hold, for the messages (e.g. {@code "logged bandit data"})
     * @throws QuiverUserException if the file is missing, unreadable, empty, or a line has a different
     *     number of fields than the header
     */
    public static CsvTable read(Path file, String what) {
        List<String> lines;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            lines = r.lines().toList();
        } catch (NoSuchFileException e) {
            throw new QuiverUserException(file + ": no such file (expected " + what + ")", e);
        } catch (IOException | UncheckedIOException e) {
            throw new QuiverUserException(file + ": cannot read the file (expected UTF-8 CSV with " + what + "): "
                    + e.getMessage(), e);
        }
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            throw new QuiverUserException(file + " line 1: expected a CSV header line (" + what + "), found "
                    + (lines.isEmpty() ? "an empty file" : "a blank line"));
        }
        String first = lines.get(0).startsWith("\uFEFF") ? lines.get(0).substring(1) : lines.get(0);
        String[] header = split(file, 1, first);
        List<Row> rows = new ArrayList<>(lines.size());
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] fields = split(file, i + 1, line);
            if (fields.length != header.length) {
                throw new QuiverUserException(file + " line " + (i + 1) + ": " + fields.length + " fields, but the header"
                        + " has " + header.length + " columns");
            }
            rows.add(new Row(i + 1, fields));
        }
        return new CsvTable(file, header, rows);
    }

    /** The file read. */
    public Path file() {
        return file;
    }

    /** A copy of the header's column names. */
    public String[] header() {
        return header.clone();
    }

    /** The data rows. */
    public List<Row> rows() {
        return rows;
    }

    /** The index of the column called {@code name} (case-insensitive, exact otherwise), or -1. */
    public int column(String name) {
        for (int c = 0; c < header.length; c++) {
            if (header[c].equalsIgnoreCase(name)) {
                return c;
            }
        }
        return -1;
    }

    /** The index of a required column, or a user error that shows the header. */
    public int require(String name, String what) {
        int c = column(name);
        if (c < 0) {
            throw new QuiverUserException(file + " line 1: no '" + name + "' column (" + what + "); the header is '"
                    + String.join(",", header) + "'");
        }
        return c;
    }

    /** Where a field is, for messages: {@code FILE line L, column C ('name')}. */
    public String where(Row row, int c) {
        return file + " line " + row.line() + ", column " + (c + 1) + " ('" + header[c] + "')";
    }

    /** A finite number from column {@code c}. */
    public double number(Row row, int c) {
        String s = row.fields()[c];
        if (s.isEmpty()) {
            throw new QuiverUserException(where(row, c) + ": empty; expected a number");
        }
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new QuiverUserException(where(row, c) + ": '" + s + "' is not a number", e);
        }
        if (!Double.isFinite(v)) {
            throw new QuiverUserException(where(row, c) + ": '" + s + "' is not a finite number");
        }
        return v;
    }

    /** An integer in {@code [min, max]} from column {@code c}; {@code allowed} says what is allowed. */
    public int integer(Row row, int c, int min, int max, String allowed) {
        String s = row.fields()[c];
        int v;
        try {
            v = Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new QuiverUserException(where(row, c) + ": '" + s + "' is not an integer; expected " + allowed, e);
        }
        if (v < min || v > max) {
            throw new QuiverUserException(where(row, c) + ": " + v + " is out of range; expected " + allowed);
        }
        return v;
    }

    /** The raw (trimmed) text of column {@code c}. */
    public String text(Row row, int c) {
        return row.fields()[c];
    }

    /** Splits one line on commas, honouring double quotes. */
    static String[] split(Path file, int lineNo, String line) {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        int i = 0;
        int n = line.length();
        while (true) {
            sb.setLength(0);
            while (i < n && line.charAt(i) == ' ') {
                i++;
            }
            if (i < n && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= n) {
                        throw new QuiverUserException(file + " line " + lineNo + ": a quoted field is not closed");
                    }
                    char ch = line.charAt(i++);
                    if (ch == '"') {
                        if (i < n && line.charAt(i) == '"') {
                            sb.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        sb.append(ch);
                    }
                }
                while (i < n && line.charAt(i) == ' ') {
                    i++;
                }
                if (i < n && line.charAt(i) != ',') {
                    throw new QuiverUserException(file + " line " + lineNo + ": text after a closing quote at character "
                            + (i + 1));
                }
                out.add(sb.toString());
            } else {
                int start = i;
                while (i < n && line.charAt(i) != ',') {
                    i++;
                }
                out.add(line.substring(start, i).trim());
            }
            if (i >= n) {
                break;
            }
            i++; // the comma
            if (i == n) {
                out.add("");
                break;
            }
        }
        return out.toArray(String[]::new);
    }
}
