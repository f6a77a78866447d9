package dev.quiver.cli.bench;

import dev.quiver.cli.Json;
import dev.quiver.cli.Table;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.data.dataset.EpisodeDataset;
import dev.quiver.data.io.D4rlReader;
import dev.quiver.data.io.D4rlWriter;
import dev.quiver.data.io.MinariReader;
import dev.quiver.data.io.MinariWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code quiver bench dataset}: the memory and disk footprint of an offline dataset of the size (1M
 * transitions, 17-dim observations and 6-dim actions, D4RL's HalfCheetah shape, episodes of 1,000 steps):
 * bytes on the Java heap once loaded (the heap in use after garbage collection, with and without the dataset
 * reachable), the size of the Minari directory and of the D4RL file, and the time to write and read each.
 */
@Command(name = "dataset", mixinStandardHelpOptions = true,
        description = {"Measure the memory of a synthetic offline dataset in RAM (Java heap after GC) and on disk"
                + " (Minari directory and D4RL file), with write and read times."})
public final class DatasetBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--transitions", paramLabel = "N", defaultValue = "1000000",
            description = "Transitions, a multiple of 1000 (default: ${DEFAULT-VALUE}).")
    int transitions;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Where to write the files (default: a new temporary directory, deleted afterwards).")
    Path dir;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", paramLabel = "OUT", description = "Also write the results as JSON to OUT.")
    Path json;

    @Override
    public Integer call() throws IOException {
        if (transitions < 1000 || transitions % 1000 != 0) {
            throw new QuiverUserException("--transitions must be a positive multiple of 1000, got " + transitions);
        }
        PrintWriter out = spec.commandLine().getOut();
        int episodes = transitions / 1000;
        long before = heapAfterGc();
        EpisodeDataset data = OfflineBenchCommand.dataset(seed, episodes);
        long heap = heapAfterGc() - before;
        Path root = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("quiver-bench-dataset");
        Map<String, Object> doc = new LinkedHashMap<>();
        try {
            Path minari = root.resolve("minari");
            Path d4rl = root.resolve("d4rl.hdf5");
            if (Files.exists(minari) || Files.exists(d4rl)) {
                throw new QuiverUserException("--dir " + root + " already holds minari/ or d4rl.hdf5; give an empty"
                        + " directory");
            }
            long t0 = System.nanoTime();
            MinariWriter.of("synthetic/bench-v0", OfflineBenchCommand.SPEC.observationSpace(),
                    OfflineBenchCommand.SPEC.actionSpace()).write(minari, data);
            long t1 = System.nanoTime();
            D4rlWriter.of(OfflineBenchCommand.SPEC.observationSpace(), OfflineBenchCommand.SPEC.actionSpace())
                    .write(d4rl, data);
            long t2 = System.nanoTime();
            EpisodeDataset fromMinari = MinariReader.read(minari);
            long t3 = System.nanoTime();
            EpisodeDataset fromD4rl = D4rlReader.read(d4rl);
            long t4 = System.nanoTime();
            if (fromMinari.numSteps() != transitions || fromD4rl.numSteps() != transitions) {
                throw new IllegalStateException("read back " + fromMinari.numSteps() + " and " + fromD4rl.numSteps()
                        + " transitions, wrote " + transitions);
            }
            long minariBytes = sizeOf(minari);
            long d4rlBytes = Files.size(d4rl);
            long raw = rawBytes(data);
            Table t = new Table("what", ">MiB", ">bytes/transition", ">write s", ">read s");
            t.row("Java heap (EpisodeDataset)", mib(heap), perTransition(heap), "", "");
            t.row("raw columns (float obs/actions, double rewards, flags)", mib(raw), perTransition(raw), "", "");
            t.row("Minari directory (data/main_data.hdf5, metadata.json)", mib(minariBytes), perTransition(minariBytes),
                    seconds(t1 - t0), seconds(t3 - t2));
            t.row("D4RL file (with next_observations)", mib(d4rlBytes), perTransition(d4rlBytes), seconds(t2 - t1),
                    seconds(t4 - t3));
            out.printf(Locale.ROOT, "quiver bench dataset: %,d transitions in %,d episodes, 17-dim float32"
                    + " observations, 6-dim float32 actions%n", transitions, episodes);
            t.print(out);
            out.flush();
            doc.put("command", "bench dataset");
            doc.put("transitions", transitions);
            doc.put("episodes", episodes);
            doc.put("heap_bytes", heap);
            doc.put("raw_bytes", raw);
            doc.put("minari_bytes", minariBytes);
            doc.put("d4rl_bytes", d4rlBytes);
            doc.put("minari_write_seconds", (t1 - t0) / 1e9);
            doc.put("d4rl_write_seconds", (t2 - t1) / 1e9);
            doc.put("minari_read_seconds", (t3 - t2) / 1e9);
            doc.put("d4rl_read_seconds", (t4 - t3) / 1e9);
        } finally {
            if (dir == null) {
                deleteTree(root);
            }
        }
        if (data.numSteps() != transitions) {   // keeps the dataset reachable until after the measurement
            throw new IllegalStateException("dataset size changed");
        }
        if (json != null) {
            Json.writeFile(json, doc);
        }
        return 0;
    }

    /** The bytes of the columns themselves: observations (T+1 per episode), actions, rewards and two flags. */
    static long rawBytes(EpisodeDataset d) {
        long obs = (long) (d.numSteps() + d.numEpisodes()) * d.obsDim() * Float.BYTES;
        long act = (long) d.numSteps() * d.actDim() * Float.BYTES;
        return obs + act + (long) d.numSteps() * (Double.BYTES + 2);
    }

    private static long heapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    private static long sizeOf(Path p) throws IOException {
        try (Stream<Path> s = Files.walk(p)) {
            return s.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(paths::add);
        }
        for (Path p : paths) {
            Files.deleteIfExists(p);
        }
    }

    private String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1048576.0);
    }

    private String perTransition(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / (double) transitions);
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.2f", nanos / 1e9);
    }
}
