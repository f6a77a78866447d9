package dev.quiver.envs.solve;

import dev.quiver.core.tabular.TabularModel;

/**
 * Value iteration on an exact finite model: repeated synchronous Bellman optimality backups
 * {@code V(s) <- max_a sum p (r + gamma V(s'))} from {@code V = 0}, where an outcome marked {@code
 * terminal} contributes its reward only (no bootstrap). Stops when a sweep changes no value by
 * {@code tolerance} or more; with {@code gamma < 1} the values are then within {@code tolerance *
 * gamma / (1 - gamma)} of {@code V*}. With {@code gamma = 1} it converges on episodic problems where
 * an optimal policy reaches termination with probability 1 (stochastic shortest path), e.g. every
 * toy-text env here; otherwise it stops with an {@link IllegalArgumentException} after {@code
 * maxIterations} sweeps.
 *
 * <p>The returned {@code Q} is one more backup of the final values and {@code V = max_a Q}; the
 * greedy action is the lowest action whose {@code Q} is within {@code 1e-10 * max(1, |max Q|)} of the
 * maximum, so exact ties (up to rounding) go to the lowest action.
 *
 * @see <a href="https://press.princeton.edu/books/paperback/9780691146683/dynamic-programming">Bellman
 *     (1957), Dynamic Programming</a>
 * @see <a href="http://incompleteideas.net/book/the-book-2nd.html">Sutton and Barto (2018),
 *     Reinforcement Learning: An Introduction, 2nd ed., section 4.4</a>
 */
public final class ValueIteration {
    /** The sweep limit of {@link #solve(TabularModel, double, double)}. */
    public static final int DEFAULT_MAX_ITERATIONS = 100_000;
    /** Relative tolerance under which two action values count as tied. */
    static final double TIE_TOLERANCE = 1e-10;

    private ValueIteration() {
    }

    /** Solves {@code model} with at most {@link #DEFAULT_MAX_ITERATIONS} sweeps. */
    public static TabularSolution solve(TabularModel model, double gamma, double tolerance) {
        return solve(model, gamma, tolerance, DEFAULT_MAX_ITERATIONS);
    }

    /**
     * Solves {@code model}.
     *
     * @param model the exact model
     * @param gamma the discount in [0, 1]
     * @param tolerance stop when the largest change of a sweep is below this (positive)
     * @param maxIterations the most sweeps before giving up
     * @return V*, Q*, the greedy policy and the number of sweeps
     * @throws IllegalArgumentException on a bad argument or model, or without convergence
     */
    public static TabularSolution solve(TabularModel model, double gamma, double tolerance, int maxIterations) {
        FlatModel m = FlatModel.of(model);
        FlatModel.checkGammaTolerance(gamma, tolerance);
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
        }
        int ns = m.numStates;
        int na = m.numActions;
        double[] v = new double[ns];
        double[] w = new double[ns];
        int iterations = 0;
        double delta = Double.POSITIVE_INFINITY;
        while (delta >= tolerance) {
            if (iterations == maxIterations) {
                throw new IllegalArgumentException("value iteration did not converge within " + maxIterations
                        + " sweeps (last change " + delta + ", tolerance " + tolerance + ", gamma " + gamma
                        + "); with gamma = 1 an optimal policy must end episodes with probability 1");
            }
            delta = 0.0;
            for (int s = 0; s < ns; s++) {
                double best = Double.NEGATIVE_INFINITY;
                for (int a = 0; a < na; a++) {
                    best = Math.max(best, m.backup(s, a, v, gamma));
                }
                w[s] = best;
                delta = Math.max(delta, Math.abs(best - v[s]));
            }
            if (!Double.isFinite(delta)) {
                throw new IllegalArgumentException("value iteration diverged (non-finite values) at sweep "
                        + (iterations + 1));
            }
            double[] t = v;
            v = w;
            w = t;
            iterations++;
        }
        double[][] q = new double[ns][na];
        double[] values = new double[ns];
        int[] greedy = new int[ns];
        for (int s = 0; s < ns; s++) {
            for (int a = 0; a < na; a++) {
                q[s][a] = m.backup(s, a, v, gamma);
            }
            greedy[s] = argmaxLowest(q[s]);
            double best = Double.NEGATIVE_INFINITY;
            for (double x : q[s]) {
                best = Math.max(best, x);
            }
            values[s] = best;
        }
        return new TabularSolution(values, q, greedy, iterations);
    }

    /** The lowest index whose value is within the tie tolerance of the maximum. */
    static int argmaxLowest(double[] q) {
        double max = Double.NEGATIVE_INFINITY;
        for (double x : q) {
            max = Math.max(max, x);
        }
        double slack = TIE_TOLERANCE * Math.max(1.0, Math.abs(max));
        for (int a = 0; a < q.length; a++) {
            if (q[a] >= max - slack) {
                return a;
            }
        }
        return 0;
    }
}
