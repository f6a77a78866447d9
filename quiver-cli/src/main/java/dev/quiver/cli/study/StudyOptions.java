package dev.quiver.cli.study;

import dev.quiver.core.error.QuiverUserException;
import dev.quiver.pipeline.Stage;
import dev.quiver.pipeline.run.ProgressListener;
import dev.quiver.pipeline.run.RunOptions;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/** The options {@code quiver run} and {@code quiver demo} share: where to write, threads, forcing, progress. */
final class StudyOptions {
    @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs",
            description = "Folder of the run folders <study>-<timestamp>/ (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "Stage cache (default: <out>/.cache). Unchanged stages are reused from it.")
    Path cache;

    @Option(names = "--threads", paramLabel = "N",
            description = "Cores to use: N worker processes train, estimate and play in parallel; 1 runs everything"
                    + " in this process (default: the number of processors, at most one per 2.5 GiB of memory, as each"
                    + " worker may use 2 GiB). Results do not depend on N.")
    Integer threads;

    @Option(names = "--force", paramLabel = "STAGE", split = ",",
            description = "Recompute these stages even if cached (comma-separated or repeated; data, learn,"
                    + " estimate, verify, quantify; report is accepted and changes nothing: every run writes its"
                    + " report afresh). Later stages rerun only if its output changed.")
    List<String> force = new ArrayList<>();

    @Option(names = "--no-progress", description = "No progress bars: one plain line per stage on stderr.")
    boolean noProgress;

    /** The run options these flags give. */
    RunOptions toRunOptions(PrintStream err) {
        int n = threads != null ? threads : RunOptions.defaultThreads();
        if (n < 1) {
            throw new QuiverUserException("--threads must be at least 1, got " + n);
        }
        Set<Stage> forced = EnumSet.noneOf(Stage.class);
        for (String f : force) {
            Stage s = Stage.byKey(f);
            if (s == null) {
                throw new QuiverUserException("--force " + f + ": unknown stage; allowed: data, learn, estimate,"
                        + " verify, quantify, report");
            }
            if (s != Stage.REPORT) {
                forced.add(s); // the report is not cached: every run writes it afresh
            }
        }
        ProgressListener l = noProgress ? ProgressListener.plain(new PrintWriter(err, true)) : new ProgressBars(err);
        return new RunOptions(out, cache, n, forced, l);
    }
}
