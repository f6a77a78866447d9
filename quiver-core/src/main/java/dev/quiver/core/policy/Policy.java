package dev.quiver.core.policy;

/**
 * A decision rule: maps an observation to an action. Every learner in Quiver returns one.
 *
 * @param <O> observation type
 * @param <A> action type
 */
@FunctionalInterface
public interface Policy<O, A> {

    /** The action to take on observation {@code observation}. */
    A act(O observation);
}
