package dev.quiver.rl.net;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.quiver.nn.net.Network;

/** A policy network's forward pass on a single observation, as plain floats. */
public final class OneObservation {
    private OneObservation() {
    }

    /**
     * The outputs of {@code net} (in inference mode) for one observation, as a fresh array; nothing
     * outlives the call.
     *
     * @throws IllegalArgumentException if {@code observation} is not as long as the network's input
     */
    public static float[] forward(Network net, float[] observation) {
        int obsDim = (int) net.spec().inputShape().get(1);
        if (observation.length != obsDim) {
            throw new IllegalArgumentException("observation has " + observation.length + " values, the network expects "
                    + obsDim);
        }
        try (NDManager step = net.manager().newSubManager()) {
            return net.forward(step.create(observation, new Shape(1, obsDim))).toFloatArray();
        }
    }
}
