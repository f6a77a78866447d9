package dev.quiver.nn.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.quiver.core.seed.Seeds;
import dev.quiver.nn.runtime.NnRuntime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An instantiated network: a DJL block with its parameters in a manager of their own, initialised from
 * a seed. Parameters are float32 and named as DJL names them (e.g. {@code 01Linear_weight}), in a
 * fixed order.
 *
 * <p>Forward passes put their results in the manager of the input: create inputs in a per-step
 * sub-manager ({@code try (NDManager sub = net.manager().newSubManager())}) so nothing outlives the step.
 */
public final class Network implements AutoCloseable {
    private final NetworkSpec spec;
    private final NDManager manager;
    private final NDManager parent;
    private final Block block;
    private final ParameterStore store;
    private final Map<String, NDArray> params;

    private Network(NetworkSpec spec, NDManager parent, Seeds seeds) {
        this.spec = spec;
        this.parent = parent;
        this.manager = parent == null ? NnRuntime.engine().newBaseManager() : parent.newSubManager();
        this.block = spec.newBlock();
        block.initialize(manager, DataType.FLOAT32, spec.inputShape());
        spec.initialise(block, seeds);
        this.store = new ParameterStore(manager, false);
        Map<String, NDArray> m = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            m.put(p.getKey(), p.getValue().getArray());
        }
        this.params = Collections.unmodifiableMap(m);
    }

    /** A network of {@code spec} with its own base manager, initialised from {@code seeds}. */
    public static Network create(NetworkSpec spec, Seeds seeds) {
        return new Network(spec, null, seeds);
    }

    /** A network of {@code spec} in a sub-manager of {@code parent}, initialised from {@code seeds}. */
    public static Network create(NetworkSpec spec, Seeds seeds, NDManager parent) {
        return new Network(spec, parent, seeds);
    }

    /** A new network of the same spec, in a sibling manager, with parameters copied from this one. */
    public Network copy() {
        Network n = new Network(spec, parent, Seeds.of(0));
        n.copyFrom(this);
        return n;
    }

    /** Hard-copies the parameters of {@code other} (same spec) into this network. */
    public void copyFrom(Network other) {
        checkSameShape(other);
        List<NDArray> src = other.parameterList();
        List<NDArray> dst = parameterList();
        for (int i = 0; i < src.size(); i++) {
            dst.get(i).set(src.get(i).toByteBuffer());
        }
    }

    /** Forward pass in inference mode. */
    public NDArray forward(NDArray x) {
        return forward(x, false);
    }

    /** Forward pass; {@code training} matters only for layers that behave differently in training. */
    public NDArray forward(NDArray x, boolean training) {
        return block.forward(store, new NDList(x), training).singletonOrThrow();
    }

    /** The parameters by name, in a fixed order (live arrays: do not close them). */
    public Map<String, NDArray> parameters() {
        return params;
    }

    /** The parameters in order (live arrays). */
    public List<NDArray> parameterList() {
        return new ArrayList<>(params.values());
    }

    /** The total number of scalar parameters. */
    public long parameterCount() {
        long n = 0;
        for (NDArray a : params.values()) {
            n += a.size();
        }
        return n;
    }

    /**
     * Sets the accumulated gradients to zero (gradients accumulate across backward passes; call this
     * after a loss that flowed through this network but must not update it, e.g. an actor loss through
     * a critic). Call only after at least one backward pass has reached these parameters.
     */
    public void zeroGradients() {
        try (NDScope scope = new NDScope()) {
            for (NDArray a : params.values()) {
                NDArray g = a.getGradient();
                g.subi(g);
            }
        }
    }

    /** The architecture. */
    public NetworkSpec spec() {
        return spec;
    }

    /** The DJL block (for advanced use). */
    public Block block() {
        return block;
    }

    /** The manager that owns the parameters; make per-step sub-managers from it. */
    public NDManager manager() {
        return manager;
    }

    void checkSameShape(Network other) {
        if (!spec.equals(other.spec) || params.size() != other.params.size()) {
            throw new IllegalArgumentException("networks differ: " + spec + " vs " + other.spec);
        }
    }

    /** Frees the parameters' native memory. */
    @Override
    public void close() {
        manager.close();
    }
}
