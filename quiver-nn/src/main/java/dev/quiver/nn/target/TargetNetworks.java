package dev.quiver.nn.target;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import dev.quiver.nn.net.Ensemble;
import dev.quiver.nn.net.Network;
import java.util.List;

/**
 * Target-network updates: hard copies (DQN, every C steps) and Polyak averaging
 * {@code θ' ← τ θ + (1 − τ) θ'} (DDPG, TD3, SAC, every step).
 *
 * @see <a href="https://arxiv.org/abs/1312.5602">Mnih et al. (2013), DQN, arXiv:1312.5602</a>
 * @see <a href="https://arxiv.org/abs/1509.02971">Lillicrap et al. (2015), DDPG, arXiv:1509.02971</a>
 */
public final class TargetNetworks {
    private TargetNetworks() {
    }

    /** Copies the online parameters into the target. */
    public static void hardUpdate(Network target, Network online) {
        target.copyFrom(online);
    }

    /** Polyak-averages the online parameters into the target with rate {@code tau} in [0, 1]. */
    public static void polyakUpdate(Network target, Network online, double tau) {
        if (!(tau >= 0 && tau <= 1)) {
            throw new IllegalArgumentException("tau must be in [0, 1], got " + tau);
        }
        List<NDArray> t = target.parameterList();
        List<NDArray> o = online.parameterList();
        if (t.size() != o.size() || !target.spec().equals(online.spec())) {
            throw new IllegalArgumentException("target and online networks differ: " + target.spec() + " vs "
                    + online.spec());
        }
        try (NDScope scope = new NDScope()) {
            for (int i = 0; i < t.size(); i++) {
                t.get(i).muli((float) (1 - tau)).addi(o.get(i).mul((float) tau));
            }
        }
    }

    /** Hard-copies every member of {@code online} into the matching member of {@code target}. */
    public static void hardUpdate(Ensemble target, Ensemble online) {
        for (int i = 0; i < target.size(); i++) {
            hardUpdate(target.members().get(i), online.members().get(i));
        }
    }

    /** Polyak-averages every member of {@code online} into the matching member of {@code target}. */
    public static void polyakUpdate(Ensemble target, Ensemble online, double tau) {
        for (int i = 0; i < target.size(); i++) {
            polyakUpdate(target.members().get(i), online.members().get(i), tau);
        }
    }
}
