package dev.quiver.eval.scores;

import dev.quiver.core.error.QuiverUserException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reference scores per task for normalising raw scores: {@code (score - low) / (high - low)}. With
 * Atari's random and human scores this is the human-normalised score {@code hns = (score - random) /
 * (human - random)}: 0 plays like a random agent, 1 like a human. With {@link Kind#MIN_MAX} it is a
 * min-max normalisation (e.g. Procgen's). {@link #none()} is the identity (raw scores).
 *
 * <p>Read from CSV with {@link #readCsv}: a header with a {@code game} (or {@code task}) column and
 * either {@code random,human} or {@code min,max} columns, in any order (extra columns are ignored).
 *
 * @see <a href="https://arxiv.org/abs/2108.13264">Agarwal, R., Schwarzer, M., Castro, P. S., Courville, A.
 *     and Bellemare, M. G. (2021). Deep Reinforcement Learning at the Edge of the Statistical Precipice.
 *     NeurIPS (arXiv:2108.13264)</a>
 */
public final class ReferenceScores {
    /** What the two reference scores of a task are. */
    public enum Kind {
        /** A random agent's score (low) and a human's score (high); high may be below low, never equal. */
        RANDOM_HUMAN("random", "human"),
        /** The minimum and maximum score; max must be above min. */
        MIN_MAX("min", "max"),
        /** No normalisation: every task maps to itself. */
        NONE("0", "1");

        private final String lowName;
        private final String highName;

        Kind(String lowName, String highName) {
            this.lowName = lowName;
            this.highName = highName;
        }

        /** The low reference's name ({@code random} or {@code min}). */
        public String lowName() {
            return lowName;
        }

        /** The high reference's name ({@code human} or {@code max}). */
        public String highName() {
            return highName;
        }
    }

    private static final ReferenceScores NONE = new ReferenceScores(Kind.NONE, Map.of(), "no normalisation");

    private final Kind kind;
    private final Map<String, double[]> ranges; // task -> {low, high}
    private final String source;

    private ReferenceScores(Kind kind, Map<String, double[]> ranges, String source) {
        this.kind = kind;
        this.ranges = ranges;
        this.source = source;
    }

    /** The identity: {@link ScoreTable#normalized} with it returns the table as is. */
    public static ReferenceScores none() {
        return NONE;
    }

    /** A builder of random/human (Atari-style) references. */
    public static Builder randomHuman() {
        return new Builder(Kind.RANDOM_HUMAN);
    }

    /** A builder of min/max references. */
    public static Builder minMax() {
        return new Builder(Kind.MIN_MAX);
    }

    /**
     * Reads a reference CSV: {@code game,random,human} (or {@code task} for {@code game}, or {@code min,max}
     * for {@code random,human}), columns in any order, one row per task.
     *
     * @throws QuiverUserException naming the file, the line and the value for a missing column, a
     *     non-numeric or non-finite value, human = random (or max <= min), a task listed twice, or an
     *     empty file
     */
    public static ReferenceScores readCsv(Path file) {
        String what = "a header 'game,random,human' (or 'game,min,max'; 'task' may replace 'game')";
        CsvFile csv = CsvFile.read(file, what);
        int task = csv.requireOneOf("game", "task", what);
        String taskName = csv.column("game") >= 0 ? "game" : "task";
        boolean hasRandom = csv.column("random") >= 0 || csv.column("human") >= 0;
        boolean hasMin = csv.column("min") >= 0 || csv.column("max") >= 0;
        if (hasRandom && hasMin) {
            throw new QuiverUserException(file + " line 1: has both random/human and min/max columns; keep one pair");
        }
        Kind kind = hasMin ? Kind.MIN_MAX : Kind.RANDOM_HUMAN;
        int low = csv.require(kind.lowName(), what);
        int high = csv.require(kind.highName(), what);
        if (csv.rows().isEmpty()) {
            throw new QuiverUserException(file + ": has a header but no rows; expected one row per " + taskName);
        }
        Map<String, double[]> ranges = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        for (CsvFile.Row row : csv.rows()) {
            String t = csv.name(row, task, taskName);
            double lo = csv.number(row, low, kind.lowName());
            double hi = csv.number(row, high, kind.highName());
            Integer previous = lines.putIfAbsent(t, row.line());
            if (previous != null) {
                throw new QuiverUserException(file + " line " + row.line() + ": " + taskName + " '" + t
                        + "' is listed twice (first on line " + previous + ")");
            }
            String problem = rangeProblem(kind, lo, hi);
            if (problem != null) {
                throw new QuiverUserException(file + " line " + row.line() + ": " + taskName + " '" + t + "': " + problem);
            }
            ranges.put(t, new double[] {lo, hi});
        }
        return new ReferenceScores(kind, Collections.unmodifiableMap(ranges), file.toString());
    }

    private static String rangeProblem(Kind kind, double lo, double hi) {
        if (kind == Kind.RANDOM_HUMAN && lo == hi) {
            return "human = random = " + hi + ", so (score - random) / (human - random) is undefined";
        }
        if (kind == Kind.MIN_MAX && !(hi > lo)) {
            return "max " + hi + " must be above min " + lo;
        }
        return null;
    }

    /** What the references are. */
    public Kind kind() {
        return kind;
    }

    /** Where the references came from (a file name, or a description). */
    public String source() {
        return source;
    }

    /** The tasks with references, in file (or insertion) order; empty for {@link #none()}. */
    public List<String> tasks() {
        return List.copyOf(ranges.keySet());
    }

    /** Whether {@code task} has references ({@link #none()} has every task). */
    public boolean has(String task) {
        return kind == Kind.NONE || ranges.containsKey(task);
    }

    /** The low reference (random score or min) of {@code task}. */
    public double low(String task) {
        return kind == Kind.NONE ? 0 : range(task)[0];
    }

    /** The high reference (human score or max) of {@code task}. */
    public double high(String task) {
        return kind == Kind.NONE ? 1 : range(task)[1];
    }

    /** {@code (score - low) / (high - low)} for {@code task}; the score itself for {@link #none()}. */
    public double normalize(String task, double score) {
        if (kind == Kind.NONE) {
            return score;
        }
        double[] r = range(task);
        return (score - r[0]) / (r[1] - r[0]);
    }

    private double[] range(String task) {
        double[] r = ranges.get(Objects.requireNonNull(task, "task"));
        if (r == null) {
            throw new QuiverUserException("reference scores " + source + " have no row for '" + task + "'; known: "
                    + String.join(", ", ranges.keySet()));
        }
        return r;
    }

    @Override
    public String toString() {
        return kind == Kind.NONE ? "ReferenceScores(none)"
                : "ReferenceScores(" + kind.lowName() + "/" + kind.highName() + ", " + ranges.size() + " tasks, from "
                        + source + ")";
    }

    /** Builds references in code (tests, APIs); invalid values are {@link IllegalArgumentException}s. */
    public static final class Builder {
        private final Kind kind;
        private final Map<String, double[]> ranges = new LinkedHashMap<>();
        private String source = "built in code";

        private Builder(Kind kind) {
            this.kind = kind;
        }

        /** Names where the references came from (used in error messages). */
        public Builder source(String source) {
            this.source = Objects.requireNonNull(source, "source");
            return this;
        }

        /** Adds a task's low (random / min) and high (human / max) reference. */
        public Builder add(String task, double low, double high) {
            Objects.requireNonNull(task, "task");
            if (task.isBlank()) {
                throw new IllegalArgumentException("task name is blank");
            }
            if (!Double.isFinite(low) || !Double.isFinite(high)) {
                throw new IllegalArgumentException("references of '" + task + "' must be finite, got " + kind.lowName()
                        + " " + low + ", " + kind.highName() + " " + high);
            }
            String problem = rangeProblem(kind, low, high);
            if (problem != null) {
                throw new IllegalArgumentException("'" + task + "': " + problem);
            }
            if (ranges.putIfAbsent(task, new double[] {low, high}) != null) {
                throw new IllegalArgumentException("'" + task + "' already has references");
            }
            return this;
        }

        /** The references. */
        public ReferenceScores build() {
            if (ranges.isEmpty()) {
                throw new IllegalArgumentException("no references added");
            }
            return new ReferenceScores(kind, Collections.unmodifiableMap(new LinkedHashMap<>(ranges)), source);
        }
    }
}
