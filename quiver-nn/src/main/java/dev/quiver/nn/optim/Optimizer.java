package dev.quiver.nn.optim;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Map;

/**
 * A first-order optimizer over a fixed, ordered list of parameters, with its state (moments) in native
 * arrays it owns, created up front, so it can be checkpointed and restored exactly.
 */
public interface Optimizer extends AutoCloseable {
    /**
     * Applies one update given the gradients, in the order of the parameters. Must be called outside a
     * gradient collector (grad mode off); creates no array that outlives the call.
     */
    void update(List<NDArray> gradients);

    /** The parameters updated, in order (live arrays). */
    List<NDArray> parameters();

    /** The number of updates applied so far. */
    long stepCount();

    /** Sets the number of updates (when restoring a checkpoint). */
    void setStepCount(long steps);

    /** The state arrays by name (live: restoring writes into them), e.g. {@code m.0}, {@code v.0}. */
    Map<String, NDArray> state();

    /** A short name of the algorithm and its hyperparameters, for manifests. */
    Map<String, Object> describe();

    /** Frees the state. */
    @Override
    void close();
}
