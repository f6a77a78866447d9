package dev.quiver.envs.solve;

import dev.quiver.core.policy.DiscreteStochasticPolicy;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A stochastic policy over the states {@code 0 .. n-1} of a finite MDP, given by a table {@code
 * pi[s][a]}. {@link #act} draws {@code u ~ U[0, 1)} from the generator given at construction and
 * takes the first action whose cumulative probability exceeds {@code u}; a row with a single
 * positive entry returns that action without drawing, so deterministic (greedy) policies need no
 * generator.
 */
public final class TabularPolicy implements DiscreteStochasticPolicy<Integer> {
    private final double[][] table;
    private final int[] deterministic;
    private final UniformRandomProvider rng;

    /**
     * A policy from its table.
     *
     * @param probabilities {@code pi[s][a]}: one row per state, entries in [0, 1], rows summing to 1
     *     (within 1e-9); copied
     * @param rng the generator {@link #act} draws from (may be null when every row is deterministic)
     */
    public TabularPolicy(double[][] probabilities, UniformRandomProvider rng) {
        if (probabilities == null || probabilities.length == 0) {
            throw new IllegalArgumentException("policy table needs at least one row");
        }
        int na = probabilities[0] == null ? 0 : probabilities[0].length;
        this.table = new double[probabilities.length][];
        this.deterministic = new int[probabilities.length];
        for (int s = 0; s < probabilities.length; s++) {
            checkRow(probabilities[s], na, s);
            table[s] = probabilities[s].clone();
            deterministic[s] = singleAction(table[s]);
        }
        this.rng = rng;
    }

    /** The deterministic policy taking {@code actions[s]} in state {@code s}, over {@code numActions} actions. */
    public static TabularPolicy greedy(int[] actions, int numActions) {
        if (numActions < 1) {
            throw new IllegalArgumentException("numActions must be >= 1, got " + numActions);
        }
        double[][] t = new double[actions.length][numActions];
        for (int s = 0; s < actions.length; s++) {
            if (actions[s] < 0 || actions[s] >= numActions) {
                throw new IllegalArgumentException("action " + actions[s] + " of state " + s + " outside [0, "
                        + numActions + ")");
            }
            t[s][actions[s]] = 1.0;
        }
        return new TabularPolicy(t, null);
    }

    /** The uniform policy, without a generator: give one with {@link #withGenerator} before calling act. */
    public static TabularPolicy uniform(int numStates, int numActions) {
        return uniform(numStates, numActions, null);
    }

    /** The uniform policy drawing from {@code rng}. */
    public static TabularPolicy uniform(int numStates, int numActions, UniformRandomProvider rng) {
        if (numStates < 1 || numActions < 1) {
            throw new IllegalArgumentException("need numStates >= 1 and numActions >= 1, got " + numStates + ", "
                    + numActions);
        }
        double[][] t = new double[numStates][numActions];
        for (double[] row : t) {
            Arrays.fill(row, 1.0 / numActions);
        }
        return new TabularPolicy(t, rng);
    }

    /** The same table drawing from {@code generator}. */
    public TabularPolicy withGenerator(UniformRandomProvider generator) {
        return new TabularPolicy(table, generator);
    }

    /** The number of states. */
    public int numStates() {
        return table.length;
    }

    /** The number of actions. */
    public int numActions() {
        return table[0].length;
    }

    /** A copy of the table {@code pi[s][a]}. */
    public double[][] table() {
        double[][] t = new double[table.length][];
        for (int s = 0; s < t.length; s++) {
            t[s] = table[s].clone();
        }
        return t;
    }

    @Override
    public double[] probabilities(Integer observation) {
        return table[checkState(observation)].clone();
    }

    @Override
    public Integer act(Integer observation) {
        int s = checkState(observation);
        if (deterministic[s] >= 0) {
            return deterministic[s];
        }
        if (rng == null) {
            throw new IllegalStateException("state " + s + " has a stochastic row but this policy has no generator;"
                    + " build it with a UniformRandomProvider (or withGenerator)");
        }
        double u = rng.nextDouble();
        double[] row = table[s];
        double sum = 0.0;
        int last = 0;
        for (int a = 0; a < row.length; a++) {
            sum += row[a];
            if (row[a] > 0.0) {
                last = a;
            }
            if (sum > u) {
                return a;
            }
        }
        return last;
    }

    private int checkState(Integer observation) {
        if (observation == null || observation < 0 || observation >= table.length) {
            throw new IllegalArgumentException("state must be in [0, " + table.length + "), got " + observation);
        }
        return observation;
    }

    /** The only action with positive probability, or -1 when several have one. */
    private static int singleAction(double[] row) {
        int found = -1;
        for (int a = 0; a < row.length; a++) {
            if (row[a] > 0.0) {
                if (found >= 0) {
                    return -1;
                }
                found = a;
            }
        }
        return found;
    }

    /** Checks one row of a policy table: {@code numActions} entries in [0, 1] summing to 1. */
    static void checkRow(double[] row, int numActions, int state) {
        if (row == null || row.length != numActions || numActions < 1) {
            throw new IllegalArgumentException("policy row " + state + " needs " + numActions + " entries, got "
                    + (row == null ? "null" : row.length));
        }
        double sum = 0.0;
        for (double p : row) {
            if (!(p >= 0.0 && p <= 1.0)) {
                throw new IllegalArgumentException("policy row " + state + " has probability " + p + " outside [0, 1]");
            }
            sum += p;
        }
        if (Math.abs(sum - 1.0) > PolicyEvaluation.ROW_TOLERANCE) {
            throw new IllegalArgumentException("policy row " + state + " sums to " + sum + ", not 1");
        }
    }
}
