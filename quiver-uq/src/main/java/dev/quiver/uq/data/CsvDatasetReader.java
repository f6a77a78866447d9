package dev.quiver.uq.data;

import dev.quiver.core.error.QuiverUserException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a CSV file with a header row into a {@link TabularDataset}: the target column by name and the
 * feature columns (all other columns, or the ones named). Every value used must be a finite number;
 * a missing value (empty, {@code NA}, {@code NaN}, {@code ?}, {@code null}) or a non-numeric one is a
 * {@link QuiverUserException} naming the file, line and column. Columns not used are not checked.
 *
 * <p>For classification the target may hold any strings (or numbers): the classes are its distinct
 * values, ordered numerically when all are numbers and alphabetically otherwise, and the data set's
 * target holds the class index.
 */
public final class CsvDatasetReader {
    private CsvDatasetReader() {
    }

    /**
     * A regression data set from {@code file}.
     *
     * @param file the CSV file (header row, comma-separated, RFC 4180 quotes)
     * @param target the target column's name
     * @param features the feature columns' names, or {@code null}/empty for every column but the target
     */
    public static TabularDataset regression(Path file, String target, List<String> features) {
        return read(file, target, features, false);
    }

    /** A classification data set from {@code file} (see the class comment for how classes are named). */
    public static TabularDataset classification(Path file, String target, List<String> features) {
        return read(file, target, features, true);
    }

    private static TabularDataset read(Path file, String target, List<String> features, boolean classification) {
        List<CsvLines.Row> rows = CsvLines.read(file);
        if (rows.isEmpty()) {
            throw new QuiverUserException(file + ": the file is empty; expected a header row and data rows");
        }
        List<String> header = new ArrayList<>();
        for (String h : rows.get(0).fields()) {
            header.add(h.trim());
        }
        Map<String, Integer> index = new HashMap<>();
        for (int j = 0; j < header.size(); j++) {
            Integer prev = index.put(header.get(j), j);
            if (prev != null) {
                throw new QuiverUserException(file + ":" + rows.get(0).line() + ": column name '" + header.get(j)
                        + "' appears twice (columns " + (prev + 1) + " and " + (j + 1) + ")");
            }
        }
        int targetCol = column(file, index, header, target, "--target");
        List<String> names = new ArrayList<>();
        if (features == null || features.isEmpty()) {
            for (String h : header) {
                if (!h.equals(target)) {
                    names.add(h);
                }
            }
        } else {
            for (String f : features) {
                String name = f.trim();
                if (name.equals(target)) {
                    throw new QuiverUserException("feature '" + name + "' is also the target; leave it out of --features");
                }
                if (names.contains(name)) {
                    throw new QuiverUserException("feature '" + name + "' is listed twice in --features");
                }
                names.add(name);
            }
        }
        if (names.isEmpty()) {
            throw new QuiverUserException(file + ": no feature columns (the file has only the target column '"
                    + target + "')");
        }
        int[] cols = new int[names.size()];
        for (int k = 0; k < cols.length; k++) {
            cols[k] = column(file, index, header, names.get(k), "--features");
        }
        int n = rows.size() - 1;
        if (n == 0) {
            throw new QuiverUserException(file + ": the file has a header but no data rows");
        }
        double[] x = new double[n * cols.length];
        String[] rawTarget = new String[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            CsvLines.Row row = rows.get(i + 1);
            if (row.fields().size() != header.size()) {
                throw new QuiverUserException(file + ":" + row.line() + ": " + row.fields().size()
                        + " fields, but the header has " + header.size());
            }
            for (int k = 0; k < cols.length; k++) {
                x[i * cols.length + k] = number(file, row, cols[k], header.get(cols[k]));
            }
            if (classification) {
                String t = row.fields().get(targetCol).trim();
                if (CsvLines.isMissing(t)) {
                    throw missing(file, row, targetCol, header.get(targetCol), t);
                }
                rawTarget[i] = t;
            } else {
                y[i] = number(file, row, targetCol, header.get(targetCol));
            }
        }
        List<String> classNames = List.of();
        if (classification) {
            classNames = classes(rawTarget);
            Map<String, Integer> code = new HashMap<>();
            for (int c = 0; c < classNames.size(); c++) {
                code.put(classNames.get(c), c);
            }
            Map<Double, String> canonical = numericCanonical(rawTarget);
            for (int i = 0; i < n; i++) {
                String key = canonical == null ? rawTarget[i] : canonical.get(Double.parseDouble(rawTarget[i]));
                y[i] = code.get(key);
            }
            if (classNames.size() < 2) {
                throw new QuiverUserException(file + ": the target column '" + target + "' has only one class ("
                        + classNames.get(0) + "); classification needs at least two");
            }
        }
        return new TabularDataset(Matrix.wrap(n, cols.length, x), y, names, target, classNames);
    }

    private static int column(Path file, Map<String, Integer> index, List<String> header, String name, String flag) {
        Integer j = index.get(name);
        if (j == null) {
            throw new QuiverUserException(file + ": no column '" + name + "' (" + flag + "); the columns are "
                    + String.join(", ", header));
        }
        return j;
    }

    private static double number(Path file, CsvLines.Row row, int col, String name) {
        String raw = row.fields().get(col);
        if (CsvLines.isMissing(raw)) {
            throw missing(file, row, col, name, raw.trim());
        }
        String t = raw.trim();
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new QuiverUserException(file + ":" + row.line() + ": column '" + name + "' (column " + (col + 1)
                    + ") holds '" + t + "', which is not a number; every feature (and a regression target) must be"
                    + " numeric: encode categories as numbers or leave the column out with --features");
        }
        if (!Double.isFinite(v)) {
            throw new QuiverUserException(file + ":" + row.line() + ": column '" + name + "' (column " + (col + 1)
                    + ") holds '" + t + "'; values must be finite");
        }
        return v;
    }

    private static QuiverUserException missing(Path file, CsvLines.Row row, int col, String name, String token) {
        return new QuiverUserException(file + ":" + row.line() + ": column '" + name + "' (column " + (col + 1)
                + ") has a missing value (" + (token.isEmpty() ? "empty" : "'" + token + "'")
                + "); remove or impute the row, or leave the column out with --features");
    }

    /** Distinct labels: numeric order when all parse as numbers (first spelling kept), else alphabetical. */
    private static List<String> classes(String[] raw) {
        Map<Double, String> canonical = numericCanonical(raw);
        if (canonical != null) {
            return List.copyOf(new TreeMap<>(canonical).values());
        }
        return List.copyOf(new java.util.TreeSet<>(List.of(raw)));
    }

    /** Number → first spelling, or null when some label is not a number. */
    private static Map<Double, String> numericCanonical(String[] raw) {
        Map<Double, String> m = new LinkedHashMap<>();
        for (String s : raw) {
            double v;
            try {
                v = Double.parseDouble(s);
            } catch (NumberFormatException e) {
                return null;
            }
            if (!Double.isFinite(v)) {
                return null;
            }
            m.putIfAbsent(v, s);
        }
        return m;
    }
}
