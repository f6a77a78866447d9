package dev.quiver.envs.solve;

import dev.quiver.core.tabular.TabularModel;
import java.util.Objects;

/**
 * The result of {@link ValueIteration}: optimal state values, action values and a greedy policy. The
 * arrays are the solver's own (not copied); treat them as read-only.
 *
 * @param values {@code V*(s)}, one per state
 * @param qValues {@code Q*(s, a)}, indexed {@code [s][a]}
 * @param greedyActions for each state the action maximising {@code Q*(s, .)}, ties to the lowest
 * @param iterations the number of Bellman sweeps until convergence
 */
public record TabularSolution(double[] values, double[][] qValues, int[] greedyActions, int iterations) {

    /** Checks that the arrays are present and of matching length. */
    public TabularSolution {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(qValues, "qValues");
        Objects.requireNonNull(greedyActions, "greedyActions");
        if (qValues.length != values.length || greedyActions.length != values.length) {
            throw new IllegalArgumentException("values, qValues and greedyActions need one entry per state");
        }
    }

    /** The number of actions. */
    public int numActions() {
        return qValues.length == 0 ? 0 : qValues[0].length;
    }

    /** The deterministic greedy policy. */
    public TabularPolicy greedyPolicy() {
        return TabularPolicy.greedy(greedyActions, numActions());
    }

    /** {@code sum_s d0(s) V*(s)}: the optimal expected return from the model's initial distribution. */
    public double expectedReturn(TabularModel model) {
        return PolicyEvaluation.expectedReturn(model, values);
    }
}
