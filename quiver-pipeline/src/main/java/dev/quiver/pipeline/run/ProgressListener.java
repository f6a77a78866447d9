package dev.quiver.pipeline.run;

import dev.quiver.pipeline.Stage;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * What a running study reports: each stage of each task as it starts (with its total work in units, e.g.
 * gradient steps or episodes), its progress, and its end (computed or taken from the cache), plus notes. The
 * command line draws progress bars from it; {@link #plain} writes one line per stage for logs and CI.
 */
public interface ProgressListener {
    /** Reports nothing. */
    ProgressListener NONE = new ProgressListener() {
        @Override
        public void stageStarted(String scope, Stage stage, long units, String unit) {
        }

        @Override
        public void advanced(long units) {
        }

        @Override
        public void stageFinished(String scope, Stage stage, boolean reused, double seconds) {
        }

        @Override
        public void note(String line) {
        }
    };

    /** Stage {@code stage} of task {@code scope} starts computing {@code units} units of work named {@code unit}. */
    void stageStarted(String scope, Stage stage, long units, String unit);

    /** {@code units} more units of the current stage are done (called from one thread at a time). */
    void advanced(long units);

    /**
     * Stage {@code stage} of {@code scope} is done: computed now, or {@code reused} from the cache (then
     * {@link #stageStarted} was not called).
     */
    void stageFinished(String scope, Stage stage, boolean reused, double seconds);

    /** A line worth showing (a warning, a note about a skipped estimator). */
    void note(String line);

    /** One plain line per finished stage and note, on {@code out}. */
    static ProgressListener plain(PrintWriter out) {
        return new ProgressListener() {
            @Override
            public void stageStarted(String scope, Stage stage, long units, String unit) {
            }

            @Override
            public void advanced(long units) {
            }

            @Override
            public void stageFinished(String scope, Stage stage, boolean reused, double seconds) {
                out.println(String.format(Locale.ROOT, "%-12s %-9s %s", scope, stage.key(), reused
                        ? "cached" : String.format(Locale.ROOT, "done in %.1f s", seconds)));
                out.flush();
            }

            @Override
            public void note(String line) {
                out.println("note: " + line);
                out.flush();
            }
        };
    }
}
