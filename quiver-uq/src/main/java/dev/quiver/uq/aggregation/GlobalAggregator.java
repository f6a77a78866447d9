package dev.quiver.uq.aggregation;

import dev.quiver.core.seed.Seeds;
import dev.quiver.uq.data.Matrix;
import dev.quiver.uq.model.QuantileRegressor;

/**
 * The global quantile aggregator of Fakoor et al.: convex weights that do not depend on x, at coarse, medium
 * or fine {@link Granularity}, fitted on held-out rows by minimising the mean weighted interval score of the
 * aggregate (twice the mean pinball loss over levels, {@link QuantileLoss}) plus {@code λ} times the mean
 * {@link CrossingPenalty}:
 * {@code min_θ (1/n) Σ_i [WIS(g_θ(x_i), y_i) + λ P_δ(g_θ(x_i))]}, with weights {@code w = softmax(θ)} per
 * group (so they stay on the simplex).
 *
 * <p>Our choices, where the paper tunes by cross-validation: the target and the base predictions are
 * standardised by the fitting rows' mean and standard deviation (so λ and the margin δ are unit-free);
 * {@code θ = 0} at the start (the equal-weight average); full-batch Adam (β = 0.9, 0.999) on the exact
 * subgradient for {@link #iterations()} steps with the learning rate decayed linearly to zero (the objective is
 * piecewise linear in the weights, and the decay lets the iterates settle). Deterministic.
 *
 * @param granularity coarse, medium or fine weights
 * @param crossingWeight the penalty weight λ ≥ 0
 * @param margin the penalty margin δ ≥ 0 (standardised units)
 * @param iterations the number of Adam steps
 * @param learningRate Adam's initial learning rate
 * @see <a href="https://arxiv.org/abs/2103.00083">Fakoor et al. (2023), Flexible Model Aggregation for
 *     Quantile Regression, arXiv:2103.00083</a>
 */
public record GlobalAggregator(Granularity granularity, double crossingWeight, double margin, int iterations,
        double learningRate) implements QuantileAggregator {
    /** Validates the settings. */
    public GlobalAggregator {
        java.util.Objects.requireNonNull(granularity, "granularity");
        if (!(crossingWeight >= 0) || !Double.isFinite(crossingWeight)) {
            throw new IllegalArgumentException("crossing weight must be finite and >= 0, got " + crossingWeight);
        }
        new CrossingPenalty(margin);
        if (iterations < 1 || !(learningRate > 0)) {
            throw new IllegalArgumentException("need iterations >= 1 and learning rate > 0, got " + iterations + ", "
                    + learningRate);
        }
    }

    /** Medium granularity, λ = 1, δ = 0, 500 steps from learning rate 0.05. */
    public static GlobalAggregator defaults() {
        return new GlobalAggregator(Granularity.MEDIUM, 1.0, 0.0, 500, 0.05);
    }

    /** A copy with another granularity. */
    public GlobalAggregator withGranularity(Granularity g) {
        return new GlobalAggregator(g, crossingWeight, margin, iterations, learningRate);
    }

    /** A copy with another penalty weight λ. */
    public GlobalAggregator withCrossingWeight(double lambda) {
        return new GlobalAggregator(granularity, lambda, margin, iterations, learningRate);
    }

    /** A copy with another margin δ. */
    public GlobalAggregator withMargin(double delta) {
        return new GlobalAggregator(granularity, crossingWeight, delta, iterations, learningRate);
    }

    /** A copy with another number of steps. */
    public GlobalAggregator withIterations(int n) {
        return new GlobalAggregator(granularity, crossingWeight, margin, n, learningRate);
    }

    /** As {@link #fit(QuantileStack, double[], double[])} (the features and seeds are unused: deterministic). */
    @Override
    public GlobalAggregate fit(Matrix x, QuantileStack base, double[] y, double[] levels, Seeds seeds) {
        return fit(base, y, levels);
    }

    /**
     * Fits the weights.
     *
     * @param base the base predictions on the fitting rows
     * @param y the fitting rows' targets
     * @param levels the quantile levels (ascending, those of {@code base})
     */
    public GlobalAggregate fit(QuantileStack base, double[] y, double[] levels) {
        double[] taus = QuantileRegressor.checkLevels(levels);
        int n = base.rows();
        int models = base.models();
        int m = base.levels();
        if (y.length != n || taus.length != m) {
            throw new IllegalArgumentException("need one target per row and one level per prediction column, got " + n
                    + " rows, " + y.length + " targets, " + m + " columns, " + taus.length + " levels");
        }
        double[] scale = Scaling.of(y);
        QuantileStack z = base.standardised(scale[0], scale[1]);
        double[] yz = new double[n];
        for (int i = 0; i < n; i++) {
            yz[i] = (y[i] - scale[0]) / scale[1];
        }
        int groups = granularity.groups(m);
        int sources = granularity.sources(models, m);
        double[][] theta = new double[groups][sources];
        double[][] grad = new double[groups][sources];
        double[][] mom = new double[groups][sources];
        double[][] vel = new double[groups][sources];
        double[][] w = new double[groups][sources];
        double[] q = new double[m];
        double[] gq = new double[m];
        CrossingPenalty penalty = new CrossingPenalty(margin);
        double b1 = 0.9;
        double b2 = 0.999;
        boolean fine = granularity == Granularity.FINE;
        boolean coarse = granularity == Granularity.COARSE;
        // sources laid out flat per row: fine [model·m + level] (shared by all output levels), else [level·M + model]
        double[][] flat = new double[n][models * m];
        for (int i = 0; i < n; i++) {
            double[][] b = z.rowView(i);
            for (int j = 0; j < models; j++) {
                for (int k = 0; k < m; k++) {
                    flat[i][fine ? j * m + k : k * models + j] = b[j][k];
                }
            }
        }
        for (int t = 1; t <= iterations; t++) {
            for (int g = 0; g < groups; g++) {
                Softmax.into(theta[g], w[g]);
                java.util.Arrays.fill(grad[g], 0);
            }
            for (int i = 0; i < n; i++) {
                double[] f = flat[i];
                for (int k = 0; k < m; k++) {
                    double[] wk = w[coarse ? 0 : k];
                    int off = fine ? 0 : k * models;
                    double s = 0;
                    for (int src = 0; src < sources; src++) {
                        s += wk[src] * f[off + src];
                    }
                    q[k] = s;
                }
                for (int k = 0; k < m; k++) {
                    gq[k] = 2.0 / m * ((yz[i] < q[k] ? 1 : 0) - taus[k]) / n;
                }
                if (crossingWeight > 0) {
                    penalty.addGradient(taus, q, crossingWeight / n, gq);
                }
                for (int k = 0; k < m; k++) {
                    double[] gk = grad[coarse ? 0 : k];
                    int off = fine ? 0 : k * models;
                    double c = gq[k];
                    for (int src = 0; src < sources; src++) {
                        gk[src] += c * f[off + src];
                    }
                }
            }
            double lr = learningRate * (1 - (t - 1) / (double) iterations);
            double c1 = 1 - Math.pow(b1, t);
            double c2 = 1 - Math.pow(b2, t);
            for (int g = 0; g < groups; g++) {
                // chain rule through the softmax: dθ_s = w_s (dw_s − Σ_r w_r dw_r)
                double dot = 0;
                for (int src = 0; src < sources; src++) {
                    dot += w[g][src] * grad[g][src];
                }
                for (int src = 0; src < sources; src++) {
                    double d = w[g][src] * (grad[g][src] - dot);
                    mom[g][src] = b1 * mom[g][src] + (1 - b1) * d;
                    vel[g][src] = b2 * vel[g][src] + (1 - b2) * d * d;
                    theta[g][src] -= lr * (mom[g][src] / c1) / (Math.sqrt(vel[g][src] / c2) + 1e-8);
                }
            }
        }
        for (int g = 0; g < groups; g++) {
            Softmax.into(theta[g], w[g]);
        }
        return GlobalAggregate.of(granularity, w, models, m);
    }
}
