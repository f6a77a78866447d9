package dev.quiver.core.policy;

/**
 * A policy over {@code n} discrete actions that can report its action probabilities (off-policy
 * evaluation needs them).
 *
 * @param <O> observation type
 */
public interface DiscreteStochasticPolicy<O> extends Policy<O, Integer> {

    /** The probability of each action on {@code observation}; sums to 1. */
    double[] probabilities(O observation);
}
