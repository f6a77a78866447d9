package dev.quiver.core.tabular;

/**
 * One outcome of taking an action in a state of a finite MDP, as a row of Gymnasium's toy-text
 * {@code P[s][a]} table.
 *
 * @param probability the probability of this outcome
 * @param nextState the state reached
 * @param reward the reward received
 * @param terminal whether the episode terminates on reaching {@code nextState}
 */
public record Transition(double probability, int nextState, double reward, boolean terminal) {
}
