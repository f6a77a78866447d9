package dev.quiver.envs.solve;

import dev.quiver.core.policy.DiscreteStochasticPolicy;
import dev.quiver.core.tabular.TabularModel;

/**
 * Exact policy evaluation on a finite model: the state values {@code V^pi} of a stochastic policy
 * given as a table {@code pi[s][a]}, solving {@code V(s) = sum_a pi(a|s) sum p (r + gamma V(s'))},
 * where an outcome marked {@code terminal} contributes its reward only (no bootstrap).
 *
 * <p>{@link #evaluate} iterates synchronous backups from {@code V = 0} until a sweep changes no value
 * by {@code tolerance} or more (with {@code gamma < 1} the error is then below {@code tolerance *
 * gamma / (1 - gamma)}). With {@code gamma = 1} it converges when the policy is proper, i.e. ends
 * episodes with probability 1 from every state; otherwise it throws an {@link
 * IllegalArgumentException} after {@code maxIterations} sweeps. {@link #evaluateExact} solves the
 * linear system {@code (I - gamma P_pi) V = r_pi} by Gaussian elimination with partial pivoting
 * (cubic in the number of states; meant for a few thousand states at most) and throws when it is
 * singular, i.e. when the policy is improper from some state at {@code gamma = 1}.
 *
 * @see <a href="https://press.princeton.edu/books/paperback/9780691146683/dynamic-programming">Bellman
 *     (1957), Dynamic Programming</a>
 * @see <a href="http://incompleteideas.net/book/the-book-2nd.html">Sutton and Barto (2018),
 *     Reinforcement Learning: An Introduction, 2nd ed., section 4.1</a>
 */
public final class PolicyEvaluation {
    /** The sweep limit of {@link #evaluate(TabularModel, double[][], double, double)}. */
    public static final int DEFAULT_MAX_ITERATIONS = 1_000_000;
    /** Each row of a policy table may miss 1 by this much. */
    static final double ROW_TOLERANCE = 1e-9;
    private static final double PIVOT_TOLERANCE = 1e-12;

    private PolicyEvaluation() {
    }

    /** {@code V^pi} by iteration, with at most {@link #DEFAULT_MAX_ITERATIONS} sweeps. */
    public static double[] evaluate(TabularModel model, double[][] policyProbabilities, double gamma,
            double tolerance) {
        return evaluate(model, policyProbabilities, gamma, tolerance, DEFAULT_MAX_ITERATIONS);
    }

    /** {@code V^pi} of a stochastic policy over the model's states, by iteration. */
    public static double[] evaluate(TabularModel model, DiscreteStochasticPolicy<Integer> policy, double gamma,
            double tolerance) {
        return evaluate(model, table(model, policy), gamma, tolerance, DEFAULT_MAX_ITERATIONS);
    }

    /**
     * {@code V^pi} by iteration.
     *
     * @param model the exact model
     * @param policyProbabilities {@code pi[s][a]}, one row per state, rows summing to 1
     * @param gamma the discount in [0, 1]
     * @param tolerance stop when the largest change of a sweep is below this (positive)
     * @param maxIterations the most sweeps before giving up
     * @return {@code V^pi}, one value per state
     * @throws IllegalArgumentException on a bad argument, or without convergence
     */
    public static double[] evaluate(TabularModel model, double[][] policyProbabilities, double gamma,
            double tolerance, int maxIterations) {
        FlatModel m = FlatModel.of(model);
        FlatModel.checkGammaTolerance(gamma, tolerance);
        checkPolicy(m, policyProbabilities);
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
        }
        int ns = m.numStates;
        int na = m.numActions;
        double[] v = new double[ns];
        double[] w = new double[ns];
        double delta = Double.POSITIVE_INFINITY;
        int iterations = 0;
        while (delta >= tolerance) {
            if (iterations == maxIterations) {
                throw new IllegalArgumentException("policy evaluation did not converge within " + maxIterations
                        + " sweeps (last change " + delta + ", tolerance " + tolerance + ", gamma " + gamma
                        + "); with gamma = 1 the policy must end episodes with probability 1 from every state");
            }
            delta = 0.0;
            for (int s = 0; s < ns; s++) {
                double x = 0.0;
                double[] pi = policyProbabilities[s];
                for (int a = 0; a < na; a++) {
                    if (pi[a] != 0.0) {
                        x += pi[a] * m.backup(s, a, v, gamma);
                    }
                }
                w[s] = x;
                delta = Math.max(delta, Math.abs(x - v[s]));
            }
            if (!Double.isFinite(delta)) {
                throw new IllegalArgumentException("policy evaluation diverged (non-finite values) at sweep "
                        + (iterations + 1));
            }
            double[] t = v;
            v = w;
            w = t;
            iterations++;
        }
        return v;
    }

    /**
     * {@code V^pi} by solving {@code (I - gamma P_pi) V = r_pi} exactly (Gaussian elimination with
     * partial pivoting).
     *
     * @throws IllegalArgumentException on a bad argument, or when the system is singular (at {@code
     *     gamma = 1}: the policy does not end episodes with probability 1 from some state)
     */
    public static double[] evaluateExact(TabularModel model, double[][] policyProbabilities, double gamma) {
        FlatModel m = FlatModel.of(model);
        if (!(gamma >= 0.0 && gamma <= 1.0)) {
            throw new IllegalArgumentException("gamma must be in [0, 1], got " + gamma);
        }
        checkPolicy(m, policyProbabilities);
        int n = m.numStates;
        int na = m.numActions;
        double[][] a = new double[n][n + 1];
        for (int s = 0; s < n; s++) {
            a[s][s] = 1.0;
            for (int act = 0; act < na; act++) {
                double pi = policyProbabilities[s][act];
                if (pi == 0.0) {
                    continue;
                }
                int end = m.start[s * na + act + 1];
                for (int k = m.start[s * na + act]; k < end; k++) {
                    double w = pi * m.probability[k];
                    a[s][n] += w * m.reward[k];
                    if (!m.terminal[k]) {
                        a[s][m.next[k]] -= gamma * w;
                    }
                }
            }
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            if (Math.abs(a[pivot][col]) < PIVOT_TOLERANCE) {
                throw new IllegalArgumentException("(I - gamma P_pi) is singular (gamma " + gamma
                        + "): the policy does not end episodes with probability 1 from every state");
            }
            double[] t = a[col];
            a[col] = a[pivot];
            a[pivot] = t;
            double[] p = a[col];
            for (int r = col + 1; r < n; r++) {
                double f = a[r][col] / p[col];
                if (f != 0.0) {
                    double[] row = a[r];
                    for (int c = col; c <= n; c++) {
                        row[c] -= f * p[c];
                    }
                }
            }
        }
        double[] v = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double x = a[r][n];
            for (int c = r + 1; c < n; c++) {
                x -= a[r][c] * v[c];
            }
            v[r] = x / a[r][r];
        }
        return v;
    }

    /**
     * The expected undiscounted return of {@code pi} over at most {@code horizon} steps from each
     * state, by backward induction ({@code V_0 = 0}, {@code V_{k+1}(s) = sum_a pi(a|s) sum p (r +
     * [not terminal] V_k(s'))}): the exact value of an episode cut by a time limit of {@code horizon}
     * steps, as Gymnasium's {@code TimeLimit} does. Works for any policy, proper or not.
     *
     * @throws IllegalArgumentException on a malformed policy table or a negative horizon
     */
    public static double[] evaluateFiniteHorizon(TabularModel model, double[][] policyProbabilities, int horizon) {
        FlatModel m = FlatModel.of(model);
        checkPolicy(m, policyProbabilities);
        if (horizon < 0) {
            throw new IllegalArgumentException("horizon must be >= 0, got " + horizon);
        }
        int n = m.numStates;
        int na = m.numActions;
        double[] v = new double[n];
        double[] next = new double[n];
        for (int k = 0; k < horizon; k++) {
            for (int s = 0; s < n; s++) {
                double total = 0.0;
                for (int a = 0; a < na; a++) {
                    double pi = policyProbabilities[s][a];
                    if (pi == 0.0) {
                        continue;
                    }
                    total += pi * m.backup(s, a, v, 1.0);
                }
                next[s] = total;
            }
            double[] t = v;
            v = next;
            next = t;
        }
        return v;
    }

    /**
     * {@code Q^pi(s, a) = sum p (r + gamma V(s'))} (terminal outcomes: reward only) for given state
     * values, indexed {@code [s][a]}.
     */
    public static double[][] actionValues(TabularModel model, double[] values, double gamma) {
        FlatModel m = FlatModel.of(model);
        if (values.length != m.numStates) {
            throw new IllegalArgumentException("values needs " + m.numStates + " entries, got " + values.length);
        }
        double[][] q = new double[m.numStates][m.numActions];
        for (int s = 0; s < m.numStates; s++) {
            for (int a = 0; a < m.numActions; a++) {
                q[s][a] = m.backup(s, a, values, gamma);
            }
        }
        return q;
    }

    /** {@code sum_s d0(s) V(s)}: the expected return from the model's initial-state distribution. */
    public static double expectedReturn(TabularModel model, double[] values) {
        double[] d0 = model.initialStateDistribution();
        if (values.length != d0.length) {
            throw new IllegalArgumentException("values needs " + d0.length + " entries, got " + values.length);
        }
        double sum = 0.0;
        for (int s = 0; s < d0.length; s++) {
            if (d0[s] != 0.0) {
                sum += d0[s] * values[s];
            }
        }
        return sum;
    }

    /** The table {@code pi[s][a]} of a policy over the model's states. */
    static double[][] table(TabularModel model, DiscreteStochasticPolicy<Integer> policy) {
        double[][] t = new double[model.numStates()][];
        for (int s = 0; s < t.length; s++) {
            t[s] = policy.probabilities(s);
        }
        return t;
    }

    private static void checkPolicy(FlatModel m, double[][] pi) {
        if (pi == null || pi.length != m.numStates) {
            throw new IllegalArgumentException("policy table needs " + m.numStates + " rows, got "
                    + (pi == null ? "null" : pi.length));
        }
        for (int s = 0; s < pi.length; s++) {
            TabularPolicy.checkRow(pi[s], m.numActions, s);
        }
    }
}
