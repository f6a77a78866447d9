package dev.quiver.nn.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/** Computes a scalar loss for one update; create every input array in {@code step}. */
@FunctionalInterface
public interface LossFunction {
    /** The scalar loss, computed inside an open gradient collector; inputs go in {@code step}. */
    NDArray loss(NDManager step);
}
