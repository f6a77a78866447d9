package dev.quiver.core.space;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A set of valid observations or actions, as Gymnasium's {@code gymnasium.spaces.Space}.
 *
 * @param <T> the Java type of an element ({@code Integer} for {@link Discrete}, {@code float[]} or
 *     {@code double[]} for {@link Box}, {@code int[]} for {@link MultiDiscrete})
 */
public interface Space<T> {

    /** Whether {@code x} is an element of this space; values of the wrong Java type are not. */
    boolean contains(Object x);

    /** Draws a uniformly random element (for unbounded Box dimensions: as Gymnasium does). */
    T sample(UniformRandomProvider rng);

    /**
     * Why {@code x} is not an element, phrased for a user ("expected an int in [0, 2), got 5"), or
     * {@code null} when it is one.
     */
    String describeMismatch(Object x);

    /** The Java type of the elements. */
    Class<T> elementType();
}
