package dev.quiver.ope.bandit;

import dev.quiver.ope.bandit.data.LoggedBanditData;
import dev.quiver.ope.bandit.policy.ActionDistribution;

/**
 * The quantities every bandit estimator reads, checked and computed once: importance weights {@code w_i
 * = pi_e(a_i | x_i, k_i) / p_i}, rewards, and (with a reward model) {@code q_hat(x_i, a_i)} and {@code
 * q_hat(x_i, pi_e) = sum_a pi_e(a | x_i) q_hat(x_i, a)}.
 */
final class Inputs {
    final int n;
    final double[] w;
    final double[] r;
    /** {@code q_hat(x_i, a_i)}, or null. */
    final double[] qFactual;
    /** {@code q_hat(x_i, pi_e)}, or null. */
    final double[] qPolicy;

    private Inputs(int n, double[] w, double[] r, double[] qFactual, double[] qPolicy) {
        this.n = n;
        this.w = w;
        this.r = r;
        this.qFactual = qFactual;
        this.qPolicy = qPolicy;
    }

    static Inputs of(LoggedBanditData data, ActionDistribution pi, double[][] qHat, boolean needModel) {
        int n = data.size();
        int k = data.numActions();
        if (n == 0) {
            throw new IllegalArgumentException(data.source() + ": no rows");
        }
        if (pi.rows() != n || pi.numActions() != k) {
            throw new IllegalArgumentException("the evaluation policy covers " + pi.rows() + " rows x "
                    + pi.numActions() + " actions; " + data.source() + " has " + n + " x " + k);
        }
        double[] w = new double[n];
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = pi.probability(i, data.action(i)) / data.propensity(i);
            r[i] = data.reward(i);
        }
        double[] qf = null;
        double[] qp = null;
        if (needModel) {
            if (qHat == null) {
                throw new IllegalArgumentException("this estimator needs reward-model predictions q_hat");
            }
            if (qHat.length != n) {
                throw new IllegalArgumentException("q_hat has " + qHat.length + " rows; " + data.source() + " has " + n);
            }
            qf = new double[n];
            qp = new double[n];
            for (int i = 0; i < n; i++) {
                if (qHat[i].length != k) {
                    throw new IllegalArgumentException("q_hat row " + i + " has " + qHat[i].length + " actions, not " + k);
                }
                qf[i] = qHat[i][data.action(i)];
                qp[i] = pi.expectation(i, qHat[i]);
            }
        }
        return new Inputs(n, w, r, qf, qp);
    }
}
