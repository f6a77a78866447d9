package dev.quiver.nn.net;

import ai.djl.nn.Block;

/** A hidden-layer nonlinearity of the network builders. */
public enum Activation {
    /** max(0, x). */
    RELU,
    /** tanh(x). */
    TANH;

    /** A new DJL block applying this activation. */
    public Block newBlock() {
        return switch (this) {
            case RELU -> ai.djl.nn.Activation.reluBlock();
            case TANH -> ai.djl.nn.Activation.tanhBlock();
        };
    }
}
