package dev.quiver.nn.net;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import dev.quiver.core.seed.Seeds;
import java.util.Arrays;

/**
 * A multilayer perceptron: {@code in → hidden… → out}, each hidden layer linear, optionally layer-normed,
 * then the activation; the output layer is linear. Immutable; {@code with…} methods return copies.
 *
 * <pre>{@code
 * Mlp q = Mlp.of(17, 1, 256, 256).withActivation(Activation.RELU).withLayerNorm(true);
 * Network net = Network.create(q, Seeds.of(7).child("q"));
 * }</pre>
 *
 * @param inputSize the number of input features
 * @param outputSize the number of outputs
 * @param hidden the hidden layer widths (may be empty: a linear model)
 * @param activation the hidden nonlinearity
 * @param layerNorm whether each hidden linear layer is followed by layer norm (before the activation)
 * @param hiddenInit the hidden layers' weight initialiser
 * @param hiddenGain the hidden layers' initialisation gain
 * @param outputInit the output layer's weight initialiser
 * @param outputGain the output layer's initialisation gain (e.g. 0.01 for a policy head)
 * @see <a href="https://arxiv.org/abs/1607.06450">Ba, Kiros and Hinton (2016), Layer Normalization,
 *     arXiv:1607.06450</a>
 */
public record Mlp(int inputSize, int outputSize, int[] hidden, Activation activation, boolean layerNorm,
        WeightInit hiddenInit, double hiddenGain, WeightInit outputInit, double outputGain) implements NetworkSpec {

    /** Validates sizes. */
    public Mlp {
        if (inputSize < 1 || outputSize < 1) {
            throw new IllegalArgumentException("input and output sizes must be >= 1, got " + inputSize + ", "
                    + outputSize);
        }
        hidden = hidden.clone();
        for (int h : hidden) {
            if (h < 1) {
                throw new IllegalArgumentException("hidden sizes must be >= 1, got " + Arrays.toString(hidden));
            }
        }
    }

    /** An MLP with ReLU, no layer norm, He-uniform hidden layers and a Xavier-uniform output layer. */
    public static Mlp of(int inputSize, int outputSize, int... hidden) {
        return new Mlp(inputSize, outputSize, hidden, Activation.RELU, false, WeightInit.HE_UNIFORM, 1.0,
                WeightInit.XAVIER_UNIFORM, 1.0);
    }

    /** The hidden layer widths (a copy). */
    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    /** A copy with another activation. */
    public Mlp withActivation(Activation a) {
        return new Mlp(inputSize, outputSize, hidden, a, layerNorm, hiddenInit, hiddenGain, outputInit, outputGain);
    }

    /** A copy with or without layer norm after each hidden linear layer. */
    public Mlp withLayerNorm(boolean on) {
        return new Mlp(inputSize, outputSize, hidden, activation, on, hiddenInit, hiddenGain, outputInit, outputGain);
    }

    /** A copy with another hidden-layer initialiser and gain. */
    public Mlp withHiddenInit(WeightInit init, double gain) {
        return new Mlp(inputSize, outputSize, hidden, activation, layerNorm, init, gain, outputInit, outputGain);
    }

    /** A copy with another output-layer initialiser and gain. */
    public Mlp withOutputInit(WeightInit init, double gain) {
        return new Mlp(inputSize, outputSize, hidden, activation, layerNorm, hiddenInit, hiddenGain, init, gain);
    }

    @Override
    public Block newBlock() {
        SequentialBlock b = new SequentialBlock();
        for (int h : hidden) {
            b.add(Linear.builder().setUnits(h).build());
            if (layerNorm) {
                b.add(LayerNorm.builder().build());
            }
            b.add(activation.newBlock());
        }
        b.add(Linear.builder().setUnits(outputSize).build());
        return b;
    }

    @Override
    public Shape inputShape() {
        return new Shape(1, inputSize);
    }

    @Override
    public void initialise(Block block, Seeds seeds) {
        LayerInit.initialise(block, seeds, hiddenInit, hiddenGain, outputInit, outputGain);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Mlp m && inputSize == m.inputSize && outputSize == m.outputSize
                && Arrays.equals(hidden, m.hidden) && activation == m.activation && layerNorm == m.layerNorm
                && hiddenInit == m.hiddenInit && hiddenGain == m.hiddenGain && outputInit == m.outputInit
                && outputGain == m.outputGain;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hidden) * 31 + java.util.Objects.hash(inputSize, outputSize, activation, layerNorm,
                hiddenInit, hiddenGain, outputInit, outputGain);
    }

    @Override
    public String toString() {
        return "Mlp[" + inputSize + " -> " + Arrays.toString(hidden) + " -> " + outputSize + ", " + activation
                + (layerNorm ? ", layerNorm" : "") + ", hidden " + hiddenInit + "x" + hiddenGain + ", output "
                + outputInit + "x" + outputGain + "]";
    }
}
