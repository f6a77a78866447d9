package dev.quiver.core.tabular;

import java.util.List;

/**
 * The exact model of a finite MDP: for each state and action the list of possible outcomes, as
 * Gymnasium's toy-text {@code env.unwrapped.P}, plus the initial-state distribution. Solvers
 * (value iteration, policy evaluation) use it as ground truth.
 */
public interface TabularModel {

    /** The number of states. */
    int numStates();

    /** The number of actions. */
    int numActions();

    /** The outcomes of taking {@code action} in {@code state}; probabilities sum to 1. */
    List<Transition> transitions(int state, int action);

    /** The probability of each state at reset; sums to 1. */
    double[] initialStateDistribution();
}
