package dev.quiver.uq.data;

import dev.quiver.core.error.QuiverUserException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The feature construction of the CQR reference loader ({@code datasets/datasets.py}), one method per set. */
final class CqrLoaders {
    private CqrLoaders() {
    }

    /** Every column but the last as features, the last as target (header row; values may have trailing spaces). */
    static TabularDataset concrete(Path file) {
        List<CsvLines.Row> rows = CsvLines.read(file);
        List<String> header = trimmed(rows.get(0).fields());
        int p = header.size() - 1;
        double[] x = new double[(rows.size() - 1) * p];
        double[] y = new double[rows.size() - 1];
        for (int i = 1; i < rows.size(); i++) {
            CsvLines.Row r = fields(file, rows.get(i), header.size());
            for (int j = 0; j < p; j++) {
                x[(i - 1) * p + j] = number(file, r, j, header.get(j));
            }
            y[i - 1] = number(file, r, p, header.get(p));
        }
        return TabularDataset.regression(Matrix.wrap(y.length, p, x), y, header.subList(0, p), header.get(p));
    }

    /** Target RMSD (first column), features F1..F9. */
    static TabularDataset bio(Path file) {
        List<CsvLines.Row> rows = CsvLines.read(file);
        List<String> header = trimmed(rows.get(0).fields());
        int p = header.size() - 1;
        double[] x = new double[(rows.size() - 1) * p];
        double[] y = new double[rows.size() - 1];
        for (int i = 1; i < rows.size(); i++) {
            CsvLines.Row r = fields(file, rows.get(i), header.size());
            y[i - 1] = number(file, r, 0, header.get(0));
            for (int j = 0; j < p; j++) {
                x[(i - 1) * p + j] = number(file, r, j + 1, header.get(j + 1));
            }
        }
        return TabularDataset.regression(Matrix.wrap(y.length, p, x), y, header.subList(1, p + 1), header.get(0));
    }

    /**
     * Target count; features holiday, workingday, temp, atemp, humidity, windspeed, one-hot season_v and
     * weather_v for each value present (pandas get_dummies order), then hour, day of week (Monday = 0),
     * month and year (2011 → 0, 2012 → 1) from datetime; casual and registered are dropped.
     */
    static TabularDataset bike(Path file) {
        List<CsvLines.Row> rows = CsvLines.read(file);
        List<String> header = trimmed(rows.get(0).fields());
        String[] kept = {"holiday", "workingday", "temp", "atemp", "humidity", "windspeed"};
        int[] keptCol = new int[kept.length];
        for (int k = 0; k < kept.length; k++) {
            keptCol[k] = require(file, header, kept[k]);
        }
        int seasonCol = require(file, header, "season");
        int weatherCol = require(file, header, "weather");
        int dateCol = require(file, header, "datetime");
        int countCol = require(file, header, "count");
        int n = rows.size() - 1;
        int[] season = new int[n];
        int[] weather = new int[n];
        TreeSet<Integer> seasons = new TreeSet<>();
        TreeSet<Integer> weathers = new TreeSet<>();
        for (int i = 0; i < n; i++) {
            CsvLines.Row r = fields(file, rows.get(i + 1), header.size());
            season[i] = integer(file, r, seasonCol, "season");
            weather[i] = integer(file, r, weatherCol, "weather");
            seasons.add(season[i]);
            weathers.add(weather[i]);
        }
        List<String> names = new ArrayList<>(List.of(kept));
        for (int s : seasons) {
            names.add("season_" + s);
        }
        for (int w : weathers) {
            names.add("weather_" + w);
        }
        names.addAll(List.of("hour", "day", "month", "year"));
        int p = names.size();
        double[] x = new double[n * p];
        double[] y = new double[n];
        DateTimeFormatter fmt = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        List<Integer> seasonList = new ArrayList<>(seasons);
        List<Integer> weatherList = new ArrayList<>(weathers);
        for (int i = 0; i < n; i++) {
            CsvLines.Row r = rows.get(i + 1);
            int o = i * p;
            int c = 0;
            for (int k = 0; k < kept.length; k++) {
                x[o + c++] = number(file, r, keptCol[k], kept[k]);
            }
            for (int s : seasonList) {
                x[o + c++] = season[i] == s ? 1 : 0;
            }
            for (int w : weatherList) {
                x[o + c++] = weather[i] == w ? 1 : 0;
            }
            String stamp = r.fields().get(dateCol).trim();
            LocalDateTime t;
            try {
                t = LocalDateTime.parse(stamp, fmt);
            } catch (DateTimeParseException e) {
                throw new QuiverUserException(file + ":" + r.line() + ": datetime '" + stamp
                        + "' is not of the form yyyy-MM-dd HH:mm:ss");
            }
            if (t.getYear() != 2011 && t.getYear() != 2012) {
                throw new QuiverUserException(file + ":" + r.line() + ": year " + t.getYear()
                        + " is outside the loader's year map {2011: 0, 2012: 1}");
            }
            x[o + c++] = t.getHour();
            x[o + c++] = t.getDayOfWeek().getValue() - 1;
            x[o + c++] = t.getMonthValue();
            x[o + c] = t.getYear() - 2011;
            y[i] = number(file, r, countCol, "count");
        }
        return TabularDataset.regression(Matrix.wrap(n, p, x), y, names, "count");
    }

    /**
     * No header (names from the attributes file); drops state, county, community, communityname and fold,
     * mean-imputes OtherPerCap, drops every other column with a missing value ({@code ?}); the first 100
     * remaining columns are the features and the next (ViolentCrimesPerPop) the target.
     */
    static TabularDataset community(Path file, Path attributes) {
        if (!Files.isRegularFile(attributes)) {
            throw new QuiverUserException("data set community: " + attributes + " not found (it names the columns"
                    + " of " + file.getFileName() + ")");
        }
        List<CsvLines.Row> attrRows = CsvLines.read(attributes);
        List<String> names = new ArrayList<>();
        for (int i = 1; i < attrRows.size(); i++) {
            names.add(attrRows.get(i).fields().get(0).trim());
        }
        List<CsvLines.Row> rows = CsvLines.read(file);
        Set<String> dropped = Set.of("state", "county", "community", "communityname", "fold");
        List<Integer> cols = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            if (!dropped.contains(names.get(j))) {
                cols.add(j);
            }
        }
        int n = rows.size();
        double[][] values = new double[cols.size()][n];
        boolean[] hasMissing = new boolean[cols.size()];
        for (int i = 0; i < n; i++) {
            CsvLines.Row r = fields(file, rows.get(i), names.size());
            for (int k = 0; k < cols.size(); k++) {
                int j = cols.get(k);
                String t = r.fields().get(j);
                if (CsvLines.isMissing(t)) {
                    values[k][i] = Double.NaN;
                    hasMissing[k] = true;
                } else {
                    values[k][i] = number(file, r, j, names.get(j));
                }
            }
        }
        int imputed = cols.indexOf(names.indexOf("OtherPerCap"));
        if (imputed < 0) {
            throw new QuiverUserException(attributes + ": no attribute OtherPerCap, which the loader mean-imputes");
        }
        double sum = 0;
        int count = 0;
        for (double v : values[imputed]) {
            if (!Double.isNaN(v)) {
                sum += v;
                count++;
            }
        }
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(values[imputed][i])) {
                values[imputed][i] = sum / count;
            }
        }
        hasMissing[imputed] = false;
        List<Integer> complete = new ArrayList<>();
        for (int k = 0; k < cols.size(); k++) {
            if (!hasMissing[k]) {
                complete.add(k);
            }
        }
        if (complete.size() != 101) {
            throw new QuiverUserException(file + ": expected 101 complete columns after the loader's cleaning (100"
                    + " features and the target), got " + complete.size());
        }
        int p = 100;
        double[] x = new double[n * p];
        double[] y = new double[n];
        List<String> featureNames = new ArrayList<>();
        for (int k = 0; k < p; k++) {
            featureNames.add(names.get(cols.get(complete.get(k))));
        }
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < p; k++) {
                x[i * p + k] = values[complete.get(k)][i];
            }
            y[i] = values[complete.get(p)][i];
        }
        return TabularDataset.regression(Matrix.wrap(n, p, x), y, featureNames, names.get(cols.get(complete.get(p))));
    }

    /** The integer codes the CQR loader gives STAR's categorical columns. */
    private static final Map<String, Map<String, Integer>> STAR_CODES = starCodes();

    private static Map<String, Map<String, Integer>> starCodes() {
        Map<String, Map<String, Integer>> m = new java.util.HashMap<>();
        m.put("gender", Map.of("female", 0, "male", 1));
        m.put("ethnicity", Map.of("cauc", 0, "afam", 1, "asian", 2, "hispanic", 3, "amindian", 4, "other", 5));
        Map<String, Integer> star = Map.of("regular", 0, "small", 1, "regular+aide", 2);
        Map<String, Integer> lunch = Map.of("free", 0, "non-free", 1);
        Map<String, Integer> school = Map.of("inner-city", 0, "suburban", 1, "rural", 2, "urban", 3);
        Map<String, Integer> degree = Map.of("bachelor", 0, "master", 1, "specialist", 2, "phd", 3);
        Map<String, Integer> ladder = Map.of("level1", 0, "level2", 1, "level3", 2, "apprentice", 3, "probation", 4,
                "noladder", 5, "notladder", 6);
        for (String g : new String[] {"k", "1", "2", "3"}) {
            m.put("star" + g, star);
            m.put("lunch" + g, lunch);
            m.put("school" + g, school);
            m.put("degree" + g, degree);
            m.put("ladder" + g, ladder);
            m.put("tethnicity" + g, Map.of("cauc", 0, "afam", 1));
        }
        m.put("degreek", Map.of("bachelor", 0, "master", 1, "specialist", 2, "master+", 3));
        m.put("ladderk", Map.of("level1", 0, "level2", 1, "level3", 2, "apprentice", 3, "probation", 4, "pending", 5,
                "notladder", 6));
        m.put("tethnicity3", Map.of("cauc", 0, "afam", 1, "asian", 2));
        return m;
    }

    /**
     * Categorical strings to the loader's integer codes, rows with any NA dropped, target the sum of
     * readk..math3 (columns 9-16), features columns 1-8 (the R row name, gender, ethnicity, birth,
     * stark..star3) and every column after lunchk (which the loader's slicing skips).
     */
    static TabularDataset star(Path file) {
        List<CsvLines.Row> rows = CsvLines.read(file);
        List<String> header = trimmed(rows.get(0).fields());
        if (header.size() < 18) {
            throw new QuiverUserException(file + ": expected STAR's 48 columns, got " + header.size());
        }
        if (header.get(0).isEmpty()) {
            header.set(0, "Unnamed: 0");
        }
        int width = header.size();
        List<double[]> complete = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            CsvLines.Row r = fields(file, rows.get(i), width);
            double[] v = new double[width];
            boolean ok = true;
            for (int j = 0; j < width && ok; j++) {
                String t = r.fields().get(j).trim();
                if (CsvLines.isMissing(t)) {
                    ok = false;
                    continue;
                }
                Map<String, Integer> codes = STAR_CODES.get(header.get(j));
                if (codes != null) {
                    Integer c = codes.get(t);
                    if (c == null) {
                        throw new QuiverUserException(file + ":" + r.line() + ": column '" + header.get(j) + "' holds '"
                                + t + "', which the loader's category codes do not cover (" + codes.keySet() + ")");
                    }
                    v[j] = c;
                } else {
                    v[j] = number(file, r, j, header.get(j));
                }
            }
            if (ok) {
                complete.add(v);
            }
        }
        List<Integer> featureCols = new ArrayList<>();
        for (int j = 0; j < 8; j++) {
            featureCols.add(j);
        }
        for (int j = 17; j < width; j++) {
            featureCols.add(j);
        }
        int n = complete.size();
        int p = featureCols.size();
        double[] x = new double[n * p];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double[] v = complete.get(i);
            for (int k = 0; k < p; k++) {
                x[i * p + k] = v[featureCols.get(k)];
            }
            for (int j = 8; j < 16; j++) {
                y[i] += v[j];
            }
        }
        List<String> names = new ArrayList<>();
        for (int j : featureCols) {
            names.add(header.get(j));
        }
        return TabularDataset.regression(Matrix.wrap(n, p, x), y, names, "sum of " + String.join("+",
                header.subList(8, 16)));
    }

    private static List<String> trimmed(List<String> fields) {
        List<String> out = new ArrayList<>();
        for (String f : fields) {
            out.add(f.trim());
        }
        return out;
    }

    private static int require(Path file, List<String> header, String name) {
        int j = header.indexOf(name);
        if (j < 0) {
            throw new QuiverUserException(file + ": no column '" + name + "'; the columns are " + header);
        }
        return j;
    }

    private static CsvLines.Row fields(Path file, CsvLines.Row r, int expected) {
        if (r.fields().size() != expected) {
            throw new QuiverUserException(file + ":" + r.line() + ": " + r.fields().size() + " fields, expected "
                    + expected);
        }
        return r;
    }

    private static double number(Path file, CsvLines.Row r, int col, String name) {
        String t = r.fields().get(col).trim();
        try {
            double v = Double.parseDouble(t);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new QuiverUserException(file + ":" + r.line() + ": column '" + name + "' (column " + (col + 1)
                + ") holds '" + t + "', expected a finite number");
    }

    private static int integer(Path file, CsvLines.Row r, int col, String name) {
        double v = number(file, r, col, name);
        if (v != Math.rint(v)) {
            throw new QuiverUserException(file + ":" + r.line() + ": column '" + name + "' holds " + v
                    + ", expected an integer category");
        }
        return (int) v;
    }
}
