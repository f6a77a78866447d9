package dev.quiver.cli.bench;

import dev.quiver.cli.Json;
import dev.quiver.cli.Table;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.registry.Envs;
import dev.quiver.envs.classic.ClassicControl;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code quiver bench envs}: env steps per second on one thread, for one env through the public
 * {@code Env} API and for the struct-of-arrays vector env at each copy count, with random actions; each
 * configuration is warmed up, then measured {@code --repeats} times for {@code --seconds} each (the
 * repeats of all configurations interleaved, so a burst of load elsewhere hits them alike). Prints the
 * median and min–max, and for CartPole-v1 the ratio to Gymnasium's reference speeds.
 */
@Command(name = "envs", mixinStandardHelpOptions = true,
        description = {"Measure env steps per second on one thread: the single env through the Env API"
                + " (Envs.make, random actions, reset when an episode ends) and the allocation-free vector env"
                + " with each number of copies (random actions every step, autoreset).",
            "For CartPole-v1 the medians are compared with Gymnasium on this kind of machine: about 0.2 M"
                + " steps/s for the Python CartPoleEnv and 16 M steps/s for the numpy CartPoleVectorEnv with"
                + " 1024 copies (targets: 50x and 2x)."})
public final class EnvsBenchCommand implements Callable<Integer> {
    /** Largest accepted copy count (keeps the buffers far below any heap limit). */
    static final int MAX_COPIES = 1 << 24;

    @Spec
    CommandSpec spec;

    @Option(names = "--env", paramLabel = "ID", defaultValue = "CartPole-v1",
            description = "The env id (default: ${DEFAULT-VALUE}); the vector env exists for the classic-control"
                    + " envs only.")
    String env;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "1",
            description = "Length of one measurement in seconds (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--warmup", paramLabel = "S",
            description = "Warm-up per configuration in seconds, before any measurement (default: 3 x --seconds).")
    Double warmup;

    @Option(names = "--repeats", paramLabel = "N", defaultValue = "5",
            description = "Measurements per configuration (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--copies", paramLabel = "N", split = ",", defaultValue = "64,1024",
            description = "Copy counts for the vector env (default: ${DEFAULT-VALUE}).")
    List<Integer> copies;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "Seed of the envs (copy i of a vector env gets S + i) and, through S + 1, of the"
                    + " actions (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", paramLabel = "OUT", description = "Also write the results as JSON to OUT.")
    Path json;

    @Override
    public Integer call() {
        validate();
        PrintWriter out = spec.commandLine().getOut();
        Envs.registration(env); // a user error naming the known ids if env is unknown
        double warm = warmup != null ? warmup : 3 * seconds;
        List<EnvStepHarness.Config> configs = new ArrayList<>();
        configs.add(EnvStepHarness.Config.single(env));
        boolean vector = ClassicControl.hasVector(env);
        if (vector) {
            for (int n : copies) {
                configs.add(EnvStepHarness.Config.vector(env, n));
            }
        }
        out.printf(Locale.ROOT, "quiver bench envs: %s, one thread, warm-up %.2f s then %d x %.2f s per"
                + " configuration (interleaved), seed %d%n", env, warm, repeats, seconds, seed);
        for (EnvStepHarness.Config c : configs) {
            out.println("  " + c.label() + ": " + c.describeActions());
        }
        if (!vector) {
            out.println("  (no struct-of-arrays vector env for " + env + ": single env only)");
        }
        out.flush();

        EnvStepHarness harness = new EnvStepHarness(seed);
        List<EnvStepHarness.Result> results = harness.run(configs, warm, seconds, repeats);

        out.println();
        String[] header = {"configuration", "median steps/s", "min - max", "Gymnasium reference", "ratio", "target"};
        List<String[]> rows = new ArrayList<>();
        for (EnvStepHarness.Result r : results) {
            Reference ref = Reference.of(r.config());
            rows.add(new String[] {r.config().label(), mega(r.median()), mega(r.min()) + " - " + mega(r.max()),
                ref == null ? "-" : mega(ref.stepsPerSecond()) + " (" + ref.what() + ")",
                ref == null ? "-" : String.format(Locale.ROOT, "%.1fx", r.median() / ref.stepsPerSecond()),
                ref == null ? "-" : String.format(Locale.ROOT, ">= %.0fx: %s", ref.targetRatio(),
                        r.median() >= ref.targetRatio() * ref.stepsPerSecond() ? "met" : "missed")});
        }
        printTable(out, header, rows);
        out.printf(Locale.ROOT, "checksum %.6g (sum of rewards and first observations, so no work is dropped)%n",
                harness.checksum());
        Map<String, Object> machine = machine();
        out.println("machine: " + machine.get("cores") + " cores, load average " + machine.get("load_average")
                + ", Java " + machine.get("java") + " (" + machine.get("vm") + ")");
        out.flush();
        if (json != null) {
            Json.writeFile(json, document(results, warm, harness.checksum(), machine));
        }
        return 0;
    }

    private void validate() {
        if (!(seconds > 0) || !Double.isFinite(seconds)) {
            throw new QuiverUserException("--seconds must be a positive number of seconds, got " + seconds);
        }
        if (warmup != null && (!(warmup >= 0) || !Double.isFinite(warmup))) {
            throw new QuiverUserException("--warmup must be zero or a positive number of seconds, got " + warmup);
        }
        if (repeats < 1) {
            throw new QuiverUserException("--repeats must be at least 1, got " + repeats);
        }
        for (int n : copies) {
            if (n < 1 || n > MAX_COPIES) {
                throw new QuiverUserException("--copies: each count must be in [1, " + MAX_COPIES + "], got " + n);
            }
        }
    }

    private Map<String, Object> document(List<EnvStepHarness.Result> results, double warm, double checksum,
            Map<String, Object> machine) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("command", "bench envs");
        doc.put("env", env);
        doc.put("date", Instant.now().toString());
        doc.put("seed", seed);
        doc.put("warmup_seconds", warm);
        doc.put("seconds", seconds);
        doc.put("repeats", repeats);
        doc.put("threads", 1);
        doc.put("machine", machine);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (EnvStepHarness.Result r : results) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("configuration", r.config().label());
            m.put("kind", r.config().copies() == 0 ? "single" : "vector");
            m.put("copies", r.config().copies() == 0 ? 1 : r.config().copies());
            m.put("actions", r.config().describeActions());
            m.put("steps_per_second", r.samples());
            m.put("median", r.median());
            m.put("min", r.min());
            m.put("max", r.max());
            Reference ref = Reference.of(r.config());
            if (ref != null) {
                m.put("reference", ref.what());
                m.put("reference_steps_per_second", ref.stepsPerSecond());
                m.put("ratio", r.median() / ref.stepsPerSecond());
                m.put("target_ratio", ref.targetRatio());
                m.put("target_met", r.median() >= ref.targetRatio() * ref.stepsPerSecond());
            }
            rows.add(m);
        }
        doc.put("results", rows);
        doc.put("checksum", checksum);
        return doc;
    }

    /** The JVM and machine, for the record. */
    static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("java", System.getProperty("java.version"));
        m.put("vm", System.getProperty("java.vm.name"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        m.put("cores", Runtime.getRuntime().availableProcessors());
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        m.put("load_average", load < 0 ? null : Math.round(load * 100) / 100.0);
        return m;
    }

    /** Steps per second in millions, e.g. {@code 12.3 M}. */
    static String mega(double stepsPerSecond) {
        double m = stepsPerSecond / 1e6;
        return String.format(Locale.ROOT, m >= 100 ? "%.0f M" : m >= 1 ? "%.1f M" : "%.2f M", m);
    }

    /** Prints a table: the first column left-aligned, numbers right-aligned, the last column unpadded. */
    static void printTable(PrintWriter out, String[] header, List<String[]> rows) {
        Table.print(out, header, rows, false);
    }

    /**
     * Gymnasium's speed on this kind of machine for a configuration, and the target ratio.
     *
     * @param what which Gymnasium implementation
     * @param stepsPerSecond its speed
     * @param targetRatio the speed-up Quiver aims for
     */
    record Reference(String what, double stepsPerSecond, double targetRatio) {
        /** The reference for {@code c}, or null where there is none (envs other than CartPole-v1). */
        static Reference of(EnvStepHarness.Config c) {
            if (!"CartPole-v1".equals(c.envId())) {
                return null;
            }
            return c.copies() == 0 ? new Reference("Python CartPoleEnv", 0.2e6, 50)
                    : new Reference("numpy CartPoleVectorEnv, 1024 copies", 16e6, 2);
        }
    }
}
