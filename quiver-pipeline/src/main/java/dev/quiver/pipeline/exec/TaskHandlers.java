package dev.quiver.pipeline.exec;

import java.util.Map;
import java.util.TreeMap;

/**
 * The handlers a worker JVM can run, by name. The pipeline's stages register theirs in a static block of
 * {@link dev.quiver.pipeline.sequential.SequentialTasks}, which {@link WorkerMain} loads before reading tasks.
 */
public final class TaskHandlers {
    private static final Map<String, TaskHandler> HANDLERS = new TreeMap<>();

    private TaskHandlers() {
    }

    /** Registers {@code handler} as {@code kind} (replacing any earlier one). */
    public static synchronized void register(String kind, TaskHandler handler) {
        HANDLERS.put(kind, handler);
    }

    /**
     * The handler called {@code kind}.
     *
     * @throws IllegalStateException if there is none (a bug)
     */
    public static synchronized TaskHandler get(String kind) {
        dev.quiver.pipeline.sequential.SequentialTasks.registerAll();
        TaskHandler h = HANDLERS.get(kind);
        if (h == null) {
            throw new IllegalStateException("no task handler '" + kind + "'; registered: " + HANDLERS.keySet());
        }
        return h;
    }
}
