package dev.quiver.pipeline.run;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.List;

/**
 * A finished run.
 *
 * @param runDir the run folder ({@code <out>/<study>-<timestamp>/})
 * @param summary the short summary printed at the end (recommended policy, its estimated value with interval)
 * @param results the content of {@code results.json}
 * @param stagesComputed how many stages were computed (the rest came from the cache)
 * @param stagesReused how many stages came from the cache
 */
public record StudyResult(Path runDir, List<String> summary, JsonObject results, int stagesComputed,
        int stagesReused) {
    /** Copies the list. */
    public StudyResult {
        summary = List.copyOf(summary);
    }

    /** The report's path. */
    public Path report() {
        return runDir.resolve("report.html");
    }
}
