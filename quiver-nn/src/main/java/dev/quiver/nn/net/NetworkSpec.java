package dev.quiver.nn.net;

import ai.djl.nn.Block;
import ai.djl.ndarray.types.Shape;
import dev.quiver.core.seed.Seeds;

/**
 * An architecture that can be instantiated any number of times (online and target networks, ensemble
 * members): a fresh DJL block, its input shape, and a seeded initialisation of its parameters.
 */
public interface NetworkSpec {
    /** A new, uninitialised DJL block with this architecture. */
    Block newBlock();

    /** The input shape with the batch dimension (of size 1) first, e.g. {@code (1, 17)}. */
    Shape inputShape();

    /**
     * Overwrites the parameters of an initialised block (made by {@link #newBlock()}) with values drawn
     * from {@code seeds}: the same seeds give bit-identical parameters.
     */
    void initialise(Block block, Seeds seeds);
}
