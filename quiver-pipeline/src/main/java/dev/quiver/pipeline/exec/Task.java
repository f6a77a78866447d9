package dev.quiver.pipeline.exec;

import com.google.gson.JsonObject;

/**
 * One unit of work a {@link TaskPool} runs, in this JVM or in a worker JVM: a handler name, its parameters as
 * JSON (everything the handler needs, so that the result depends on nothing else: paths, configuration, seeds)
 * and the number of progress units it reports (e.g. gradient steps).
 *
 * @param kind the handler's name in {@link TaskHandlers}
 * @param params the handler's parameters
 * @param label a short description for messages, e.g. {@code learn iql+aw seed 1}
 * @param units the progress units the handler reports in total
 */
public record Task(String kind, JsonObject params, String label, long units) {
}
