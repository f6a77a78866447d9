package dev.quiver.bench;

import dev.quiver.core.estimate.Estimate;
import dev.quiver.eval.aggregate.Metric;
import dev.quiver.eval.bootstrap.BootstrapConfig;
import dev.quiver.eval.bootstrap.BootstrapResult;
import dev.quiver.eval.bootstrap.IntervalMethod;
import dev.quiver.eval.bootstrap.StratifiedBootstrap;
import dev.quiver.eval.scores.ReferenceScores;
import dev.quiver.eval.scores.ScoreTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Wall seconds for the rliable statistics of the whole Atari 100k table: all seven agents (six with
 * 100 runs, SimPLe with 5) on all 26 games, human normalised, the four aggregate metrics of
 * {@link Metric#standard()} (median, IQM, mean, optimality gap), {@code reps} stratified bootstrap
 * replicates (50,000, rliable's default) and 95% percentile intervals, through {@link
 * StratifiedBootstrap#runAll} on {@code threads} threads. One operation is the whole table (the
 * replicates, their sorting and every interval); loading the CSV files is not part of it (see {@code
 * quiver bench stats} for load plus bootstrap). The target is under 3 s on 2 cores.
 *
 * <p>The data directory is {@code data}: {@code -p data=DIR} on the JMH command line, or the system
 * property {@value #DATA_PROPERTY} (when {@code data} keeps its default), or {@value #DEFAULT_DATA}
 * relative to the working directory (the repository root). Setup fails naming the path if the files
 * are not there.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
@State(Scope.Benchmark)
public class Atari100kBootstrapBenchmark {
    /** The data directory relative to the repository root. */
    public static final String DEFAULT_DATA = "../shared/data/rliable-atari100k";
    /** The system property that names the data directory when {@code -p data} is not given. */
    public static final String DATA_PROPERTY = "quiver.bench.atari100k";
    /** The per-run scores, in {@code data}. */
    public static final String SCORES_FILE = "atari100k_scores.csv";
    /** The random and human reference scores, in {@code data}. */
    public static final String REFERENCE_FILE = "atari100k_reference_scores.csv";

    /** Threads that share the replicates (results do not depend on it). */
    @Param({"1", "2"})
    public int threads;

    /** The directory with {@value #SCORES_FILE} and {@value #REFERENCE_FILE}. */
    @Param({DEFAULT_DATA})
    public String data;

    /** Bootstrap replicates per agent. */
    @Param({"50000"})
    public int reps;

    private Map<String, double[][]> matrices;
    private List<Metric> metrics;
    private BootstrapConfig config;

    /** Loads and normalises the table; fails with the path it looked at if the data is absent. */
    @Setup(Level.Trial)
    public void setUp() {
        Path dir = dataDir(data);
        matrices = load(dir);
        metrics = Metric.standard();
        config = BootstrapConfig.defaults().withReps(reps).withThreads(threads).withMethod(IntervalMethod.PERCENTILE);
    }

    /** The whole table: every agent's replicates of the four metrics, and every percentile interval. */
    @Benchmark
    public Map<String, Map<String, Estimate>> fullTable() {
        Map<String, BootstrapResult> results = StratifiedBootstrap.runAll(matrices, metrics, config);
        Map<String, Map<String, Estimate>> out = new LinkedHashMap<>();
        for (Map.Entry<String, BootstrapResult> e : results.entrySet()) {
            out.put(e.getKey(), e.getValue().estimates());
        }
        return out;
    }

    /** The agents' matrices {@code [game][run]}, human normalised, in file order. */
    public static Map<String, double[][]> load(Path dir) {
        ScoreTable table = ScoreTable.readCsv(dir.resolve(SCORES_FILE))
                .normalized(ReferenceScores.readCsv(dir.resolve(REFERENCE_FILE)));
        Map<String, double[][]> m = new LinkedHashMap<>();
        for (String alg : table.algorithms()) {
            m.put(alg, table.matrix(alg));
        }
        return m;
    }

    /**
     * The data directory: {@code param}, or the system property {@value #DATA_PROPERTY} when {@code
     * param} is the default and the property is set.
     *
     * @throws IllegalStateException naming the absolute path and how to give another if the files are not there
     */
    static Path dataDir(String param) {
        String chosen = param;
        String prop = System.getProperty(DATA_PROPERTY);
        if (DEFAULT_DATA.equals(param) && prop != null && !prop.isBlank()) {
            chosen = prop;
        }
        Path dir = Path.of(chosen);
        for (String f : new String[] {SCORES_FILE, REFERENCE_FILE}) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                throw new IllegalStateException("Atari 100k data not found: no " + f + " in " + dir.toAbsolutePath().normalize()
                        + " (working directory " + Path.of("").toAbsolutePath() + "); run from the repository root, where"
                        + " the default is " + DEFAULT_DATA + ", or give the directory with -p data=DIR (or -jvmArgsAppend"
                        + " -D" + DATA_PROPERTY + "=DIR)");
            }
        }
        return dir;
    }
}
