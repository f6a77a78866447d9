package dev.quiver.pipeline.exec;

import com.google.gson.JsonObject;

/** Runs one kind of {@link Task}: a pure function of its parameters (and the files they name) to a JSON result. */
@FunctionalInterface
public interface TaskHandler {
    /**
     * Runs the task.
     *
     * @param params the task's parameters
     * @param progress receives the progress units done, as they are done
     * @return the result (small: numbers and paths; large outputs go to files the parameters name)
     * @throws Exception on failure; a {@link dev.quiver.core.error.QuiverUserException} is reported as a user error
     */
    JsonObject run(JsonObject params, TaskProgress progress) throws Exception;
}
