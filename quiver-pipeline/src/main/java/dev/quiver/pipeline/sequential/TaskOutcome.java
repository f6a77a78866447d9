package dev.quiver.pipeline.sequential;

import com.google.gson.JsonObject;
import dev.quiver.pipeline.Stage;
import dev.quiver.pipeline.cache.StageOutput;
import dev.quiver.pipeline.config.TaskSpec;
import java.util.EnumMap;
import java.util.Map;

/**
 * What the stages of one sequential task produced: each stage's cache folder and its JSON document
 * ({@code data.json}, {@code learn.json}, ...); stages the study leaves out are absent.
 *
 * @param task the task
 * @param outputs the stages' folders
 * @param documents the stages' JSON documents
 */
public record TaskOutcome(TaskSpec task, Map<Stage, StageOutput> outputs, Map<Stage, JsonObject> documents) {
    /** Copies the maps. */
    public TaskOutcome {
        outputs = outputs.isEmpty() ? new EnumMap<>(Stage.class) : new EnumMap<>(outputs);
        documents = documents.isEmpty() ? new EnumMap<>(Stage.class) : new EnumMap<>(documents);
    }

    /** The JSON document of {@code s}, or null when the stage was not run. */
    public JsonObject doc(Stage s) {
        return documents.get(s);
    }
}
