package dev.quiver.rl.actorcritic;

import dev.quiver.nn.net.Mlp;
import dev.quiver.nn.net.WeightInit;
import java.util.List;

/**
 * The MLP shape of the off-policy actor-critic networks: ReLU hidden layers and PyTorch's default
 * {@code nn.Linear} initialisation throughout, as Stable-Baselines3's and CleanRL's SAC and TD3 networks.
 */
public final class MlpSpecs {
    private MlpSpecs() {
    }

    /** A ReLU MLP {@code in → hidden… → out} with PyTorch's default initialisation. */
    public static Mlp relu(int in, int out, List<Integer> hidden) {
        return Mlp.of(in, out, hidden.stream().mapToInt(Integer::intValue).toArray())
                .withHiddenInit(WeightInit.TORCH_DEFAULT, 1.0).withOutputInit(WeightInit.TORCH_DEFAULT, 1.0);
    }
}
