package dev.quiver.nn.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import dev.quiver.core.seed.Seeds;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * N copies of one architecture with independent initialisations (member {@code i} from
 * {@code seeds.child("member", i)}): twin critics (N = 2, as in TD3 and SAC) or critic ensembles.
 *
 * @see <a href="https://arxiv.org/abs/1802.09477">Fujimoto, van Hoof and Meger (2018), TD3,
 *     arXiv:1802.09477</a>
 */
public final class Ensemble implements AutoCloseable {
    private final List<Network> members;

    private Ensemble(List<Network> members) {
        this.members = Collections.unmodifiableList(members);
    }

    /** {@code n} independently initialised networks of {@code spec}. */
    public static Ensemble create(NetworkSpec spec, int n, Seeds seeds) {
        if (n < 1) {
            throw new IllegalArgumentException("ensemble size must be >= 1, got " + n);
        }
        List<Network> m = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            m.add(Network.create(spec, seeds.child("member", i)));
        }
        return new Ensemble(m);
    }

    /** The members. */
    public List<Network> members() {
        return members;
    }

    /** The number of members. */
    public int size() {
        return members.size();
    }

    /** Every member's output stacked on a new first axis: shape {@code (n, batch, out)}. */
    public NDArray forwardAll(NDArray x) {
        NDList outs = new NDList(members.size());
        for (Network n : members) {
            outs.add(n.forward(x));
        }
        return NDArrays.stack(outs);
    }

    /** The elementwise minimum over members (clipped double-Q): shape {@code (batch, out)}. */
    public NDArray min(NDArray x) {
        NDArray out = members.get(0).forward(x);
        for (int i = 1; i < members.size(); i++) {
            out = out.minimum(members.get(i).forward(x));
        }
        return out;
    }

    /** A new ensemble whose members are hard copies of these (for target networks). */
    public Ensemble copy() {
        List<Network> m = new ArrayList<>();
        for (Network n : members) {
            m.add(n.copy());
        }
        return new Ensemble(m);
    }

    /** Closes every member. */
    @Override
    public void close() {
        for (Network n : members) {
            n.close();
        }
    }
}
