package dev.quiver.ope.bandit.policy;

import java.util.Arrays;

/**
 * An evaluation policy's action probabilities on logged rows: {@code pi_e(a | x_i, k_i)} for every row
 * {@code i} (at that row's position {@code k_i}) and action {@code a}. Immutable; rows are checked to be
 * probability vectors (non-negative, summing to 1 within {@code 1e-6}).
 *
 * <p>This is the slice of Open Bandit Pipeline's {@code action_dist[n, K, len_list]} at each row's
 * logged position, which is all the bandit estimators read.
 *
 * @see <a href="https://arxiv.org/abs/2008.07146">Saito, Aihara, Matsutani and Narita (2021), Open Bandit
 *     Dataset and Pipeline, arXiv:2008.07146</a>
 */
public final class ActionDistribution {
    /** How far a row's sum may be from 1. */
    public static final double SUM_TOLERANCE = 1e-6;

    private final int rows;
    private final int numActions;
    private final double[] p;

    private ActionDistribution(int rows, int numActions, double[] p) {
        this.rows = rows;
        this.numActions = numActions;
        this.p = p;
    }

    /**
     * The distribution with row {@code i} equal to {@code probabilities[i]} (copied).
     *
     * @throws IllegalArgumentException if a row is not a probability vector or rows differ in length
     */
    public static ActionDistribution of(double[][] probabilities) {
        int n = probabilities.length;
        int k = n == 0 ? 0 : probabilities[0].length;
        double[] flat = new double[n * k];
        for (int i = 0; i < n; i++) {
            if (probabilities[i].length != k) {
                throw new IllegalArgumentException("row " + i + " has " + probabilities[i].length + " actions, row 0 has "
                        + k);
            }
            System.arraycopy(probabilities[i], 0, flat, i * k, k);
        }
        return ofFlat(n, k, flat);
    }

    /** The distribution from a row-major {@code rows * numActions} array (copied); see {@link #of}. */
    public static ActionDistribution ofFlat(int rows, int numActions, double[] flat) {
        if (flat.length != rows * numActions) {
            throw new IllegalArgumentException(flat.length + " probabilities for " + rows + " rows of " + numActions);
        }
        double[] p = flat.clone();
        for (int i = 0; i < rows; i++) {
            String problem = check(p, i * numActions, numActions);
            if (problem != null) {
                throw new IllegalArgumentException("row " + i + ": " + problem);
            }
        }
        return new ActionDistribution(rows, numActions, p);
    }

    /** Why {@code p[from..from+k)} is not a probability vector, or null if it is. */
    static String check(double[] p, int from, int k) {
        double s = 0;
        for (int a = 0; a < k; a++) {
            double v = p[from + a];
            if (!(v >= 0 && v <= 1)) {
                return "probability of action " + a + " is " + v + ", not in [0, 1]";
            }
            s += v;
        }
        if (Math.abs(s - 1) > SUM_TOLERANCE) {
            return "probabilities sum to " + s + ", not 1";
        }
        return null;
    }

    /** The uniform policy {@code 1/K} on {@code rows} rows. */
    public static ActionDistribution uniform(int rows, int numActions) {
        double[] p = new double[rows * numActions];
        Arrays.fill(p, 1.0 / numActions);
        return new ActionDistribution(rows, numActions, p);
    }

    /** The number of rows. */
    public int rows() {
        return rows;
    }

    /** The number of actions. */
    public int numActions() {
        return numActions;
    }

    /** {@code pi_e(a | x_i, k_i)}. */
    public double probability(int i, int a) {
        return p[i * numActions + a];
    }

    /** A copy of row {@code i}. */
    public double[] row(int i) {
        return Arrays.copyOfRange(p, i * numActions, (i + 1) * numActions);
    }

    /** {@code sum_a pi_e(a | x_i) q[i][a]}: the expectation of a per-action quantity on row {@code i}. */
    public double expectation(int i, double[] q) {
        double s = 0;
        int base = i * numActions;
        for (int a = 0; a < numActions; a++) {
            s += p[base + a] * q[a];
        }
        return s;
    }

    /**
     * The policy's value under known expected rewards: {@code (1/n) sum_i sum_a pi_e(a|x_i) q[i][a]} (the
     * ground truth of synthetic data on these contexts, OBP's {@code calc_ground_truth_policy_value}).
     */
    public double valueUnder(double[][] expectedRewards) {
        if (expectedRewards.length != rows) {
            throw new IllegalArgumentException(expectedRewards.length + " rows of rewards for " + rows + " rows");
        }
        double s = 0;
        for (int i = 0; i < rows; i++) {
            s += expectation(i, expectedRewards[i]);
        }
        return s / rows;
    }

    /** The rows {@code idx} as a new distribution. */
    public ActionDistribution subset(int[] idx) {
        double[] q = new double[idx.length * numActions];
        for (int j = 0; j < idx.length; j++) {
            System.arraycopy(p, idx[j] * numActions, q, j * numActions, numActions);
        }
        return new ActionDistribution(idx.length, numActions, q);
    }
}
