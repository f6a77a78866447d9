package dev.quiver.uq.data;

import dev.quiver.core.error.QuiverUserException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits comma-separated lines into fields (RFC 4180 quoting within one line: {@code "a,b"} is one
 * field, {@code ""} inside quotes is a quote), and reads whole files with the line number of each row.
 */
final class CsvLines {
    private CsvLines() {
    }

    /** One physical line of a file: its 1-based number and its fields (unquoted, not trimmed). */
    record Row(int line, List<String> fields) {
    }

    /**
     * The non-blank lines of {@code file}, split into fields; a UTF-8 byte-order mark is dropped.
     *
     * @throws QuiverUserException if the file cannot be read or a quote is not closed on its line
     */
    static List<Row> read(Path file) {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (number == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                try {
                    rows.add(new Row(number, split(line)));
                } catch (IllegalArgumentException e) {
                    throw new QuiverUserException(file + ":" + number + ": " + e.getMessage());
                }
            }
        } catch (NoSuchFileException e) {
            throw new QuiverUserException("data file " + file + " does not exist", e);
        } catch (IOException e) {
            throw new QuiverUserException("cannot read data file " + file + ": " + e.getMessage(), e);
        }
        return rows;
    }

    /** The fields of one line. */
    static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("a quoted field is not closed on this line (fields may not span lines)");
        }
        fields.add(cur.toString());
        return fields;
    }

    /** Whether {@code token} (trimmed) spells a missing value: empty, NA, NaN, ?, null. */
    static boolean isMissing(String token) {
        String t = token.trim();
        return t.isEmpty() || t.equals("NA") || t.equalsIgnoreCase("nan") || t.equals("?") || t.equals("null");
    }
}
