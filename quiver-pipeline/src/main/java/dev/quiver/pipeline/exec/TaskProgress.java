package dev.quiver.pipeline.exec;

/** Where a running task reports the progress units it has done since its last report. */
@FunctionalInterface
public interface TaskProgress {
    /** Reports nothing. */
    TaskProgress NONE = units -> { };

    /** {@code units} more units are done. */
    void advance(long units);
}
