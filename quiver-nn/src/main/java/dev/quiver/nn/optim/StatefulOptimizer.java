package dev.quiver.nn.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.quiver.nn.net.Network;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bookkeeping every per-parameter optimizer shares: the parameters of some networks in order, a
 * manager owning the state arrays, the named state (for checkpoints) and the step count. Subclasses
 * create their state arrays with {@link #newState(String)} and write the update rule.
 */
abstract class StatefulOptimizer implements Optimizer {
    /** The optimized parameters, in network order. */
    protected final List<NDArray> params = new ArrayList<>();
    private final NDManager stateManager;
    private final Map<String, NDArray> state = new LinkedHashMap<>();
    /** Updates applied so far. */
    protected long t;

    StatefulOptimizer(Network... networks) {
        for (Network n : networks) {
            params.addAll(n.parameterList());
        }
        this.stateManager = networks[0].manager().newSubManager();
    }

    /**
     * One zero state array per parameter, named {@code prefix + "." + i} in {@link #state()}.
     *
     * @param prefix the state's name, e.g. {@code "m"}
     */
    protected final List<NDArray> newState(String prefix) {
        List<NDArray> arrays = new ArrayList<>(params.size());
        for (int i = 0; i < params.size(); i++) {
            NDArray p = params.get(i);
            NDArray z = stateManager.zeros(p.getShape(), p.getDataType());
            arrays.add(z);
            state.put(prefix + "." + i, z);
        }
        return arrays;
    }

    @Override
    public final List<NDArray> parameters() {
        return Collections.unmodifiableList(params);
    }

    @Override
    public final long stepCount() {
        return t;
    }

    @Override
    public final void setStepCount(long steps) {
        t = steps;
    }

    @Override
    public final Map<String, NDArray> state() {
        return Collections.unmodifiableMap(state);
    }

    @Override
    public final void close() {
        stateManager.close();
    }
}
