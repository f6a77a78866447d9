package dev.quiver.rl.policy;

import dev.quiver.core.policy.DiscreteStochasticPolicy;
import dev.quiver.core.policy.Policy;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * ε-greedy exploration over a greedy discrete policy: with probability ε a uniformly random action
 * (which may be the greedy one, as in DQN and CleanRL), otherwise the greedy action. So the greedy
 * action has probability {@code 1 − ε + ε/n} and each other action {@code ε/n}, which is what
 * {@link #probabilities} reports (off-policy evaluation needs it).
 *
 * <p>ε is mutable so a training loop can follow a schedule ({@code setEpsilon(schedule.value(t))}).
 * The greedy policy must be deterministic; {@link #probabilities} calls it once. Draws come from the
 * generator given, one {@code nextDouble} per action plus one {@code nextInt} when exploring.
 *
 * @param <O> observation type
 * @see <a href="https://doi.org/10.1038/nature14236">Mnih, V. et al. (2015). Human-level control
 *     through deep reinforcement learning. Nature 518</a>
 */
public final class EpsilonGreedy<O> implements DiscreteStochasticPolicy<O> {
    private final Policy<O, Integer> greedy;
    private final int numActions;
    private final UniformRandomProvider rng;
    private double epsilon;

    /**
     * ε-greedy over {@code greedy}.
     *
     * @param greedy the deterministic greedy policy, returning actions in {@code [0, numActions)}
     * @param numActions the number of actions, at least 1
     * @param epsilon the exploration rate in [0, 1]
     * @param rng the generator for exploration
     */
    public EpsilonGreedy(Policy<O, Integer> greedy, int numActions, double epsilon, UniformRandomProvider rng) {
        if (numActions < 1) {
            throw new IllegalArgumentException("numActions must be at least 1, got " + numActions);
        }
        this.greedy = Objects.requireNonNull(greedy, "greedy");
        this.numActions = numActions;
        this.rng = Objects.requireNonNull(rng, "rng");
        setEpsilon(epsilon);
    }

    /** The exploration rate. */
    public double epsilon() {
        return epsilon;
    }

    /** Sets the exploration rate, in [0, 1]. */
    public void setEpsilon(double epsilon) {
        if (!(epsilon >= 0 && epsilon <= 1)) {
            throw new IllegalArgumentException("epsilon must be in [0, 1], got " + epsilon);
        }
        this.epsilon = epsilon;
    }

    /** The number of actions. */
    public int numActions() {
        return numActions;
    }

    /** The greedy policy beneath. */
    public Policy<O, Integer> greedy() {
        return greedy;
    }

    @Override
    public Integer act(O observation) {
        if (rng.nextDouble() < epsilon) {
            return rng.nextInt(numActions);
        }
        return greedyAction(observation);
    }

    @Override
    public double[] probabilities(O observation) {
        double[] p = new double[numActions];
        java.util.Arrays.fill(p, epsilon / numActions);
        p[greedyAction(observation)] += 1 - epsilon;
        return p;
    }

    private int greedyAction(O observation) {
        int a = greedy.act(observation);
        if (a < 0 || a >= numActions) {
            throw new IllegalStateException("greedy policy returned action " + a + " outside [0, " + numActions + ")");
        }
        return a;
    }
}
