package dev.quiver.nn.net;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.quiver.core.seed.Seeds;
import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * Seeded initialisation of a block's parameters in DJL order: weights (linear or convolution) by a
 * {@link WeightInit} drawn from {@code seeds.child("weight", i)}, biases from {@code seeds.child("bias", i)},
 * layer-norm gamma 1 and beta 0. The last weighted layer is the output layer and has its own initialiser.
 */
public final class LayerInit {
    private LayerInit() {
    }

    /** Overwrites every parameter of the initialised {@code block}. */
    public static void initialise(Block block, Seeds seeds, WeightInit hiddenInit, double hiddenGain,
            WeightInit outputInit, double outputGain) {
        int weightCount = 0;
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().getType() == Parameter.Type.WEIGHT) {
                weightCount++;
            }
        }
        int layer = -1;
        int fanIn = 1;
        for (Pair<String, Parameter> p : block.getParameters()) {
            Parameter param = p.getValue();
            NDArray a = param.getArray();
            long[] shape = a.getShape().getShape();
            Parameter.Type type = param.getType();
            boolean output = layer == weightCount - 1;
            float[] values;
            if (type == Parameter.Type.WEIGHT) {
                layer++;
                output = layer == weightCount - 1;
                fanIn = (int) (a.size() / shape[0]);
                values = (output ? outputInit : hiddenInit).weights(shape, output ? outputGain : hiddenGain,
                        seeds.child("weight", layer).rng());
            } else if (type == Parameter.Type.BIAS) {
                values = (output ? outputInit : hiddenInit).biases((int) shape[0], fanIn,
                        output ? outputGain : hiddenGain, seeds.child("bias", layer).rng());
            } else if (type == Parameter.Type.GAMMA) {
                values = new float[(int) a.size()];
                Arrays.fill(values, 1f);
            } else if (type == Parameter.Type.BETA) {
                values = new float[(int) a.size()];
            } else {
                throw new IllegalStateException("no seeded initialiser for parameter " + p.getKey() + " of type " + type);
            }
            a.set(FloatBuffer.wrap(values));
        }
    }
}
