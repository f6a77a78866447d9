package dev.quiver.ope.bandit.policy;

import dev.quiver.ope.bandit.data.LoggedBanditData;

/**
 * A policy that ignores the context: {@code pi(a | k)}, one probability vector per position {@code k}.
 * Open Bandit Pipeline's Bernoulli Thompson Sampling policy is of this kind (its action distribution,
 * {@code compute_batch_action_dist}, is the same on every round).
 *
 * <p>{@link #fromLogFrequencies} estimates such a policy from its own logs as the per-position action
 * frequencies {@code #{i : a_i = a, k_i = k} / #{i : k_i = k}}. When the logging policy changes over time
 * (the Open Bandit Dataset's BTS updated its posteriors during collection) this is an unbiased estimate
 * of its time-averaged action distribution {@code (1/T) sum_t pi_t(a | k)}; averaging the logged
 * propensities of each (item, position) instead would over-weight the times the item was likely (a
 * size-biased mean).
 *
 * @see <a href="https://arxiv.org/abs/2008.07146">Saito, Aihara, Matsutani and Narita (2021), Open Bandit
 *     Dataset and Pipeline, arXiv:2008.07146</a>
 */
public final class ContextFreePolicy {
    private final double[][] byPosition;

    private ContextFreePolicy(double[][] byPosition) {
        this.byPosition = byPosition;
    }

    /**
     * The policy with {@code pi(a | k) = byPosition[k][a]} (copied).
     *
     * @throws IllegalArgumentException if a row is not a probability vector
     */
    public static ContextFreePolicy of(double[][] byPosition) {
        double[][] copy = new double[byPosition.length][];
        for (int k = 0; k < byPosition.length; k++) {
            copy[k] = byPosition[k].clone();
            String problem = ActionDistribution.check(copy[k], 0, copy[k].length);
            if (problem != null || copy[k].length != copy[0].length) {
                throw new IllegalArgumentException("position " + k + ": "
                        + (problem != null ? problem : "has " + copy[k].length + " actions, position 0 has "
                                + copy[0].length));
            }
        }
        return new ContextFreePolicy(copy);
    }

    /**
     * The per-position action frequencies of {@code logs} (see the class comment).
     *
     * @throws IllegalArgumentException if some position has no rows
     */
    public static ContextFreePolicy fromLogFrequencies(LoggedBanditData logs) {
        int positions = logs.numPositions();
        int k = logs.numActions();
        double[][] counts = new double[positions][k];
        double[] totals = new double[positions];
        for (int i = 0; i < logs.size(); i++) {
            counts[logs.position(i)][logs.action(i)]++;
            totals[logs.position(i)]++;
        }
        for (int pos = 0; pos < positions; pos++) {
            if (totals[pos] == 0) {
                throw new IllegalArgumentException(logs.source() + ": no rows at position " + pos);
            }
            for (int a = 0; a < k; a++) {
                counts[pos][a] /= totals[pos];
            }
        }
        return new ContextFreePolicy(counts);
    }

    /** The number of positions. */
    public int numPositions() {
        return byPosition.length;
    }

    /** The number of actions. */
    public int numActions() {
        return byPosition[0].length;
    }

    /** {@code pi(a | k)}. */
    public double probability(int position, int action) {
        return byPosition[position][action];
    }

    /**
     * The distribution on the rows of {@code data}, each at its own position.
     *
     * @throws IllegalArgumentException if the numbers of actions or positions differ
     */
    public ActionDistribution on(LoggedBanditData data) {
        if (data.numActions() != numActions() || data.numPositions() > numPositions()) {
            throw new IllegalArgumentException("the policy has " + numActions() + " actions and " + numPositions()
                    + " positions; " + data.source() + " has " + data.numActions() + " and " + data.numPositions());
        }
        int n = data.size();
        int k = numActions();
        double[] flat = new double[n * k];
        for (int i = 0; i < n; i++) {
            System.arraycopy(byPosition[data.position(i)], 0, flat, i * k, k);
        }
        return ActionDistribution.ofFlat(n, k, flat);
    }
}
