package dev.quiver.ope.sequential;

import dev.quiver.core.policy.DiscreteStochasticPolicy;
import dev.quiver.core.policy.Policy;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A deterministic policy mixed with uniformly random actions, as a stochastic policy: with probability
 * {@code epsilon} a uniformly random action among the {@code n} (possibly the greedy one), otherwise the
 * wrapped policy's action, so {@code pi(a|s) = epsilon / n + (1 - epsilon) 1[a = greedy(s)]}.
 *
 * <p>This is the action distribution of quiver-data's {@code EpsilonRandomPolicy} over a deterministic
 * policy, and so of datasets recorded by {@code quiver data collect --policy CHECKPOINT --epsilon E}: the
 * behaviour policy such data needs for importance weights. {@code epsilon = 0} is the greedy policy as a
 * one-hot distribution, {@code epsilon = 1} the uniform policy. {@link #act} draws as {@code
 * EpsilonRandomPolicy} does (a coin flip, then a uniform action), from the generator given at construction.
 *
 * @param <O> observation type
 * @see <a href="https://doi.org/10.1038/nature14236">Mnih, V. et al. (2015). Human-level control through deep
 *     reinforcement learning. Nature 518</a> (epsilon-greedy exploration)
 */
public final class EpsilonGreedyPolicy<O> implements DiscreteStochasticPolicy<O> {
    private final Policy<O, Integer> greedy;
    private final int numActions;
    private final double epsilon;
    private final UniformRandomProvider rng;

    /**
     * Mixes {@code greedy} with uniform actions.
     *
     * @param greedy a deterministic policy returning actions in {@code [0, numActions)}; it is asked once per
     *     {@link #probabilities} call
     * @param numActions the number of actions, at least 1
     * @param epsilon the probability of a uniformly random action, in [0, 1]
     * @param rng the generator {@link #act} draws from; may be null when only probabilities are needed
     */
    public EpsilonGreedyPolicy(Policy<O, Integer> greedy, int numActions, double epsilon, UniformRandomProvider rng) {
        if (numActions < 1) {
            throw new IllegalArgumentException("numActions must be at least 1, got " + numActions);
        }
        if (!(epsilon >= 0 && epsilon <= 1)) {
            throw new IllegalArgumentException("epsilon must be in [0, 1], got " + epsilon);
        }
        this.greedy = Objects.requireNonNull(greedy, "greedy");
        this.numActions = numActions;
        this.epsilon = epsilon;
        this.rng = rng;
    }

    /** The mixture without a generator: {@link #probabilities} only (and {@link #act} when epsilon is 0). */
    public static <O> EpsilonGreedyPolicy<O> of(Policy<O, Integer> greedy, int numActions, double epsilon) {
        return new EpsilonGreedyPolicy<>(greedy, numActions, epsilon, null);
    }

    /** The probability of a uniformly random action. */
    public double epsilon() {
        return epsilon;
    }

    /** The number of actions. */
    public int numActions() {
        return numActions;
    }

    @Override
    public double[] probabilities(O observation) {
        double[] p = new double[numActions];
        java.util.Arrays.fill(p, epsilon / numActions);
        p[greedyAction(observation)] += 1 - epsilon;
        return p;
    }

    @Override
    public Integer act(O observation) {
        if (epsilon > 0) {
            if (rng == null) {
                throw new IllegalStateException("this epsilon-greedy policy has no generator; build it with one to"
                        + " act");
            }
            if (rng.nextDouble() < epsilon) {
                return rng.nextInt(numActions);
            }
        }
        return greedyAction(observation);
    }

    private int greedyAction(O observation) {
        Integer a = greedy.act(observation);
        if (a == null || a < 0 || a >= numActions) {
            throw new IllegalStateException("the greedy policy returned action " + a + " outside [0, " + numActions
                    + ")");
        }
        return a;
    }

    @Override
    public String toString() {
        return "EpsilonGreedyPolicy[epsilon=" + epsilon + ", actions=" + numActions + "]";
    }
}
