package dev.quiver.envs.reference;

import dev.quiver.core.error.QuiverUserException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the Gymnasium reference CSV format ({@code shared/data/gymnasium-reference/README.md}).
 *
 * <p>Columns: {@code policy, seed, t, action, reward, terminated, truncated}, then one or more
 * {@code obs_*} and one or more {@code state_*} columns. Each {@code (policy, seed)} episode starts
 * with a reset row {@code t = 0} (empty action and reward, flags 0) followed by rows {@code t = 1, 2,
 * ...}; an episode may not continue after a row with {@code terminated} or {@code truncated} = 1.
 * Numbers are Python {@code repr} doubles ({@code nan}, {@code inf} and {@code -inf} included);
 * flags are 0 or 1. Anything else is a {@link QuiverUserException} naming the file, the 1-based line
 * and column, and what is allowed.
 */
public final class ReferenceCsv {
    /** The columns every reference file has, in this order. */
    public static final List<String> FIXED_COLUMNS =
            List.of("policy", "seed", "t", "action", "reward", "terminated", "truncated");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private ReferenceCsv() {
    }

    /** Reads {@code file}; the env id is the file name without {@code .csv}. */
    public static ReferenceFile read(Path file) {
        return read(file, null);
    }

    /**
     * Reads {@code file}, recording env {@code envId} (or, when null or blank, the file name without
     * its {@code .csv} extension). The id is not checked against the registry here.
     */
    public static ReferenceFile read(Path file, String envId) {
        String id = envId == null || envId.isBlank() ? stem(file) : envId.trim();
        List<String> lines;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            lines = r.lines().toList();
        } catch (NoSuchFileException e) {
            throw new QuiverUserException("reference file not found: " + file, e);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new QuiverUserException("cannot read reference file " + file + ": " + e.getMessage(), e);
        }
        return new Parser(file, id, lines).parse();
    }

    /** The file name without a trailing {@code .csv}. */
    static String stem(Path file) {
        String name = file.getFileName().toString();
        return name.toLowerCase(java.util.Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
    }

    /** {@code file:line:column (column 'name')}. */
    static String where(Path file, int line, int column, String columnName) {
        return file + ":" + line + ":" + column + (columnName == null ? "" : " (column '" + columnName + "')");
    }

    /** Parses a Python-repr double; null when {@code s} is not one. */
    static Double parseNumber(String s) {
        switch (s) {
            case "nan", "NaN" -> {
                return Double.NaN;
            }
            case "inf", "+inf", "Infinity" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-inf", "-Infinity" -> {
                return Double.NEGATIVE_INFINITY;
            }
            default -> {
                if (!NUMBER.matcher(s).matches()) {
                    return null;
                }
                return Double.parseDouble(s);
            }
        }
    }

    /** One pass over the lines of a file. */
    private static final class Parser {
        private final Path file;
        private final String envId;
        private final List<String> lines;
        private final Map<String, Integer> columns = new LinkedHashMap<>();
        private final List<String> obsColumns = new ArrayList<>();
        private final List<String> stateColumns = new ArrayList<>();
        private String[] header;
        private final List<ReferenceEpisode> episodes = new ArrayList<>();
        private final Set<String> seen = new HashSet<>();
        private EpisodeBuilder current;

        Parser(Path file, String envId, List<String> lines) {
            this.file = file;
            this.envId = envId;
            this.lines = lines;
        }

        ReferenceFile parse() {
            int first = 0;
            while (first < lines.size() && strip(lines.get(first)).isBlank()) {
                first++;
            }
            if (first == lines.size()) {
                throw new QuiverUserException(file + ":1:1: the file is empty; expected a header line: "
                        + String.join(",", FIXED_COLUMNS) + ",obs_...,state_...");
            }
            parseHeader(first + 1, strip(lines.get(first)));
            for (int i = first + 1; i < lines.size(); i++) {
                String text = strip(lines.get(i));
                if (!text.isBlank()) {
                    parseRow(i + 1, text);
                }
            }
            finish();
            if (episodes.isEmpty()) {
                throw new QuiverUserException(file + ":" + (first + 2) + ":1: no data rows after the header");
            }
            return new ReferenceFile(file, first + 1, envId, columns, obsColumns, stateColumns, episodes);
        }

        private static String strip(String line) {
            String s = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        }

        private void parseHeader(int line, String text) {
            header = text.split(",", -1);
            for (int c = 0; c < header.length; c++) {
                String name = header[c].trim();
                header[c] = name;
                if (name.isEmpty()) {
                    throw error(line, c + 1, null, "empty column name in the header");
                }
                if (columns.putIfAbsent(name, c + 1) != null) {
                    throw error(line, c + 1, name, "duplicate column '" + name + "'");
                }
                if (name.startsWith("obs_") && name.length() > 4) {
                    obsColumns.add(name);
                } else if (name.startsWith("state_") && name.length() > 6) {
                    stateColumns.add(name);
                } else if (!FIXED_COLUMNS.contains(name)) {
                    throw error(line, c + 1, name, "unknown column '" + name + "'; allowed: "
                            + String.join(", ", FIXED_COLUMNS) + ", obs_<name>, state_<name>");
                }
            }
            for (String required : FIXED_COLUMNS) {
                if (!columns.containsKey(required)) {
                    throw error(line, header.length + 1, null, "missing column '" + required
                            + "'; the header must contain " + String.join(", ", FIXED_COLUMNS)
                            + ", then obs_* and state_* columns");
                }
            }
            if (obsColumns.isEmpty()) {
                throw error(line, header.length + 1, null, "missing obs_* columns (at least one observation column)");
            }
            if (stateColumns.isEmpty()) {
                throw error(line, header.length + 1, null, "missing state_* columns (at least one state column)");
            }
        }

        private void parseRow(int line, String text) {
            String[] f = text.split(",", -1);
            if (f.length != header.length) {
                int col = Math.min(f.length, header.length) + 1;
                String what = f.length < header.length
                        ? "missing values: expected " + header.length + " fields, got " + f.length
                        : "too many values: expected " + header.length + " fields, got " + f.length;
                throw error(line, col, col <= header.length ? header[col - 1] : null, what);
            }
            String policy = field(f, "policy").trim();
            if (policy.isEmpty()) {
                throw error(line, "policy", "the policy name is empty");
            }
            long seed = integer(line, f, "seed", Long.MIN_VALUE);
            int t = (int) integer(line, f, "t", 0);
            boolean term = flag(line, f, "terminated");
            boolean trunc = flag(line, f, "truncated");
            String actionText = field(f, "action").trim();
            String rewardText = field(f, "reward").trim();
            double action;
            double reward;
            if (t == 0) {
                finish();
                String key = policy + "\u0000" + seed;
                if (!seen.add(key)) {
                    throw error(line, "seed", "episode (policy " + policy + ", seed " + seed
                            + ") appears twice; each (policy, seed) pair must be recorded once");
                }
                if (!actionText.isEmpty()) {
                    throw error(line, "action", "the reset row (t = 0) must have an empty action, got '" + actionText + "'");
                }
                if (!rewardText.isEmpty()) {
                    throw error(line, "reward", "the reset row (t = 0) must have an empty reward, got '" + rewardText + "'");
                }
                if (term || trunc) {
                    throw error(line, term ? "terminated" : "truncated", "the reset row (t = 0) must have flags 0");
                }
                current = new EpisodeBuilder(policy, seed);
                action = Double.NaN;
                reward = Double.NaN;
            } else {
                if (current == null || !current.policy.equals(policy) || current.seed != seed) {
                    throw error(line, "t", "row t = " + t + " of episode (policy " + policy + ", seed " + seed
                            + ") does not follow that episode's previous row; every episode starts with a t = 0 row"
                            + " and its rows are consecutive");
                }
                int expected = current.size();
                if (t != expected) {
                    throw error(line, "t", "expected t = " + expected + " in episode (policy " + policy + ", seed "
                            + seed + "), got " + t);
                }
                if (current.ended()) {
                    throw error(line, "t", "episode (policy " + policy + ", seed " + seed
                            + ") continues after a terminated or truncated step at line " + current.lastLine());
                }
                action = number(line, f, "action");
                reward = number(line, f, "reward");
            }
            double[] obs = new double[obsColumns.size()];
            for (int i = 0; i < obs.length; i++) {
                obs[i] = number(line, f, obsColumns.get(i));
            }
            double[] state = new double[stateColumns.size()];
            for (int i = 0; i < state.length; i++) {
                state[i] = number(line, f, stateColumns.get(i));
            }
            current.add(line, action, reward, term, trunc, obs, state);
        }

        private void finish() {
            if (current != null) {
                episodes.add(current.build());
                current = null;
            }
        }

        private String field(String[] f, String column) {
            return f[columns.get(column) - 1];
        }

        private double number(int line, String[] f, String column) {
            String s = field(f, column).trim();
            if (s.isEmpty()) {
                throw error(line, column, "missing value; expected a number");
            }
            Double v = parseNumber(s);
            if (v == null) {
                throw error(line, column, "not a number: '" + s + "'");
            }
            return v;
        }

        private long integer(int line, String[] f, String column, long min) {
            String s = field(f, column).trim();
            try {
                long v = Long.parseLong(s);
                if (v < min || ("t".equals(column) && v > Integer.MAX_VALUE)) {
                    throw error(line, column, "expected an integer >= " + min + ", got '" + s + "'");
                }
                return v;
            } catch (NumberFormatException e) {
                throw error(line, column, "expected an integer, got '" + s + "'");
            }
        }

        private boolean flag(int line, String[] f, String column) {
            String s = field(f, column).trim();
            return switch (s) {
                case "0" -> false;
                case "1" -> true;
                default -> throw error(line, column, "expected 0 or 1, got '" + s + "'");
            };
        }

        private QuiverUserException error(int line, String column, String message) {
            return error(line, columns.get(column), column, message);
        }

        private QuiverUserException error(int line, int column, String columnName, String message) {
            return new QuiverUserException(where(file, line, column, columnName) + ": " + message);
        }
    }

    /** Accumulates the rows of one episode. */
    private static final class EpisodeBuilder {
        final String policy;
        final long seed;
        private final List<Integer> lines = new ArrayList<>();
        private final List<Double> actions = new ArrayList<>();
        private final List<Double> rewards = new ArrayList<>();
        private final List<Boolean> terminated = new ArrayList<>();
        private final List<Boolean> truncated = new ArrayList<>();
        private final List<double[]> observations = new ArrayList<>();
        private final List<double[]> states = new ArrayList<>();

        EpisodeBuilder(String policy, long seed) {
            this.policy = policy;
            this.seed = seed;
        }

        int size() {
            return lines.size();
        }

        int lastLine() {
            return lines.get(lines.size() - 1);
        }

        boolean ended() {
            int last = lines.size() - 1;
            return terminated.get(last) || truncated.get(last);
        }

        void add(int line, double action, double reward, boolean term, boolean trunc, double[] obs, double[] state) {
            lines.add(line);
            actions.add(action);
            rewards.add(reward);
            terminated.add(term);
            truncated.add(trunc);
            observations.add(obs);
            states.add(state);
        }

        ReferenceEpisode build() {
            int n = lines.size();
            int[] l = new int[n];
            double[] a = new double[n];
            double[] r = new double[n];
            boolean[] te = new boolean[n];
            boolean[] tr = new boolean[n];
            for (int i = 0; i < n; i++) {
                l[i] = lines.get(i);
                a[i] = actions.get(i);
                r[i] = rewards.get(i);
                te[i] = terminated.get(i);
                tr[i] = truncated.get(i);
            }
            return new ReferenceEpisode(policy, seed, l, a, r, te, tr, observations.toArray(new double[0][]),
                    states.toArray(new double[0][]));
        }
    }
}
