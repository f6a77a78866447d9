package dev.quiver.data.collect;

import dev.quiver.core.policy.Policy;
import dev.quiver.core.space.Space;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A policy that, at every step, takes a uniformly random action from the action space with probability
 * {@code epsilon} and the wrapped policy's action otherwise (the "noisy expert" of D4RL-style data
 * collection). One draw from the generator decides each step, then either the random action is sampled from
 * the same generator or the wrapped policy acts (it is not asked when the random action is taken), so the
 * same seed gives the same actions.
 *
 * @param <O> observation type
 * @param <A> action type
 */
public final class EpsilonRandomPolicy<O, A> implements Policy<O, A> {
    private final Policy<O, A> policy;
    private final Space<A> actionSpace;
    private final double epsilon;
    private final UniformRandomProvider rng;

    /**
     * Mixes {@code policy} with uniformly random actions from {@code actionSpace}.
     *
     * @param epsilon the probability of a random action, in [0, 1]
     * @param rng the generator of the coin flips and the random actions
     */
    public EpsilonRandomPolicy(Policy<O, A> policy, Space<A> actionSpace, double epsilon, UniformRandomProvider rng) {
        if (!(epsilon >= 0 && epsilon <= 1)) {
            throw new IllegalArgumentException("epsilon must be in [0, 1], got " + epsilon);
        }
        this.policy = policy;
        this.actionSpace = actionSpace;
        this.epsilon = epsilon;
        this.rng = rng;
    }

    @Override
    public A act(O observation) {
        if (epsilon > 0 && rng.nextDouble() < epsilon) {
            return actionSpace.sample(rng);
        }
        return policy.act(observation);
    }
}
