package dev.quiver.cli.study;

import dev.quiver.pipeline.Stage;
import dev.quiver.pipeline.run.ProgressListener;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A {@link ProgressListener} that draws one progress bar per stage on standard error (progressbar over JLine);
 * a stage taken from the cache prints one line instead. When standard error is not a terminal the bar degrades
 * to carriage-return updates: use {@code --no-progress} for plain lines in logs and CI.
 */
final class ProgressBars implements ProgressListener {
    private final PrintStream err;
    private final PrintWriter lines;
    private ProgressBar bar;

    ProgressBars(PrintStream err) {
        this.err = err;
        this.lines = new PrintWriter(err, true);
    }

    @Override
    public synchronized void stageStarted(String scope, Stage stage, long units, String unit) {
        close();
        bar = new ProgressBarBuilder().setTaskName(String.format(Locale.ROOT, "%-12s %-8s", scope, stage.key()))
                .setInitialMax(Math.max(units, 1)).setUnit(unit.isEmpty() ? "" : " " + unit, 1)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250)
                .setConsumer(new ConsoleProgressBarConsumer(err, 110)).build();
    }

    @Override
    public synchronized void advanced(long units) {
        if (bar != null) {
            bar.stepBy(units);
        }
    }

    @Override
    public synchronized void stageFinished(String scope, Stage stage, boolean reused, double seconds) {
        if (reused) {
            close();
            lines.println(String.format(Locale.ROOT, "%-12s %-8s cached (computed in %.1f s before)", scope,
                    stage.key(), seconds));
            return;
        }
        if (bar != null) {
            bar.stepTo(bar.getMax());
        }
        close();
    }

    @Override
    public synchronized void note(String line) {
        close();
        lines.println("note: " + line);
    }

    private void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
