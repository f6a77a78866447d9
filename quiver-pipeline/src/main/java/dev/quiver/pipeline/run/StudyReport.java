package dev.quiver.pipeline.run;

import com.google.gson.JsonObject;
import dev.quiver.pipeline.report.HtmlReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The report of one run while it is being written: the HTML document, the {@code results.json} object, the
 * summary lines for the terminal and the notes, and the (temporary) run folder that CSV files and checkpoints
 * are copied into.
 */
public final class StudyReport {
    private final HtmlReport html;
    private final JsonObject results = new JsonObject();
    private final List<String> summary = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Path dir;

    /** A report titled {@code title} whose files go to {@code dir}. */
    public StudyReport(String title, Path dir) {
        this.html = new HtmlReport(title);
        this.dir = dir;
    }

    /** The HTML document. */
    public HtmlReport html() {
        return html;
    }

    /** The results.json object. */
    public JsonObject results() {
        return results;
    }

    /** The run folder being written. */
    public Path dir() {
        return dir;
    }

    /** Adds lines to the terminal summary. */
    public void summary(List<String> lines) {
        summary.addAll(lines);
    }

    /** The terminal summary. */
    public List<String> summary() {
        return List.copyOf(summary);
    }

    /** Records a note (shown in the report's notes section, deduplicated). */
    public void note(String line) {
        if (!notes.contains(line)) {
            notes.add(line);
        }
    }

    /** The notes. */
    public List<String> notes() {
        return List.copyOf(notes);
    }
}
