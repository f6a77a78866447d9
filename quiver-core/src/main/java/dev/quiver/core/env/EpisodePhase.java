package dev.quiver.core.env;

/** Where an env stands in its episode life cycle; used to reject out-of-order calls. */
public enum EpisodePhase {
    /** Never reset: step is not allowed yet. */
    NEEDS_RESET,
    /** Inside an episode: step is allowed. */
    RUNNING,
    /** The last step terminated or truncated: only reset is allowed. */
    ENDED;

    /** Throws a clear error unless stepping is allowed in this phase (call only when not {@link #RUNNING}). */
    public void checkCanStep(String envId) {
        if (this == NEEDS_RESET) {
            throw new IllegalStateException(envId + ": step() called before reset(); call reset(seed) first");
        }
        if (this == ENDED) {
            throw new IllegalStateException(envId
                    + ": step() called after the episode ended (terminated or truncated); call reset() first");
        }
    }
}
