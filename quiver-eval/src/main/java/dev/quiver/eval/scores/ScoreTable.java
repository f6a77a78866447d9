package dev.quiver.eval.scores;

import dev.quiver.core.error.QuiverUserException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Scores of several algorithms on the same tasks, several runs (seeds) each: per algorithm a {@link
 * Axis#TASKS tasks} x {@link Axis#RUNS runs} matrix, the input of rliable's aggregate metrics,
 * performance profiles and probability of improvement. Immutable.
 *
 * <p><b>Axes.</b> Every algorithm has the same tasks, in one fixed order, {@link #tasks()} (the order
 * in which tasks were first added, i.e. the order of the CSV file). {@link #matrix(String)} is indexed
 * {@code [task][run]}, task index as in {@link #tasks()}; {@link #matrix(String, Axis)} with {@link
 * Axis#RUNS} gives rliable's own {@code [run][task]} layout. Within a task, runs are in ascending run id
 * order ({@link #runIds}); run ids need not be contiguous.
 *
 * <p><b>Ragged data.</b> Algorithms may have different run counts (e.g. 100 runs against 5), and one
 * algorithm may even have different run counts on different tasks. Nothing is padded, dropped or
 * imputed: row {@code t} of {@link #matrix(String)} holds exactly that task's runs, so rows may differ
 * in length. Statistics built on this table work per task on that task's runs (a per-task mean is the
 * mean of that row; a stratified bootstrap resamples each row within itself; pooled statistics such as
 * the IQM pool all rows as they are). Only {@link Axis#RUNS}-major matrices need every task to have the
 * same run count ({@link #isRectangular(String)}). What is not allowed is an algorithm with no run at all
 * on a task that other algorithms have: that is an error when the table is built, never a silent drop.
 *
 * @see <a href="https://arxiv.org/abs/2108.13264">Agarwal, R., Schwarzer, M., Castro, P. S., Courville, A.
 *     and Bellemare, M. G. (2021). Deep Reinforcement Learning at the Edge of the Statistical Precipice.
 *     NeurIPS (arXiv:2108.13264)</a>
 */
public final class ScoreTable {
    /** The two axes of an algorithm's scores. */
    public enum Axis {
        /** Tasks (games, environments): the same for every algorithm, in the order of {@link #tasks()}. */
        TASKS,
        /** Runs (independent seeds) of one algorithm on one task. */
        RUNS
    }

    private final List<String> algorithms;
    private final List<String> tasks;
    private final Map<String, double[][]> scores; // algorithm -> [task][run]
    private final Map<String, int[][]> runIds; // algorithm -> [task][run], ascending
    private final String source;
    private final Map<String, String> taskOrigins; // task -> where it first appears ("f.csv line 7"), if read

    private ScoreTable(List<String> algorithms, List<String> tasks, Map<String, double[][]> scores,
            Map<String, int[][]> runIds, String source, Map<String, String> taskOrigins) {
        this.algorithms = List.copyOf(algorithms);
        this.tasks = List.copyOf(tasks);
        this.scores = scores;
        this.runIds = runIds;
        this.source = source;
        this.taskOrigins = taskOrigins;
    }

    /** A builder for tables made in code: {@code ScoreTable.builder().add(algorithm, task, run, score)...build()}. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads a score CSV: a header with the columns {@code algorithm}, {@code game} (or {@code task}),
     * {@code run} (an integer run id, 0 or more) and {@code score}, in any order; other columns (e.g.
     * {@code score_source}) are ignored. Tasks and algorithms keep the order of their first appearance.
     *
     * @throws QuiverUserException naming the file, the 1-based line (the header is line 1) and the value for
     *     a missing column, a non-numeric or non-finite score, a bad run id, the same (algorithm, game, run)
     *     twice, an algorithm without runs on a game that other algorithms have, or an empty file
     */
    public static ScoreTable readCsv(Path file) {
        String what = "a header with columns algorithm,game,run,score ('task' may replace 'game')";
        CsvFile csv = CsvFile.read(file, what);
        int alg = csv.require("algorithm", what);
        int task = csv.requireOneOf("game", "task", what);
        String taskName = csv.column("game") >= 0 ? "game" : "task";
        int run = csv.require("run", what);
        int score = csv.require("score", what);
        if (csv.rows().isEmpty()) {
            throw new QuiverUserException(file + ": has a header but no score rows");
        }
        // algorithm -> task -> run -> line (to report duplicates and to find where things first appear)
        Map<String, Map<String, Map<Integer, Integer>>> lines = new LinkedHashMap<>();
        Builder b = builder().source(file.toString());
        for (CsvFile.Row row : csv.rows()) {
            String a = csv.name(row, alg, "algorithm");
            String t = csv.name(row, task, taskName);
            int r = csv.nonNegativeInt(row, run, "run");
            double s = csv.number(row, score, "score");
            Integer previous = lines.computeIfAbsent(a, k -> new LinkedHashMap<>())
                    .computeIfAbsent(t, k -> new LinkedHashMap<>()).putIfAbsent(r, row.line());
            if (previous != null) {
                throw new QuiverUserException(file + " line " + row.line() + ": algorithm '" + a + "', " + taskName + " '"
                        + t + "', run " + r + " appears twice (first on line " + previous + ")");
            }
            b.add(a, t, r, s);
            b.taskOrigins.putIfAbsent(t, file + " line " + row.line());
        }
        Set<String> allTasks = new LinkedHashSet<>();
        lines.values().forEach(m -> allTasks.addAll(m.keySet()));
        for (Map.Entry<String, Map<String, Map<Integer, Integer>>> e : lines.entrySet()) {
            for (String t : allTasks) {
                if (!e.getValue().containsKey(t)) {
                    List<String> others = new ArrayList<>();
                    int firstLine = Integer.MAX_VALUE;
                    for (Map.Entry<String, Map<String, Map<Integer, Integer>>> o : lines.entrySet()) {
                        Map<Integer, Integer> runs = o.getValue().get(t);
                        if (runs != null) {
                            others.add(o.getKey());
                            firstLine = Math.min(firstLine, Collections.min(runs.values()));
                        }
                    }
                    throw new QuiverUserException(file + ": algorithm '" + e.getKey() + "' has no runs on " + taskName
                            + " '" + t + "', which " + String.join(", ", others) + " " + (others.size() == 1 ? "has" : "have")
                            + " (first on line " + firstLine + "); every algorithm needs at least one run on every "
                            + taskName + " (nothing is dropped silently)");
                }
            }
        }
        return b.build();
    }

    /** The algorithms, in the order they were first added. */
    public List<String> algorithms() {
        return algorithms;
    }

    /** The tasks, in the one order shared by all algorithms (the order they were first added). */
    public List<String> tasks() {
        return tasks;
    }

    /** The number of tasks. */
    public int taskCount() {
        return tasks.size();
    }

    /** The index of {@code task} in {@link #tasks()}. */
    public int taskIndex(String task) {
        int i = tasks.indexOf(task);
        if (i < 0) {
            throw new IllegalArgumentException("unknown task '" + task + "'; known: " + String.join(", ", tasks));
        }
        return i;
    }

    /** Where the scores came from (a file name, or a description). */
    public String source() {
        return source;
    }

    /**
     * The scores of {@code algorithm} indexed {@code [task][run]}: row {@code t} is task {@code tasks().get(t)},
     * its runs in ascending run id order. Rows may differ in length (ragged data). A fresh copy.
     */
    public double[][] matrix(String algorithm) {
        return copy(data(algorithm));
    }

    /**
     * The scores of {@code algorithm} with {@code outer} as the first index: {@link Axis#TASKS} gives
     * {@code [task][run]} (as {@link #matrix(String)}), {@link Axis#RUNS} gives rliable's {@code [run][task]}
     * layout, which needs the same run count on every task.
     *
     * @throws IllegalArgumentException for {@link Axis#RUNS} when the algorithm's run counts differ by task
     */
    public double[][] matrix(String algorithm, Axis outer) {
        double[][] byTask = data(algorithm);
        if (Objects.requireNonNull(outer, "outer") == Axis.TASKS) {
            return copy(byTask);
        }
        if (!isRectangular(algorithm)) {
            throw new IllegalArgumentException("'" + algorithm + "' has different run counts on different tasks ("
                    + Arrays.toString(runCounts(algorithm)) + "): a [run][task] matrix needs the same count on every"
                    + " task; use matrix(algorithm) ([task][run]) or subsetRuns(k)");
        }
        int runs = byTask[0].length;
        double[][] out = new double[runs][byTask.length];
        for (int t = 0; t < byTask.length; t++) {
            for (int r = 0; r < runs; r++) {
                out[r][t] = byTask[t][r];
            }
        }
        return out;
    }

    /** The scores of {@code algorithm} on {@code task}, one per run, in ascending run id order. A fresh copy. */
    public double[] scores(String algorithm, String task) {
        return data(algorithm)[taskIndex(task)].clone();
    }

    /** The run ids of {@code algorithm} on {@code task}, ascending (parallel to {@link #scores}). */
    public int[] runIds(String algorithm, String task) {
        return ids(algorithm)[taskIndex(task)].clone();
    }

    /** The number of runs of {@code algorithm} on each task, in task order. */
    public int[] runCounts(String algorithm) {
        double[][] d = data(algorithm);
        int[] out = new int[d.length];
        for (int t = 0; t < d.length; t++) {
            out[t] = d[t].length;
        }
        return out;
    }

    /** The number of runs of {@code algorithm} on {@code task}. */
    public int runCount(String algorithm, String task) {
        return data(algorithm)[taskIndex(task)].length;
    }

    /** Whether {@code algorithm} has the same number of runs on every task. */
    public boolean isRectangular(String algorithm) {
        int[] c = runCounts(algorithm);
        return Arrays.stream(c).allMatch(x -> x == c[0]);
    }

    /** Whether every algorithm has the same number of runs on every task (its own number). */
    public boolean isRectangular() {
        return algorithms.stream().allMatch(this::isRectangular);
    }

    /**
     * The first {@code maxRuns} runs (in run id order) of every algorithm on every task; tasks with fewer runs
     * keep all of theirs. rliable's colab takes {@code score[:10]} of each 100-run Atari 100k agent this way.
     *
     * @throws IllegalArgumentException if {@code maxRuns < 1}
     */
    public ScoreTable subsetRuns(int maxRuns) {
        if (maxRuns < 1) {
            throw new IllegalArgumentException("maxRuns must be at least 1, got " + maxRuns);
        }
        Map<String, double[][]> s = new LinkedHashMap<>();
        Map<String, int[][]> ids = new LinkedHashMap<>();
        for (String a : algorithms) {
            double[][] d = scores.get(a);
            int[][] id = runIds.get(a);
            double[][] ds = new double[d.length][];
            int[][] is = new int[d.length][];
            for (int t = 0; t < d.length; t++) {
                ds[t] = Arrays.copyOf(d[t], Math.min(maxRuns, d[t].length));
                is[t] = Arrays.copyOf(id[t], Math.min(maxRuns, id[t].length));
            }
            s.put(a, ds);
            ids.put(a, is);
        }
        return new ScoreTable(algorithms, tasks, s, ids, source + ", first " + maxRuns + " runs", taskOrigins);
    }

    /**
     * The table with every score normalised by {@code references}: {@code (score - low) / (high - low)} per
     * task (human-normalised scores for Atari's random/human references). {@link ReferenceScores#none()}
     * returns this table.
     *
     * @throws QuiverUserException if a task of this table has no reference (naming both sources)
     */
    public ScoreTable normalized(ReferenceScores references) {
        Objects.requireNonNull(references, "references");
        if (references.kind() == ReferenceScores.Kind.NONE) {
            return this;
        }
        for (String t : tasks) {
            if (!references.has(t)) {
                String origin = taskOrigins.get(t);
                throw new QuiverUserException("reference scores " + references.source() + " have no row for '" + t
                        + "', a task of the scores " + (origin != null ? "(" + origin + ")" : source)
                        + "; add a row for it (known: " + String.join(", ", references.tasks()) + ")");
            }
        }
        Map<String, double[][]> s = new LinkedHashMap<>();
        for (String a : algorithms) {
            double[][] d = copy(scores.get(a));
            for (int t = 0; t < d.length; t++) {
                for (int r = 0; r < d[t].length; r++) {
                    d[t][r] = references.normalize(tasks.get(t), d[t][r]);
                }
            }
            s.put(a, d);
        }
        return new ScoreTable(algorithms, tasks, s, runIds, source + ", normalised by " + references.source(),
                taskOrigins);
    }

    /** The table restricted to {@code selected} algorithms, in the given order. */
    public ScoreTable select(String... selected) {
        if (selected.length == 0) {
            throw new IllegalArgumentException("select at least one algorithm");
        }
        Map<String, double[][]> s = new LinkedHashMap<>();
        Map<String, int[][]> ids = new LinkedHashMap<>();
        for (String a : selected) {
            if (s.put(a, data(a)) != null) {
                throw new IllegalArgumentException("'" + a + "' selected twice");
            }
            ids.put(a, runIds.get(a));
        }
        return new ScoreTable(List.of(selected), tasks, s, ids, source, taskOrigins);
    }

    /**
     * This table's algorithms followed by {@code other}'s (e.g. a baseline file plus one new agent's file).
     *
     * @throws QuiverUserException if the two tables do not have the same set of tasks, or share an algorithm
     */
    public ScoreTable merge(ScoreTable other) {
        if (!new LinkedHashSet<>(tasks).equals(new LinkedHashSet<>(other.tasks))) {
            Set<String> onlyHere = new LinkedHashSet<>(tasks);
            onlyHere.removeAll(other.tasks);
            Set<String> onlyThere = new LinkedHashSet<>(other.tasks);
            onlyThere.removeAll(tasks);
            throw new QuiverUserException("cannot merge scores " + source + " and " + other.source
                    + ": their tasks differ (only in the first: " + onlyHere + "; only in the second: " + onlyThere + ")");
        }
        Map<String, double[][]> s = new LinkedHashMap<>(scores);
        Map<String, int[][]> ids = new LinkedHashMap<>(runIds);
        List<String> algs = new ArrayList<>(algorithms);
        for (String a : other.algorithms) {
            if (s.containsKey(a)) {
                throw new QuiverUserException("cannot merge scores " + source + " and " + other.source + ": both have"
                        + " algorithm '" + a + "'");
            }
            double[][] d = other.scores.get(a);
            int[][] id = other.runIds.get(a);
            double[][] ds = new double[tasks.size()][];
            int[][] is = new int[tasks.size()][];
            for (int t = 0; t < tasks.size(); t++) {
                int o = other.taskIndex(tasks.get(t)); // put the other's rows in this table's task order
                ds[t] = d[o];
                is[t] = id[o];
            }
            s.put(a, ds);
            ids.put(a, is);
            algs.add(a);
        }
        Map<String, String> origins = new LinkedHashMap<>(other.taskOrigins);
        origins.putAll(taskOrigins);
        return new ScoreTable(algs, tasks, s, ids, source + " + " + other.source, origins);
    }

    private double[][] data(String algorithm) {
        double[][] d = scores.get(Objects.requireNonNull(algorithm, "algorithm"));
        if (d == null) {
            throw new IllegalArgumentException("unknown algorithm '" + algorithm + "'; known: "
                    + String.join(", ", algorithms));
        }
        return d;
    }

    private int[][] ids(String algorithm) {
        data(algorithm);
        return runIds.get(algorithm);
    }

    private static double[][] copy(double[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i].clone();
        }
        return out;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ScoreTable(").append(algorithms.size()).append(" algorithms x ")
                .append(tasks.size()).append(" tasks; runs per task:");
        for (String a : algorithms) {
            int[] c = runCounts(a);
            int min = Arrays.stream(c).min().orElse(0);
            int max = Arrays.stream(c).max().orElse(0);
            sb.append(' ').append(a).append(' ').append(min == max ? String.valueOf(min) : min + "-" + max).append(',');
        }
        sb.setLength(sb.length() - 1);
        return sb.append("; from ").append(source).append(')').toString();
    }

    /**
     * Builds a table in code. Invalid input ({@code NaN} or infinite scores, blank names, negative run ids,
     * the same (algorithm, task, run) twice, an algorithm with no run on a task others have) is an {@link
     * IllegalArgumentException}; {@link ScoreTable#readCsv} reports the same problems as user errors with
     * file and line.
     */
    public static final class Builder {
        private final Map<String, Map<String, TreeMap<Integer, Double>>> data = new LinkedHashMap<>();
        private final Set<String> taskOrder = new LinkedHashSet<>();
        private final Map<String, String> taskOrigins = new LinkedHashMap<>();
        private String source = "built in code";

        private Builder() {
        }

        /** Names where the scores came from (used in messages). */
        public Builder source(String source) {
            this.source = Objects.requireNonNull(source, "source");
            return this;
        }

        /** Adds one score: {@code algorithm}'s run {@code run} on {@code task}. */
        public Builder add(String algorithm, String task, int run, double score) {
            check(algorithm, "algorithm");
            check(task, "task");
            if (run < 0) {
                throw new IllegalArgumentException("run id must be 0 or more, got " + run);
            }
            if (!Double.isFinite(score)) {
                throw new IllegalArgumentException("score of '" + algorithm + "' on '" + task + "', run " + run
                        + " is not finite: " + score);
            }
            TreeMap<Integer, Double> runs = data.computeIfAbsent(algorithm, k -> new LinkedHashMap<>())
                    .computeIfAbsent(task, k -> new TreeMap<>());
            if (runs.containsKey(run)) {
                throw new IllegalArgumentException("'" + algorithm + "' on '" + task + "', run " + run + " added twice");
            }
            runs.put(run, score);
            taskOrder.add(task);
            return this;
        }

        /** Adds runs {@code 0, 1, ...} of {@code algorithm} on {@code task} (after any runs it already has). */
        public Builder addRuns(String algorithm, String task, double... runScores) {
            check(algorithm, "algorithm");
            check(task, "task");
            Map<String, TreeMap<Integer, Double>> byTask = data.get(algorithm);
            TreeMap<Integer, Double> existing = byTask == null ? null : byTask.get(task);
            int next = existing == null || existing.isEmpty() ? 0 : existing.lastKey() + 1;
            for (int i = 0; i < runScores.length; i++) {
                add(algorithm, task, next + i, runScores[i]);
            }
            return this;
        }

        private static void check(String name, String what) {
            Objects.requireNonNull(name, what);
            if (name.isBlank()) {
                throw new IllegalArgumentException(what + " name is blank");
            }
        }

        /** The table. */
        public ScoreTable build() {
            if (data.isEmpty()) {
                throw new IllegalArgumentException("no scores added");
            }
            List<String> tasks = new ArrayList<>(taskOrder);
            Map<String, double[][]> scores = new LinkedHashMap<>();
            Map<String, int[][]> ids = new LinkedHashMap<>();
            for (Map.Entry<String, Map<String, TreeMap<Integer, Double>>> e : data.entrySet()) {
                double[][] d = new double[tasks.size()][];
                int[][] id = new int[tasks.size()][];
                for (int t = 0; t < tasks.size(); t++) {
                    TreeMap<Integer, Double> runs = e.getValue().get(tasks.get(t));
                    if (runs == null || runs.isEmpty()) {
                        throw new IllegalArgumentException("'" + e.getKey() + "' has no runs on task '" + tasks.get(t)
                                + "', which other algorithms have; every algorithm needs a run on every task");
                    }
                    d[t] = new double[runs.size()];
                    id[t] = new int[runs.size()];
                    int r = 0;
                    for (Map.Entry<Integer, Double> run : runs.entrySet()) {
                        id[t][r] = run.getKey();
                        d[t][r++] = run.getValue();
                    }
                }
                scores.put(e.getKey(), d);
                ids.put(e.getKey(), id);
            }
            return new ScoreTable(new ArrayList<>(data.keySet()), tasks, scores, ids, source,
                    Map.copyOf(taskOrigins));
        }
    }
}
