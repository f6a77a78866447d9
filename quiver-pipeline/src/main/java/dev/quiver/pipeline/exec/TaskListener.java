package dev.quiver.pipeline.exec;

/** What a {@link TaskPool} tells its caller while it runs a batch of tasks (called from several threads, serialised). */
@FunctionalInterface
public interface TaskListener {
    /** Listens to nothing. */
    TaskListener NONE = units -> { };

    /** {@code units} more progress units of the batch are done. */
    void advanced(long units);
}
