package dev.quiver.eval.scores;

import dev.quiver.core.error.QuiverUserException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A small CSV reader for score files: a header line, then data lines split on commas (fields may be
 * double-quoted, with {@code ""} for a quote inside); surrounding spaces are trimmed, a UTF-8 byte-order
 * mark is dropped and blank lines are skipped (but counted, so line numbers match an editor's: the header
 * is line 1). Every problem is a {@link QuiverUserException} naming the file and the line.
 */
final class CsvFile {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

    /** One data line: its 1-based line number and its fields. */
    record Row(int line, List<String> fields) {
    }

    private final Path file;
    private final List<String> header;
    private final Map<String, Integer> columns;
    private final List<Row> rows;

    private CsvFile(Path file, List<String> header, List<Row> rows) {
        this.file = file;
        this.header = header;
        this.rows = rows;
        this.columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            Integer previous = columns.put(name, i);
            if (previous != null) {
                throw new QuiverUserException(file + " line 1: column '" + header.get(i) + "' appears twice (columns "
                        + (previous + 1) + " and " + (i + 1) + "); keep one");
            }
        }
    }

    /** Reads {@code file}; {@code what} describes the expected header, for the message about an empty file. */
    static CsvFile read(Path file, String what) {
        List<String> lines;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            lines = r.lines().toList();
        } catch (NoSuchFileException e) {
            throw new QuiverUserException(file + ": no such file (expected " + what + ")", e);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new QuiverUserException(file + ": cannot read the file (expected UTF-8 text with " + what + "): " + e,
                    e);
        }
        int first = 0;
        while (first < lines.size() && strip(lines.get(first), first).isBlank()) {
            first++;
        }
        if (first == lines.size()) {
            throw new QuiverUserException(file + ": the file is empty; expected " + what);
        }
        if (first > 0) {
            throw new QuiverUserException(file + " line " + (first + 1) + ": the header must be on line 1, but lines 1-"
                    + first + " are blank");
        }
        List<String> header = split(file, 1, strip(lines.get(0), 0));
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            rows.add(new Row(i + 1, split(file, i + 1, line)));
        }
        return new CsvFile(file, header, rows);
    }

    Path file() {
        return file;
    }

    List<Row> rows() {
        return rows;
    }

    /** The index of the column called {@code name} (case-insensitive), or -1. */
    int column(String name) {
        return columns.getOrDefault(name.toLowerCase(Locale.ROOT), -1);
    }

    /** The index of a required column, or a user error listing the header. */
    int require(String name, String what) {
        int c = column(name);
        if (c < 0) {
            throw new QuiverUserException(file + " line 1: no '" + name + "' column; expected " + what + ", found header '"
                    + String.join(",", header) + "'");
        }
        return c;
    }

    /** The index of exactly one of two alternative column names (e.g. game / task). */
    int requireOneOf(String name, String alternative, String what) {
        int a = column(name);
        int b = column(alternative);
        if (a >= 0 && b >= 0) {
            throw new QuiverUserException(file + " line 1: both a '" + name + "' and a '" + alternative
                    + "' column; keep one of them");
        }
        if (a < 0 && b < 0) {
            throw new QuiverUserException(file + " line 1: no '" + name + "' (or '" + alternative + "') column; expected "
                    + what + ", found header '" + String.join(",", header) + "'");
        }
        return a >= 0 ? a : b;
    }

    /** The field in column {@code c} of {@code row}, or a user error if the row is too short. */
    String field(Row row, int c, String columnName) {
        if (c >= row.fields().size()) {
            throw new QuiverUserException(file + " line " + row.line() + ": has " + row.fields().size()
                    + " fields, but column '" + columnName + "' is column " + (c + 1) + " of the header");
        }
        return row.fields().get(c);
    }

    /** A non-empty name field. */
    String name(Row row, int c, String columnName) {
        String s = field(row, c, columnName);
        if (s.isEmpty()) {
            throw new QuiverUserException(file + " line " + row.line() + ": empty " + columnName);
        }
        return s;
    }

    /** A finite decimal number. */
    double number(Row row, int c, String columnName) {
        String s = field(row, c, columnName);
        String where = file + " line " + row.line() + ": " + columnName + " '" + s + "'";
        if (s.isEmpty()) {
            throw new QuiverUserException(file + " line " + row.line() + ": empty " + columnName + "; expected a number");
        }
        String lower = s.toLowerCase(Locale.ROOT).replaceFirst("^[+-]", "");
        if (lower.equals("nan") || lower.startsWith("inf")) {
            throw new QuiverUserException(where + " is not finite; NaN and infinities are not allowed");
        }
        if (!DECIMAL.matcher(s).matches()) {
            throw new QuiverUserException(where + " is not a number; expected a decimal such as 12.5 or -3e2");
        }
        double v = Double.parseDouble(s);
        if (!Double.isFinite(v)) {
            throw new QuiverUserException(where + " is too large for a double (not finite)");
        }
        return v;
    }

    /** A non-negative integer. */
    int nonNegativeInt(Row row, int c, String columnName) {
        String s = field(row, c, columnName);
        String where = file + " line " + row.line() + ": " + columnName + " '" + s + "'";
        if (!INTEGER.matcher(s).matches()) {
            throw new QuiverUserException(where + " is not an integer; expected a run index 0, 1, 2, ...");
        }
        int v;
        try {
            v = Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new QuiverUserException(where + " is too large; expected a run index 0, 1, 2, ...", e);
        }
        if (v < 0) {
            throw new QuiverUserException(where + " is negative; expected a run index 0, 1, 2, ...");
        }
        return v;
    }

    private static String strip(String line, int index) {
        return index == 0 && line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    /** Splits one line on commas, honouring double quotes. */
    static List<String> split(Path file, int lineNo, String line) {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        int i = 0;
        int n = line.length();
        while (true) {
            // one field
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
                    throw new QuiverUserException(file + " line " + lineNo + ": unexpected text after a quoted field at"
                            + " column " + (i + 1));
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
                return out;
            }
            i++; // the comma
        }
    }
}
