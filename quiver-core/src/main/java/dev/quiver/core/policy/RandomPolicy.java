package dev.quiver.core.policy;

import dev.quiver.core.space.Space;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The uniformly random policy over an action space, with its own explicit generator.
 *
 * @param <O> observation type
 * @param <A> action type
 */
public final class RandomPolicy<O, A> implements Policy<O, A> {
    private final Space<A> actionSpace;
    private final UniformRandomProvider rng;

    /** Samples from {@code actionSpace} with {@code rng}. */
    public RandomPolicy(Space<A> actionSpace, UniformRandomProvider rng) {
        this.actionSpace = actionSpace;
        this.rng = rng;
    }

    @Override
    public A act(O observation) {
        return actionSpace.sample(rng);
    }
}
