package dev.quiver.nn.net;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import dev.quiver.core.seed.Seeds;
import java.util.ArrayList;
import java.util.List;

/**
 * A small convolutional network for image-like observations in {@code (channels, height, width)} layout
 * (batch first): convolution layers (no padding) each followed by the activation, a flatten, dense hidden
 * layers, and a linear output. Immutable; {@code with…} methods return copies.
 *
 * <pre>{@code
 * // MinAtar's network: one 3x3 conv with 16 filters, a 128-unit dense layer
 * Cnn q = Cnn.of(4, 10, 10, 6).withConv(16, 3, 1).withDense(128);
 * // Nature DQN: Cnn.of(4, 84, 84, n).withConv(32, 8, 4).withConv(64, 4, 2).withConv(64, 3, 1).withDense(512)
 * }</pre>
 *
 * @param channels input channels
 * @param height input height
 * @param width input width
 * @param outputSize the number of outputs
 * @param convs the convolution layers, in order
 * @param dense the dense hidden widths after flattening
 * @param activation the nonlinearity after every hidden layer
 * @param hiddenInit the hidden layers' weight initialiser
 * @param hiddenGain the hidden layers' initialisation gain
 * @param outputInit the output layer's weight initialiser
 * @param outputGain the output layer's initialisation gain
 * @see <a href="https://www.nature.com/articles/nature14236">Mnih et al. (2015), Nature DQN</a>
 * @see <a href="https://arxiv.org/abs/1903.03176">Young and Tian (2019), MinAtar, arXiv:1903.03176</a>
 */
public record Cnn(int channels, int height, int width, int outputSize, List<Conv> convs, List<Integer> dense,
        Activation activation, WeightInit hiddenInit, double hiddenGain, WeightInit outputInit, double outputGain)
        implements NetworkSpec {

    /**
     * One convolution layer.
     *
     * @param filters output channels
     * @param kernel square kernel size
     * @param stride stride in both directions
     */
    public record Conv(int filters, int kernel, int stride) {
        /** Validates sizes. */
        public Conv {
            if (filters < 1 || kernel < 1 || stride < 1) {
                throw new IllegalArgumentException("conv sizes must be >= 1: " + filters + ", " + kernel + ", " + stride);
            }
        }
    }

    /** Validates sizes and that every convolution leaves a non-empty feature map. */
    public Cnn {
        convs = List.copyOf(convs);
        dense = List.copyOf(dense);
        if (channels < 1 || height < 1 || width < 1 || outputSize < 1) {
            throw new IllegalArgumentException("sizes must be >= 1");
        }
        int h = height;
        int w = width;
        for (Conv c : convs) {
            h = (h - c.kernel) / c.stride + 1;
            w = (w - c.kernel) / c.stride + 1;
            if (h < 1 || w < 1 || c.kernel > Math.min(height, width)) {
                throw new IllegalArgumentException("convolution " + c + " does not fit the " + height + "x" + width
                        + " input after the earlier layers");
            }
        }
    }

    /** A network with no hidden layers yet (add them with {@link #withConv} and {@link #withDense}); ReLU. */
    public static Cnn of(int channels, int height, int width, int outputSize) {
        return new Cnn(channels, height, width, outputSize, List.of(), List.of(), Activation.RELU,
                WeightInit.HE_UNIFORM, 1.0, WeightInit.XAVIER_UNIFORM, 1.0);
    }

    /** A copy with one more convolution layer. */
    public Cnn withConv(int filters, int kernel, int stride) {
        List<Conv> c = new ArrayList<>(convs);
        c.add(new Conv(filters, kernel, stride));
        return new Cnn(channels, height, width, outputSize, c, dense, activation, hiddenInit, hiddenGain, outputInit,
                outputGain);
    }

    /** A copy with these dense hidden widths after the flatten. */
    public Cnn withDense(int... widths) {
        List<Integer> d = new ArrayList<>();
        for (int x : widths) {
            d.add(x);
        }
        return new Cnn(channels, height, width, outputSize, convs, d, activation, hiddenInit, hiddenGain, outputInit,
                outputGain);
    }

    /** A copy with another activation. */
    public Cnn withActivation(Activation a) {
        return new Cnn(channels, height, width, outputSize, convs, dense, a, hiddenInit, hiddenGain, outputInit,
                outputGain);
    }

    /** A copy with other initialisers. */
    public Cnn withInit(WeightInit hidden, double hGain, WeightInit output, double oGain) {
        return new Cnn(channels, height, width, outputSize, convs, dense, activation, hidden, hGain, output, oGain);
    }

    @Override
    public Block newBlock() {
        SequentialBlock b = new SequentialBlock();
        for (Conv c : convs) {
            b.add(Conv2d.builder().setFilters(c.filters).setKernelShape(new Shape(c.kernel, c.kernel))
                    .optStride(new Shape(c.stride, c.stride)).build());
            b.add(activation.newBlock());
        }
        b.add(Blocks.batchFlattenBlock());
        for (int d : dense) {
            b.add(Linear.builder().setUnits(d).build());
            b.add(activation.newBlock());
        }
        b.add(Linear.builder().setUnits(outputSize).build());
        return b;
    }

    @Override
    public Shape inputShape() {
        return new Shape(1, channels, height, width);
    }

    @Override
    public void initialise(Block block, Seeds seeds) {
        LayerInit.initialise(block, seeds, hiddenInit, hiddenGain, outputInit, outputGain);
    }

    @Override
    public String toString() {
        return "Cnn[" + channels + "x" + height + "x" + width + " -> " + convs + " -> " + dense + " -> " + outputSize
                + ", " + activation + ", hidden " + hiddenInit + "x" + hiddenGain + ", output " + outputInit + "x"
                + outputGain + "]";
    }
}
