package dev.quiver.cli.stats;

import dev.quiver.core.error.QuiverUserException;
import dev.quiver.eval.bootstrap.BootstrapConfig;
import dev.quiver.eval.bootstrap.IntervalMethod;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The bootstrap options shared by the {@code quiver stats} commands. */
public final class BootstrapOptions {
    @Option(names = "--reps", paramLabel = "N",
            description = "Bootstrap replicates (default: 50000 for aggregates, 2000 for profiles and probability of"
                    + " improvement, as rliable).")
    Integer reps;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "Root seed of the bootstrap (default: ${DEFAULT-VALUE}); results do not depend on --threads.")
    long seed;

    @Option(names = "--ci", paramLabel = "METHOD", defaultValue = "percentile",
            description = "Interval: percentile, basic, bc or bca (default: ${DEFAULT-VALUE}).")
    String ci;

    @Option(names = "--confidence", paramLabel = "P", defaultValue = "0.95",
            description = "Nominal coverage of the intervals, in (0, 1) (default: ${DEFAULT-VALUE}).")
    double confidence;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads (default: all cores). Results are identical for any value.")
    Integer threads;

    @Option(names = "--task-bootstrap", description = "Also resample tasks (rliable's task_bootstrap=True).")
    boolean taskBootstrap;

    /** The config these options describe, with {@code defaultReps} unless --reps is given. */
    public BootstrapConfig config(int defaultReps) {
        int reps = this.reps == null ? defaultReps : this.reps;
        if (reps < 1) {
            throw new QuiverUserException("--reps must be at least 1, got " + reps);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new QuiverUserException("--confidence must be strictly between 0 and 1, got " + confidence);
        }
        if (threads != null && threads < 1) {
            throw new QuiverUserException("--threads must be at least 1, got " + threads);
        }
        BootstrapConfig c = BootstrapConfig.defaults().withReps(reps).withSeed(seed).withConfidence(confidence)
                .withMethod(method()).withTaskBootstrap(taskBootstrap);
        return threads == null ? c : c.withThreads(threads);
    }

    IntervalMethod method() {
        for (IntervalMethod m : IntervalMethod.values()) {
            if (m.name().equalsIgnoreCase(ci) || m.toString().equalsIgnoreCase(ci)) {
                return m;
            }
        }
        throw new QuiverUserException("--ci must be one of percentile, basic, bc, bca; got '" + ci.toLowerCase(Locale.ROOT)
                + "'");
    }
}
