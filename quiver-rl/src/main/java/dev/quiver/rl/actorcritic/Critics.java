package dev.quiver.rl.actorcritic;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.quiver.core.seed.Seeds;
import dev.quiver.nn.checkpoint.CheckpointReader;
import dev.quiver.nn.checkpoint.CheckpointWriter;
import dev.quiver.nn.net.Ensemble;
import dev.quiver.nn.net.Network;
import dev.quiver.nn.net.NetworkSpec;
import dev.quiver.nn.optim.Adam;
import dev.quiver.nn.target.TargetNetworks;
import dev.quiver.nn.train.GradientStep;
import dev.quiver.nn.train.LossFunction;
import dev.quiver.nn.train.StepResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Twin (or N) Q-networks of one architecture with their Polyak-averaged target copies, trained together
 * by one Adam optimizer: the clipped double-Q critics of TD3 and SAC. The architecture decides what a
 * critic reads: {@code Q(s, a)} from the concatenation of observation and action (continuous actions) or
 * {@code Q(s, ·)} with one output per action (discrete actions).
 *
 * <p>Member {@code i} is initialised from {@code seeds.child("member", i)}; the targets start as exact
 * copies. Owns every network and the optimizer state: close it when done.
 *
 * @see <a href="https://arxiv.org/abs/1802.09477">Fujimoto, S., van Hoof, H. and Meger, D. (2018).
 *     Addressing Function Approximation Error in Actor-Critic Methods. ICML. arXiv:1802.09477</a>
 * @see <a href="https://arxiv.org/abs/1509.02971">Lillicrap, T. et al. (2016). Continuous control with deep
 *     reinforcement learning. ICLR. arXiv:1509.02971</a>
 */
public final class Critics implements AutoCloseable {
    private final Ensemble online;
    private final Ensemble target;
    private final Adam adam;
    private final GradientStep step;

    private Critics(Ensemble online, Ensemble target, Adam adam) {
        this.online = online;
        this.target = target;
        this.adam = adam;
        this.step = new GradientStep(adam, online.members().get(0).manager(), 0);
    }

    /**
     * {@code n} critics of {@code spec} and their targets, trained by Adam with {@code adam}.
     *
     * @param seeds the initialisation stream (member {@code i} from {@code seeds.child("member", i)})
     */
    public static Critics create(NetworkSpec spec, int n, Adam.Config adam, Seeds seeds) {
        Ensemble online = Ensemble.create(spec, n, seeds);
        Ensemble target = null;
        try {
            target = online.copy();
            return new Critics(online, target, new Adam(adam, online.members().toArray(new Network[0])));
        } catch (RuntimeException | Error e) {
            online.close();
            if (target != null) {
                target.close();
            }
            throw e;
        }
    }

    /** The number of critics. */
    public int size() {
        return online.size();
    }

    /** The manager to make per-step sub-managers from. */
    public NDManager manager() {
        return online.members().get(0).manager();
    }

    /** Each online critic's output for {@code x} (recorded for gradients inside a gradient step). */
    public List<NDArray> forward(NDArray x) {
        List<NDArray> out = new ArrayList<>(online.size());
        for (Network n : online.members()) {
            out.add(n.forward(x, true));
        }
        return out;
    }

    /** The first online critic's output for {@code x} (TD3's actor maximises {@code Q_1}). */
    public NDArray forwardFirst(NDArray x) {
        return online.members().get(0).forward(x, true);
    }

    /** The elementwise minimum of the online critics' outputs for {@code x}. */
    public NDArray min(NDArray x) {
        return min(forward(x));
    }

    /** The elementwise minimum of the target critics' outputs for {@code x} (clipped double-Q target). */
    public NDArray targetMin(NDArray x) {
        return target.min(x);
    }

    /** The elementwise minimum of {@code outputs}. */
    public static NDArray min(List<NDArray> outputs) {
        NDArray m = outputs.get(0);
        for (int i = 1; i < outputs.size(); i++) {
            m = m.minimum(outputs.get(i));
        }
        return m;
    }

    /** One Adam step of all critics on the loss that {@code fn} computes. */
    public StepResult update(LossFunction fn) {
        return step.step(fn);
    }

    /**
     * Zeroes the critics' accumulated gradients: call after an actor loss that flowed through the critics
     * (their parameters must not take that gradient into their next update).
     */
    public void zeroGradients() {
        for (Network n : online.members()) {
            n.zeroGradients();
        }
    }

    /** Moves the targets towards the online critics: {@code θ' ← τ θ + (1 − τ) θ'}. */
    public void updateTargets(double tau) {
        TargetNetworks.polyakUpdate(target, online, tau);
    }

    /** The online critics (live). */
    public Ensemble online() {
        return online;
    }

    /** The target critics (live). */
    public Ensemble target() {
        return target;
    }

    /**
     * Adds every online and target critic and the optimizer's state to {@code w}: networks
     * {@code name + i} and {@code name + i + "_target"}, optimizer {@code name + "_adam"} (e.g.
     * {@code critic0}, {@code critic1_target}, {@code critic_adam}).
     */
    public void save(String name, CheckpointWriter w) {
        for (int i = 0; i < online.size(); i++) {
            w.network(name + i, online.members().get(i)).network(name + i + "_target", target.members().get(i));
        }
        w.optimizer(name + "_adam", adam);
    }

    /**
     * Restores what {@link #save} wrote under {@code name}.
     *
     * @throws dev.quiver.core.error.QuiverUserException if a part is missing or has another shape
     */
    public void restore(String name, CheckpointReader r) {
        for (int i = 0; i < online.size(); i++) {
            r.restore(name + i, online.members().get(i));
            r.restore(name + i + "_target", target.members().get(i));
        }
        r.restore(name + "_adam", adam);
    }

    @Override
    public void close() {
        adam.close();
        online.close();
        target.close();
    }
}
