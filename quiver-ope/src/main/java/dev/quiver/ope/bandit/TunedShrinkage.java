package dev.quiver.ope.bandit;

import dev.quiver.ope.bandit.data.LoggedBanditData;
import dev.quiver.ope.bandit.policy.ActionDistribution;
import java.util.function.DoubleFunction;

/**
 * An IPW or DR estimator whose weight-shrinkage hyperparameter is chosen on the data by minimising an
 * estimate of the mean squared error, {@code var_n(v_i) / n + bias^2}, where {@code v_i} are the per-row
 * estimates and {@code bias = |mean((w_i - w_hat_i) (r_i - q_hat(x_i, a_i)))|} (with {@code q_hat = 0} for
 * IPW), the direct bias estimate of Su et al. (2020, section 5) that Open Bandit Pipeline's {@code
 * ...Tuning} estimators use with {@code use_bias_upper_bound=False}. The first grid value wins ties. The
 * interval is the bootstrap of the estimator at the chosen value (the choice is not redone per resample,
 * so it is a little narrow).
 *
 * @see <a href="https://arxiv.org/abs/1907.09623">Su, Dimakopoulou, Krishnamurthy and Dudik (2020), Doubly
 *     Robust Off-Policy Evaluation with Shrinkage, arXiv:1907.09623</a>
 * @see <a href="https://arxiv.org/abs/1612.01205">Wang, Agarwal and Dudik (2017), Optimal and Adaptive
 *     Off-policy Evaluation in Contextual Bandits, arXiv:1612.01205</a>
 */
public final class TunedShrinkage implements OffPolicyEstimator {
    private final String name;
    private final boolean doublyRobust;
    private final DoubleFunction<WeightShrinkage> family;
    private final double[] grid;

    /**
     * The estimator called {@code name}.
     *
     * @param doublyRobust DR form (with the model's terms) if true, else IPW form
     * @param family the shrinkage for a hyperparameter value
     * @param grid the candidate values, at least one
     */
    public TunedShrinkage(String name, boolean doublyRobust, DoubleFunction<WeightShrinkage> family, double[] grid) {
        if (grid.length == 0) {
            throw new IllegalArgumentException("the grid is empty");
        }
        this.name = name;
        this.doublyRobust = doublyRobust;
        this.family = family;
        this.grid = grid.clone();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean usesRewardModel() {
        return doublyRobust;
    }

    /** The candidate hyperparameter values. */
    public double[] grid() {
        return grid.clone();
    }

    @Override
    public RowTerms terms(LoggedBanditData data, ActionDistribution pi, double[][] qHat) {
        Inputs in = Inputs.of(data, pi, qHat, doublyRobust);
        int n = in.n;
        double bestMse = Double.POSITIVE_INFINITY;
        WeightShrinkage best = null;
        double[] v = new double[n];
        for (double lambda : grid) {
            WeightShrinkage s = family.apply(lambda);
            double biasSum = 0;
            for (int i = 0; i < n; i++) {
                double residual = in.r[i] - (doublyRobust ? in.qFactual[i] : 0);
                double wHat = s.apply(in.w[i]);
                v[i] = (doublyRobust ? in.qPolicy[i] : 0) + (wHat == 0 ? 0 : wHat * residual);
                double dw = in.w[i] - wHat;
                biasSum += dw == 0 ? 0 : dw * residual;
            }
            double bias = Math.abs(biasSum / n);
            double mse = populationVariance(v) / n + bias * bias;
            if (mse < bestMse) {
                bestMse = mse;
                best = s;
            }
        }
        if (best == null) {
            best = family.apply(grid[0]);
        }
        OffPolicyEstimator chosen = doublyRobust ? new DoublyRobust(name, best)
                : new InverseProbabilityWeighting(name, best);
        RowTerms t = chosen.terms(data, pi, qHat);
        String note = best.describe() + " (tuned by estimated MSE)";
        return new RowTerms(t.direct(), t.correction(), t.weights(), note);
    }

    private static double populationVariance(double[] v) {
        double m = 0;
        for (double x : v) {
            m += x;
        }
        m /= v.length;
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return s / v.length;
    }
}
