package dev.quiver.envs.solve;

import dev.quiver.core.tabular.TabularModel;
import dev.quiver.core.tabular.Transition;
import java.util.List;

/**
 * A {@link TabularModel} copied into flat primitive arrays (one pass over {@code transitions(s, a)}),
 * validated once, so that the solvers' sweeps touch no objects.
 */
final class FlatModel {
    /** Probabilities of one (s, a) may miss 1 by this much. */
    static final double SUM_TOLERANCE = 1e-9;

    final int numStates;
    final int numActions;
    /** Outcomes of (s, a) are {@code start[s * numActions + a] .. start[s * numActions + a + 1] - 1}. */
    final int[] start;
    final double[] probability;
    final int[] next;
    final double[] reward;
    final boolean[] terminal;

    private FlatModel(int numStates, int numActions, int[] start, double[] probability, int[] next,
            double[] reward, boolean[] terminal) {
        this.numStates = numStates;
        this.numActions = numActions;
        this.start = start;
        this.probability = probability;
        this.next = next;
        this.reward = reward;
        this.terminal = terminal;
    }

    /** Copies and validates {@code m}: probabilities in [0, 1] summing to 1, next states in range. */
    static FlatModel of(TabularModel m) {
        int ns = m.numStates();
        int na = m.numActions();
        if (ns < 1 || na < 1) {
            throw new IllegalArgumentException("model needs at least one state and one action, got " + ns + " x " + na);
        }
        int[] start = new int[ns * na + 1];
        int total = 0;
        for (int s = 0; s < ns; s++) {
            for (int a = 0; a < na; a++) {
                start[s * na + a] = total;
                total += m.transitions(s, a).size();
            }
        }
        start[ns * na] = total;
        double[] p = new double[total];
        int[] nx = new int[total];
        double[] r = new double[total];
        boolean[] t = new boolean[total];
        for (int s = 0; s < ns; s++) {
            for (int a = 0; a < na; a++) {
                List<Transition> row = m.transitions(s, a);
                int k = start[s * na + a];
                double sum = 0.0;
                for (Transition tr : row) {
                    if (!(tr.probability() >= 0.0 && tr.probability() <= 1.0)) {
                        throw new IllegalArgumentException("P[" + s + "][" + a + "] has probability " + tr.probability());
                    }
                    if (tr.nextState() < 0 || tr.nextState() >= ns) {
                        throw new IllegalArgumentException("P[" + s + "][" + a + "] leads to state " + tr.nextState()
                                + " outside [0, " + ns + ")");
                    }
                    if (!Double.isFinite(tr.reward())) {
                        throw new IllegalArgumentException("P[" + s + "][" + a + "] has reward " + tr.reward());
                    }
                    p[k] = tr.probability();
                    nx[k] = tr.nextState();
                    r[k] = tr.reward();
                    t[k] = tr.terminal();
                    sum += tr.probability();
                    k++;
                }
                if (Math.abs(sum - 1.0) > SUM_TOLERANCE) {
                    throw new IllegalArgumentException("P[" + s + "][" + a + "] probabilities sum to " + sum + ", not 1");
                }
            }
        }
        return new FlatModel(ns, na, start, p, nx, r, t);
    }

    /**
     * The one-step lookahead {@code sum_k p_k (r_k + gamma * (terminal_k ? 0 : v[next_k]))} of (s, a).
     */
    double backup(int s, int a, double[] v, double gamma) {
        double q = 0.0;
        int end = start[s * numActions + a + 1];
        for (int k = start[s * numActions + a]; k < end; k++) {
            q += probability[k] * (reward[k] + (terminal[k] ? 0.0 : gamma * v[next[k]]));
        }
        return q;
    }

    /** Validates a discount and a tolerance. */
    static void checkGammaTolerance(double gamma, double tolerance) {
        if (!(gamma >= 0.0 && gamma <= 1.0)) {
            throw new IllegalArgumentException("gamma must be in [0, 1], got " + gamma);
        }
        if (!(tolerance > 0.0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be a positive number, got " + tolerance);
        }
    }
}
