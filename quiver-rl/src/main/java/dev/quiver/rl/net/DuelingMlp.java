package dev.quiver.rl.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import dev.quiver.core.seed.Seeds;
import dev.quiver.nn.net.Activation;
import dev.quiver.nn.net.LayerInit;
import dev.quiver.nn.net.NetworkSpec;
import dev.quiver.nn.net.WeightInit;
import java.util.List;

/**
 * A dueling Q-network: a shared ReLU trunk {@code in → hidden…}, then a value head {@code V(s)} (one
 * output) and an advantage head {@code A(s, ·)} ({@code numActions} outputs), combined as
 * {@code Q(s, a) = V(s) + A(s, a) − mean_a' A(s, a')} (Wang et al.'s equation 9).
 *
 * <p>Initialisation: trunk layers He-uniform from {@code seeds.child("trunk")}, the heads
 * Xavier-uniform from {@code seeds.child("value")} and {@code seeds.child("advantage")}.
 *
 * @param inputSize the number of input features
 * @param numActions the number of actions (outputs)
 * @param hidden the trunk's hidden widths (at least one)
 * @see <a href="https://arxiv.org/abs/1511.06581">Wang, Z. et al. (2016). Dueling Network
 *     Architectures for Deep Reinforcement Learning. ICML. arXiv:1511.06581</a>
 */
public record DuelingMlp(int inputSize, int numActions, List<Integer> hidden) implements NetworkSpec {

    /** Validates sizes. */
    public DuelingMlp {
        if (inputSize < 1 || numActions < 1) {
            throw new IllegalArgumentException("input size and action count must be >= 1, got " + inputSize + ", "
                    + numActions);
        }
        hidden = List.copyOf(hidden);
        if (hidden.isEmpty() || hidden.stream().anyMatch(h -> h < 1)) {
            throw new IllegalArgumentException("hidden sizes must be non-empty and >= 1, got " + hidden);
        }
    }

    @Override
    public Block newBlock() {
        SequentialBlock trunk = new SequentialBlock();
        for (int h : hidden) {
            trunk.add(Linear.builder().setUnits(h).build());
            trunk.add(Activation.RELU.newBlock());
        }
        ParallelBlock heads = new ParallelBlock(DuelingMlp::combine, List.of(
                Linear.builder().setUnits(1).build(), Linear.builder().setUnits(numActions).build()));
        return new SequentialBlock().add(trunk).add(heads);
    }

    private static NDList combine(List<NDList> outs) {
        NDArray v = outs.get(0).singletonOrThrow();
        NDArray a = outs.get(1).singletonOrThrow();
        return new NDList(v.add(a.sub(a.mean(new int[] {1}, true))));
    }

    @Override
    public Shape inputShape() {
        return new Shape(1, inputSize);
    }

    @Override
    public void initialise(Block block, Seeds seeds) {
        Block trunk = block.getChildren().get(0).getValue();
        Block heads = block.getChildren().get(1).getValue();
        LayerInit.initialise(trunk, seeds.child("trunk"), WeightInit.HE_UNIFORM, 1.0, WeightInit.HE_UNIFORM, 1.0);
        LayerInit.initialise(heads.getChildren().get(0).getValue(), seeds.child("value"), WeightInit.XAVIER_UNIFORM,
                1.0, WeightInit.XAVIER_UNIFORM, 1.0);
        LayerInit.initialise(heads.getChildren().get(1).getValue(), seeds.child("advantage"),
                WeightInit.XAVIER_UNIFORM, 1.0, WeightInit.XAVIER_UNIFORM, 1.0);
    }

    @Override
    public String toString() {
        return "DuelingMlp[" + inputSize + " -> " + hidden + " -> V(1) + A(" + numActions + ")]";
    }
}
