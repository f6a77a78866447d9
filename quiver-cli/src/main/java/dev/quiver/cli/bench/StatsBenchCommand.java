package dev.quiver.cli.bench;

import dev.quiver.cli.Json;
import dev.quiver.cli.Table;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.estimate.Estimate;
import dev.quiver.eval.aggregate.Metric;
import dev.quiver.eval.bootstrap.BootstrapConfig;
import dev.quiver.eval.bootstrap.BootstrapResult;
import dev.quiver.eval.bootstrap.StratifiedBootstrap;
import dev.quiver.eval.scores.ReferenceScores;
import dev.quiver.eval.scores.ScoreTable;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code quiver bench stats}: wall seconds for the rliable statistics of the whole Atari 100k table
 * (every agent, all games, all runs, the four metrics of {@link Metric#standard()}, {@code --reps}
 * stratified bootstrap replicates, 95% percentile intervals), with each thread count of {@code
 * --threads}: one warm-up run, then {@code --repeats} rounds with the thread counts interleaved. Each
 * run reads and normalises the CSV files and then bootstraps, timed separately, so both the bootstrap
 * alone and load plus bootstrap are reported (median and min–max). With {@code --python} it also runs
 * the numpy baselines in {@code bench/python/rliable_bootstrap.py} (a vectorised numpy bootstrap and
 * rliable's own per-rep loop, scaled) and prints the ratios, and checks that the point estimates agree.
 */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = {"Measure the rliable statistics of the whole Atari 100k table: every agent, all 26 games,"
                + " all runs, median / IQM / mean / optimality gap, 50,000 stratified bootstrap replicates and 95%%"
                + " percentile intervals (target: under 3 s on 2 cores).",
            "With --python, also time the numpy baselines (a vectorised numpy bootstrap and rliable's per-rep loop,"
                + " scaled) on this machine and compare (target: 10x faster than the vectorised numpy one)."})
public final class StatsBenchCommand implements Callable<Integer> {
    /** The default data directory, relative to the working directory or the repository root. */
    static final String DEFAULT_DATA = "../shared/data/rliable-atari100k";
    static final String SCORES_FILE = "atari100k_scores.csv";
    static final String REFERENCE_FILE = "atari100k_reference_scores.csv";
    /** The numpy baselines, relative to the repository root. */
    static final String PYTHON_SCRIPT = "bench/python/rliable_bootstrap.py";
    static final int LOOP_REPS = 500;
    static final int PYTHON_REPEATS = 3;
    static final double TARGET_SECONDS = 3.0;
    static final double TARGET_RATIO = 10.0;
    private static final String[] METRICS = {"median", "iqm", "mean", "og"};
    private static final String[] METRIC_LABELS = {"median", "IQM", "mean", "OG"};

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = DEFAULT_DATA,
            description = "The folder with " + SCORES_FILE + " and " + REFERENCE_FILE + ", resolved against the"
                    + " working directory and then the repository root (default: ${DEFAULT-VALUE}).")
    String data;

    @Option(names = "--repeats", paramLabel = "N", defaultValue = "5",
            description = "Measured runs of the whole table per thread count, after one warm-up run"
                    + " (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--threads", paramLabel = "N,M", split = ",", defaultValue = "1,2",
            description = "Thread counts to measure (default: ${DEFAULT-VALUE}).")
    List<Integer> threads;

    @Option(names = "--reps", paramLabel = "N", defaultValue = "50000",
            description = "Bootstrap replicates per agent (default: ${DEFAULT-VALUE}, as rliable).")
    int reps;

    @Option(names = "--python",
            description = "Also run python3 " + PYTHON_SCRIPT + " (numpy) from the repository root and print the ratios.")
    boolean python;

    @Option(names = "--json", paramLabel = "OUT", description = "Also write the results as JSON to OUT.")
    Path json;

    @Override
    public Integer call() {
        validate();
        PrintWriter out = spec.commandLine().getOut();
        Path root = repoRoot();
        Path dir = dataDir(data, root);
        Path script = python ? pythonScript(root) : null;
        if (script != null) {
            checkNumpy(root); // before the Java runs, so that a missing numpy costs no waiting
        }

        out.printf(Locale.ROOT, "quiver bench stats: the Atari 100k table from %s%n", dir);
        out.flush();
        Sample warm = runOnce(dir, threads.get(0));
        ScoreTable table = warm.table();
        out.printf(Locale.ROOT, "  %d agents x %d games (%s), metrics median, IQM, mean, optimality gap;"
                + " %d reps, 95%% percentile intervals, seed 0%n", table.algorithms().size(), table.taskCount(),
                runsSummary(table), reps);
        out.printf(Locale.ROOT, "  one warm-up run (threads %d), then %d round%s of threads %s (interleaved);"
                + " each run loads the CSV files, then bootstraps%n", threads.get(0), repeats, repeats == 1 ? "" : "s",
                join(threads));
        out.printf(Locale.ROOT, "  warm-up (cold JVM): load %s, bootstrap %s%n", secs(warm.loadSeconds()),
                secs(warm.bootstrapSeconds()));
        out.flush();
        Map<Integer, List<Sample>> samples = new LinkedHashMap<>();
        for (int t : threads) {
            samples.put(t, new ArrayList<>());
        }
        Sample last = warm;
        for (int r = 0; r < repeats; r++) {
            for (int t : threads) {
                last = runOnce(dir, t);
                samples.get(t).add(last);
            }
        }

        out.println();
        List<String[]> rows = new ArrayList<>();
        for (Map.Entry<Integer, List<Sample>> e : samples.entrySet()) {
            Stats b = Stats.of(e.getValue().stream().mapToDouble(Sample::bootstrapSeconds).toArray());
            Stats lb = Stats.of(e.getValue().stream().mapToDouble(Sample::totalSeconds).toArray());
            rows.add(new String[] {String.valueOf(e.getKey()), secs(b.median()), range(b), secs(lb.median()), range(lb),
                String.format(Locale.ROOT, "< %.0f s: %s", TARGET_SECONDS, b.median() < TARGET_SECONDS ? "met" : "missed")});
        }
        printTable(out, new String[] {"threads", "bootstrap (median)", "min - max", "load + bootstrap (median)",
            "min - max", "target (bootstrap)"}, rows);

        Map<String, BootstrapResult> results = last.results();
        PythonRun py = null;
        if (script != null) {
            out.println();
            out.printf(Locale.ROOT, "numpy baselines: python3 %s %s --reps %d --loop-reps %d --repeats %d%n",
                    PYTHON_SCRIPT, dir, reps, LOOP_REPS, PYTHON_REPEATS);
            out.flush();
            py = runPython(script, root, dir);
            Stats v = Stats.of(py.vectorisedSeconds());
            out.printf(Locale.ROOT, "  numpy %s, one process; IQM in the loop by %s%n", py.numpyVersion(), py.iqm());
            out.printf(Locale.ROOT, "  vectorised numpy: median %s (%s, %d runs)%n", secs(v.median()), range(v),
                    py.vectorisedSeconds().length);
            out.printf(Locale.ROOT, "  rliable's per-rep loop: %d reps in %s, scaled linearly to %d reps: %s%n",
                    py.loopReps(), secs(py.loopSeconds()), reps, secs(py.loopScaledSeconds()));
            out.println();
            List<String[]> ratioRows = new ArrayList<>();
            for (Map.Entry<Integer, List<Sample>> e : samples.entrySet()) {
                double q = Stats.of(e.getValue().stream().mapToDouble(Sample::bootstrapSeconds).toArray()).median();
                double ratio = v.median() / q;
                ratioRows.add(new String[] {String.valueOf(e.getKey()), secs(q), ratio(ratio),
                    ratio(py.loopScaledSeconds() / q),
                    String.format(Locale.ROOT, ">= %.0fx: %s", TARGET_RATIO, ratio >= TARGET_RATIO ? "met" : "missed")});
            }
            printTable(out, new String[] {"threads", "Quiver bootstrap", "vectorised numpy / Quiver",
                "loop (scaled) / Quiver", "target"}, ratioRows);
        }

        out.println();
        if (py == null) {
            out.println("point estimates (Quiver):");
            List<String[]> pointRows = new ArrayList<>();
            for (Map.Entry<String, BootstrapResult> e : results.entrySet()) {
                String[] row = new String[METRICS.length + 2];
                row[0] = e.getKey();
                row[1] = String.valueOf(table.runCount(e.getKey(), table.tasks().get(0)));
                for (int k = 0; k < METRICS.length; k++) {
                    row[k + 2] = String.format(Locale.ROOT, "%.6f", e.getValue().point(METRICS[k]));
                }
                pointRows.add(row);
            }
            printTable(out, new String[] {"agent", "runs", "median", "IQM", "mean", "OG"}, pointRows);
        } else {
            out.println("point estimates, Quiver and numpy:");
            List<String[]> pointRows = new ArrayList<>();
            double maxDiff = 0;
            int compared = 0;
            for (Map.Entry<String, BootstrapResult> e : results.entrySet()) {
                Map<String, Double> np = py.points().get(e.getKey());
                for (int k = 0; k < METRICS.length; k++) {
                    double q = e.getValue().point(METRICS[k]);
                    Double n = np == null ? null : np.get(METRICS[k]);
                    double d = n == null ? Double.NaN : Math.abs(q - n);
                    if (n != null) {
                        maxDiff = Math.max(maxDiff, d);
                        compared++;
                    }
                    pointRows.add(new String[] {e.getKey(), METRIC_LABELS[k], String.format(Locale.ROOT, "%.15f", q),
                        n == null ? "-" : String.format(Locale.ROOT, "%.15f", n),
                        n == null ? "-" : String.format(Locale.ROOT, "%.1e", d)});
                }
            }
            printTable(out, new String[] {"agent", "metric", "Quiver", "numpy", "|difference|"}, pointRows);
            py = py.withPointCheck(maxDiff, compared);
            out.printf(Locale.ROOT, "points: largest |Quiver - numpy| %.1e over %d values (%s)%n", maxDiff, compared,
                    compared == 0 ? "no agent in common" : maxDiff <= 1e-12 ? "agree to 1e-12" : "DIFFER beyond 1e-12");
            double[] iv = intervalDifference(results, py.intervals());
            out.printf(Locale.ROOT, "intervals: largest |Quiver - numpy| endpoint difference %.2g, %.0f%% of that"
                    + " interval's width (independent random draws, so they agree only to Monte Carlo error)%n",
                    iv[0], 100 * iv[1]);
        }
        Map<String, Object> machine = EnvsBenchCommand.machine();
        out.println("machine: " + machine.get("cores") + " cores, load average " + machine.get("load_average")
                + ", Java " + machine.get("java") + " (" + machine.get("vm") + ")");
        out.flush();
        if (json != null) {
            Json.writeFile(json, document(dir, table, warm, samples, results, py, machine));
        }
        return 0;
    }

    private void validate() {
        if (repeats < 1) {
            throw new QuiverUserException("--repeats must be at least 1, got " + repeats);
        }
        if (reps < 1) {
            throw new QuiverUserException("--reps must be at least 1, got " + reps);
        }
        if (threads == null || threads.isEmpty()) {
            throw new QuiverUserException("--threads needs at least one thread count, e.g. --threads 1,2");
        }
        for (int t : threads) {
            if (t < 1 || t > 1024) {
                throw new QuiverUserException("--threads: each count must be in [1, 1024], got " + t);
            }
        }
        Set<Integer> distinct = new LinkedHashSet<>(threads);
        threads = new ArrayList<>(distinct);
    }

    // ------------------------------------------------------------------------------------------ timing

    /** The table and its matrices, as one run reads them. */
    private record Loaded(ScoreTable table, Map<String, double[][]> matrices) {
    }

    /** One timed run: load seconds, bootstrap seconds, the table and the results (kept for the points). */
    private record Sample(double loadSeconds, double bootstrapSeconds, ScoreTable table,
            Map<String, BootstrapResult> results) {
        double totalSeconds() {
            return loadSeconds + bootstrapSeconds;
        }
    }

    private static Loaded load(Path dir) {
        ScoreTable table = ScoreTable.readCsv(dir.resolve(SCORES_FILE))
                .normalized(ReferenceScores.readCsv(dir.resolve(REFERENCE_FILE)));
        Map<String, double[][]> m = new LinkedHashMap<>();
        for (String alg : table.algorithms()) {
            m.put(alg, table.matrix(alg));
        }
        return new Loaded(table, m);
    }

    private Sample runOnce(Path dir, int threadCount) {
        long t0 = System.nanoTime();
        Loaded loaded = load(dir);
        long t1 = System.nanoTime();
        BootstrapConfig config = BootstrapConfig.defaults().withReps(reps).withThreads(threadCount);
        Map<String, BootstrapResult> results = StratifiedBootstrap.runAll(loaded.matrices(), Metric.standard(), config);
        for (BootstrapResult r : results.values()) {
            r.estimates(); // the percentile intervals are part of the job
        }
        long t2 = System.nanoTime();
        return new Sample((t1 - t0) / 1e9, (t2 - t1) / 1e9, loaded.table(), results);
    }

    /** Median, min and max of some seconds. */
    record Stats(double median, double min, double max) {
        static Stats of(double[] xs) {
            double[] s = xs.clone();
            Arrays.sort(s);
            int n = s.length;
            double med = n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
            return new Stats(med, s[0], s[n - 1]);
        }
    }

    // ------------------------------------------------------------------------------------------ paths

    /**
     * The repository root: the first of the working directory, the directory of this command's jar or
     * classes, and their parents, that holds {@value #PYTHON_SCRIPT}; null if none does.
     */
    static Path repoRoot() {
        List<Path> starts = new ArrayList<>();
        starts.add(Path.of("").toAbsolutePath());
        try {
            CodeSource cs = StatsBenchCommand.class.getProtectionDomain().getCodeSource();
            if (cs != null && cs.getLocation() != null) {
                starts.add(Path.of(cs.getLocation().toURI()).toAbsolutePath());
            }
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            // no code location: the working directory only
        }
        for (Path start : starts) {
            for (Path p = start.normalize(); p != null; p = p.getParent()) {
                if (Files.isRegularFile(p.resolve(PYTHON_SCRIPT))) {
                    return p;
                }
            }
        }
        return null;
    }

    /** {@code data} resolved against the working directory, then the repository root; must hold both CSV files. */
    static Path dataDir(String data, Path root) {
        Path given = Path.of(data);
        List<Path> candidates = new ArrayList<>();
        candidates.add(given.toAbsolutePath().normalize());
        if (!given.isAbsolute() && root != null) {
            candidates.add(root.resolve(given).toAbsolutePath().normalize());
        }
        for (Path c : new LinkedHashSet<>(candidates)) {
            if (Files.isRegularFile(c.resolve(SCORES_FILE)) && Files.isRegularFile(c.resolve(REFERENCE_FILE))) {
                return c;
            }
        }
        List<String> tried = new ArrayList<>();
        for (Path c : new LinkedHashSet<>(candidates)) {
            tried.add(c.toString());
        }
        throw new QuiverUserException("--data " + data + ": no " + SCORES_FILE + " and " + REFERENCE_FILE + " in "
                + String.join(" or ", tried) + "; give the folder of the rliable Atari 100k scores with --data DIR");
    }

    private static Path pythonScript(Path root) {
        if (root == null) {
            throw new QuiverUserException("--python needs the Quiver source tree (" + PYTHON_SCRIPT + "), which was not"
                    + " found above the working directory " + Path.of("").toAbsolutePath() + " or the quiver jar; run"
                    + " from the repository");
        }
        return root.resolve(PYTHON_SCRIPT);
    }

    // ------------------------------------------------------------------------------------------ python

    /** What the numpy script reported. */
    record PythonRun(String numpyVersion, String iqm, double[] vectorisedSeconds, int loopReps, double loopSeconds,
            double loopScaledSeconds, Map<String, Map<String, Double>> points,
            Map<String, Map<String, double[]>> intervals, double pointsMaxDiff, int pointsCompared) {
        PythonRun withPointCheck(double maxDiff, int compared) {
            return new PythonRun(numpyVersion, iqm, vectorisedSeconds, loopReps, loopSeconds, loopScaledSeconds, points,
                    intervals, maxDiff, compared);
        }
    }

    /** A user error unless {@code python3 -c "import numpy"} succeeds. */
    private static void checkNumpy(Path root) {
        Process p;
        try {
            p = new ProcessBuilder("python3", "-c", "import numpy").directory(root.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new QuiverUserException("--python: cannot run python3 (" + e.getMessage() + "); install Python 3 with"
                    + " numpy, or leave out --python", e);
        }
        try {
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new QuiverUserException("--python: numpy is not installed for python3 (pip install numpy), or leave"
                        + " out --python" + (output.contains("No module named") ? "" : "; python3 said:\n" + tail(output, 1000)));
            }
        } catch (IOException e) {
            throw new QuiverUserException("--python: checking python3 for numpy failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            p.destroy();
            Thread.currentThread().interrupt();
            throw new QuiverUserException("--python: interrupted", e);
        }
    }

    private PythonRun runPython(Path script, Path root, Path dir) {
        List<String> cmd = List.of("python3", script.toString(), dir.toString(), "--reps", String.valueOf(reps),
                "--loop-reps", String.valueOf(LOOP_REPS), "--repeats", String.valueOf(PYTHON_REPEATS));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(root.toFile());
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new QuiverUserException("--python: cannot run python3 (" + e.getMessage() + "); install Python 3 with"
                    + " numpy, or leave out --python", e);
        }
        StringBuilder err = new StringBuilder();
        Thread errReader = new Thread(() -> drain(p.getErrorStream(), err), "python3-stderr");
        errReader.setDaemon(true);
        errReader.start();
        List<Map<String, Object>> lines = new ArrayList<>();
        StringBuilder stdout = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                stdout.append(line).append('\n');
                String s = line.strip();
                if (s.startsWith("{")) {
                    Object parsed = MiniJsonReader.parse(s);
                    if (parsed instanceof Map<?, ?> m) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> obj = (Map<String, Object>) m;
                        lines.add(obj);
                    }
                }
            }
            int exit = p.waitFor();
            errReader.join(5_000);
            if (exit != 0) {
                String e = err.toString();
                if (e.contains("No module named 'numpy'") || e.contains("No module named numpy")) {
                    throw new QuiverUserException("--python: numpy is not installed for python3 (pip install numpy),"
                            + " or leave out --python");
                }
                throw new QuiverUserException("--python: " + String.join(" ", cmd) + " failed with exit status " + exit
                        + ":\n" + tail(e, 2000));
            }
        } catch (IOException e) {
            throw new QuiverUserException("--python: reading the output of python3 failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            p.destroy();
            Thread.currentThread().interrupt();
            throw new QuiverUserException("--python: interrupted", e);
        } catch (IllegalArgumentException e) {
            throw new QuiverUserException("--python: unexpected output from " + PYTHON_SCRIPT + ": " + e.getMessage()
                    + "\n" + tail(stdout.toString(), 2000), e);
        }
        return parsePython(lines, stdout.toString());
    }

    @SuppressWarnings("unchecked")
    private static PythonRun parsePython(List<Map<String, Object>> lines, String stdout) {
        String numpy = "?";
        String iqm = "?";
        List<Double> vectorised = new ArrayList<>();
        Map<String, Map<String, Double>> points = new LinkedHashMap<>();
        Map<String, Map<String, double[]>> intervals = new LinkedHashMap<>();
        int loopReps = -1;
        double loopSeconds = Double.NaN;
        double loopScaled = Double.NaN;
        for (Map<String, Object> m : lines) {
            Object mode = m.get("mode");
            if ("setup".equals(mode)) {
                numpy = String.valueOf(m.get("numpy"));
                iqm = String.valueOf(m.get("iqm"));
            } else if ("vectorised".equals(mode)) {
                vectorised.add(((Number) m.get("seconds")).doubleValue());
                if (points.isEmpty() && m.get("points") instanceof Map<?, ?> pts) {
                    for (Map.Entry<?, ?> e : pts.entrySet()) {
                        Map<String, Double> byMetric = new LinkedHashMap<>();
                        ((Map<String, Object>) e.getValue()).forEach((k, v) -> byMetric.put(k, ((Number) v).doubleValue()));
                        points.put(String.valueOf(e.getKey()), byMetric);
                    }
                }
                if (intervals.isEmpty() && m.get("intervals") instanceof Map<?, ?> ivs) {
                    for (Map.Entry<?, ?> e : ivs.entrySet()) {
                        Map<String, double[]> byMetric = new LinkedHashMap<>();
                        ((Map<String, Object>) e.getValue()).forEach((k, v) -> {
                            List<Object> lohi = (List<Object>) v;
                            byMetric.put(k, new double[] {((Number) lohi.get(0)).doubleValue(),
                                ((Number) lohi.get(1)).doubleValue()});
                        });
                        intervals.put(String.valueOf(e.getKey()), byMetric);
                    }
                }
            } else if ("loop".equals(mode)) {
                loopReps = ((Number) m.get("reps")).intValue();
                loopSeconds = ((Number) m.get("seconds")).doubleValue();
                loopScaled = ((Number) m.get("seconds_scaled_to_reps")).doubleValue();
            }
        }
        if (vectorised.isEmpty() || loopReps < 0) {
            throw new QuiverUserException("--python: " + PYTHON_SCRIPT + " printed no " + (vectorised.isEmpty()
                    ? "'vectorised'" : "'loop'") + " timing; its output was:\n" + tail(stdout, 2000));
        }
        return new PythonRun(numpy, iqm, vectorised.stream().mapToDouble(Double::doubleValue).toArray(), loopReps,
                loopSeconds, loopScaled, points, intervals, Double.NaN, 0);
    }

    /** {largest |endpoint difference|, largest difference / that interval's width (Quiver's)}. */
    private static double[] intervalDifference(Map<String, BootstrapResult> results,
            Map<String, Map<String, double[]>> numpy) {
        double maxAbs = 0;
        double maxRel = 0;
        for (Map.Entry<String, BootstrapResult> e : results.entrySet()) {
            Map<String, double[]> np = numpy.get(e.getKey());
            if (np == null) {
                continue;
            }
            for (String k : METRICS) {
                double[] n = np.get(k);
                if (n == null) {
                    continue;
                }
                Estimate q = e.getValue().estimate(k);
                double width = q.high() - q.low();
                for (double d : new double[] {Math.abs(q.low() - n[0]), Math.abs(q.high() - n[1])}) {
                    maxAbs = Math.max(maxAbs, d);
                    if (width > 0) {
                        maxRel = Math.max(maxRel, d / width);
                    }
                }
            }
        }
        return new double[] {maxAbs, maxRel};
    }

    private static void drain(InputStream in, StringBuilder sink) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                synchronized (sink) {
                    sink.append(line).append('\n');
                }
            }
        } catch (IOException e) {
            // the process went away: what was read is kept
        }
    }

    private static String tail(String s, int max) {
        String t = s.strip();
        return t.length() <= max ? t : "..." + t.substring(t.length() - max);
    }

    // ------------------------------------------------------------------------------------------ output

    private Map<String, Object> document(Path dir, ScoreTable table, Sample warm, Map<Integer, List<Sample>> samples,
            Map<String, BootstrapResult> results, PythonRun py, Map<String, Object> machine) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("command", "bench stats");
        doc.put("date", Instant.now().toString());
        doc.put("data", dir.toString());
        doc.put("agents", table.algorithms());
        doc.put("games", table.taskCount());
        Map<String, Object> runs = new LinkedHashMap<>();
        for (String a : table.algorithms()) {
            runs.put(a, table.runCount(a, table.tasks().get(0)));
        }
        doc.put("runs", runs);
        doc.put("metrics", List.of(METRICS));
        doc.put("reps", reps);
        doc.put("confidence", 0.95);
        doc.put("interval", "percentile");
        doc.put("seed", 0);
        doc.put("repeats", repeats);
        doc.put("machine", machine);
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("threads", threads.get(0));
        w.put("load_seconds", warm.loadSeconds());
        w.put("bootstrap_seconds", warm.bootstrapSeconds());
        doc.put("warmup", w);
        List<Map<String, Object>> rows = new ArrayList<>();
        Stats vec = py == null ? null : Stats.of(py.vectorisedSeconds());
        for (Map.Entry<Integer, List<Sample>> e : samples.entrySet()) {
            Map<String, Object> m = new LinkedHashMap<>();
            double[] b = e.getValue().stream().mapToDouble(Sample::bootstrapSeconds).toArray();
            double[] l = e.getValue().stream().mapToDouble(Sample::loadSeconds).toArray();
            double[] lb = e.getValue().stream().mapToDouble(Sample::totalSeconds).toArray();
            Stats bs = Stats.of(b);
            Stats lbs = Stats.of(lb);
            m.put("threads", e.getKey());
            m.put("bootstrap_seconds", b);
            m.put("load_seconds", l);
            m.put("load_and_bootstrap_seconds", lb);
            m.put("bootstrap_median", bs.median());
            m.put("bootstrap_min", bs.min());
            m.put("bootstrap_max", bs.max());
            m.put("load_and_bootstrap_median", lbs.median());
            m.put("load_and_bootstrap_min", lbs.min());
            m.put("load_and_bootstrap_max", lbs.max());
            m.put("target_seconds", TARGET_SECONDS);
            m.put("target_met", bs.median() < TARGET_SECONDS);
            if (py != null) {
                m.put("vectorised_numpy_ratio", vec.median() / bs.median());
                m.put("loop_scaled_ratio", py.loopScaledSeconds() / bs.median());
                m.put("target_ratio", TARGET_RATIO);
                m.put("target_ratio_met", vec.median() / bs.median() >= TARGET_RATIO);
            }
            rows.add(m);
        }
        doc.put("results", rows);
        Map<String, Object> estimates = new LinkedHashMap<>();
        for (Map.Entry<String, BootstrapResult> e : results.entrySet()) {
            Map<String, Object> byMetric = new LinkedHashMap<>();
            e.getValue().estimates().forEach((k, v) -> byMetric.put(k, Json.estimate(v)));
            estimates.put(e.getKey(), byMetric);
        }
        doc.put("estimates", estimates);
        if (py != null) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("command", "python3 " + PYTHON_SCRIPT + " " + dir + " --reps " + reps + " --loop-reps " + LOOP_REPS
                    + " --repeats " + PYTHON_REPEATS);
            p.put("numpy", py.numpyVersion());
            p.put("loop_iqm", py.iqm());
            p.put("vectorised_seconds", py.vectorisedSeconds());
            p.put("vectorised_median", vec.median());
            p.put("vectorised_min", vec.min());
            p.put("vectorised_max", vec.max());
            p.put("loop_reps", py.loopReps());
            p.put("loop_seconds", py.loopSeconds());
            p.put("loop_seconds_scaled", py.loopScaledSeconds());
            p.put("points", new TreeMap<>(py.points()));
            p.put("points_max_abs_difference", py.pointsMaxDiff());
            p.put("points_compared", py.pointsCompared());
            doc.put("numpy", p);
        }
        return doc;
    }

    private static String runsSummary(ScoreTable table) {
        Map<Integer, Integer> byRuns = new TreeMap<>((a, b) -> Integer.compare(b, a));
        int scores = 0;
        for (String a : table.algorithms()) {
            int[] counts = table.runCounts(a);
            byRuns.merge(counts[0], 1, Integer::sum);
            for (int c : counts) {
                scores += c;
            }
        }
        List<String> parts = new ArrayList<>();
        byRuns.forEach((r, n) -> parts.add(n + " with " + r + " runs"));
        return String.join(", ", parts) + "; " + String.format(Locale.ROOT, "%,d", scores) + " scores";
    }

    private static String join(List<Integer> xs) {
        List<String> s = new ArrayList<>();
        for (int x : xs) {
            s.add(String.valueOf(x));
        }
        return String.join(", ", s);
    }

    static String secs(double s) {
        return String.format(Locale.ROOT, s >= 100 ? "%.0f s" : s >= 10 ? "%.1f s" : s >= 0.1 ? "%.2f s" : "%.3f s", s);
    }

    private static String range(Stats s) {
        String lo = secs(s.min());
        return lo.substring(0, lo.length() - 2) + " - " + secs(s.max());
    }

    private static String ratio(double r) {
        return String.format(Locale.ROOT, r >= 100 ? "%.0fx" : "%.1fx", r);
    }

    /** A table with the first column left-aligned and the others right-aligned. */
    private static void printTable(PrintWriter out, String[] header, List<String[]> rows) {
        Table.print(out, header, rows, true);
    }

    /** Just enough JSON reading for the script's one-object lines: objects, arrays, strings, numbers, literals. */
    static final class MiniJsonReader {
        private final String s;
        private int i;

        private MiniJsonReader(String s) {
            this.s = s;
        }

        /** The value in {@code s}: Map (insertion order), List, String, Double, Boolean or null. */
        static Object parse(String s) {
            MiniJsonReader r = new MiniJsonReader(s);
            Object v = r.value();
            r.ws();
            if (r.i != s.length()) {
                throw r.error("trailing characters");
            }
            return v;
        }

        private Object value() {
            ws();
            if (i >= s.length()) {
                throw error("unexpected end");
            }
            char c = s.charAt(i);
            switch (c) {
                case '{':
                    return object();
                case '[':
                    return array();
                case '"':
                    return string();
                default:
                    if (s.startsWith("true", i)) {
                        i += 4;
                        return Boolean.TRUE;
                    }
                    if (s.startsWith("false", i)) {
                        i += 5;
                        return Boolean.FALSE;
                    }
                    if (s.startsWith("null", i)) {
                        i += 4;
                        return null;
                    }
                    if (s.startsWith("NaN", i)) { // Python's json writes NaN / Infinity
                        i += 3;
                        return Double.NaN;
                    }
                    if (s.startsWith("Infinity", i)) {
                        i += 8;
                        return Double.POSITIVE_INFINITY;
                    }
                    if (s.startsWith("-Infinity", i)) {
                        i += 9;
                        return Double.NEGATIVE_INFINITY;
                    }
                    return number();
            }
        }

        private Map<String, Object> object() {
            Map<String, Object> m = new LinkedHashMap<>();
            i++;
            ws();
            if (peek() == '}') {
                i++;
                return m;
            }
            while (true) {
                ws();
                if (peek() != '"') {
                    throw error("expected a key");
                }
                String k = string();
                ws();
                expect(':');
                m.put(k, value());
                ws();
                char c = next();
                if (c == '}') {
                    return m;
                }
                if (c != ',') {
                    throw error("expected ',' or '}'");
                }
            }
        }

        private List<Object> array() {
            List<Object> l = new ArrayList<>();
            i++;
            ws();
            if (peek() == ']') {
                i++;
                return l;
            }
            while (true) {
                l.add(value());
                ws();
                char c = next();
                if (c == ']') {
                    return l;
                }
                if (c != ',') {
                    throw error("expected ',' or ']'");
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder sb = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') {
                    return sb.toString();
                }
                if (c != '\\') {
                    sb.append(c);
                    continue;
                }
                char e = next();
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'u' -> {
                        if (i + 4 > s.length()) {
                            throw error("bad \\u escape");
                        }
                        sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> sb.append(e);
                }
            }
        }

        private Double number() {
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            if (start == i) {
                throw error("unexpected character '" + s.charAt(i) + "'");
            }
            try {
                return Double.parseDouble(s.substring(start, i));
            } catch (NumberFormatException e) {
                throw error("bad number '" + s.substring(start, i) + "'");
            }
        }

        private void ws() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private char peek() {
            return i < s.length() ? s.charAt(i) : '\0';
        }

        private char next() {
            if (i >= s.length()) {
                throw error("unexpected end");
            }
            return s.charAt(i++);
        }

        private void expect(char c) {
            if (next() != c) {
                throw error("expected '" + c + "'");
            }
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException("JSON: " + what + " at character " + i);
        }
    }
}
