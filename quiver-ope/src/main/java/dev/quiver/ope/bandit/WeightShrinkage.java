package dev.quiver.ope.bandit;

import java.util.Locale;

/**
 * A map {@code w -> w_hat} of importance weights that trades variance for bias: none ({@link #none()}),
 * clipping ({@link #clipping}), switching to the model ({@link #switching}), optimistic shrinkage ({@link
 * #optimistic}) or the sub-Gaussian power mean ({@link #subGaussian}). Each has one hyperparameter; at
 * its neutral value it leaves the weights as they are.
 */
public interface WeightShrinkage {
    /** The shrunk weight. */
    double apply(double w);

    /** The hyperparameter's symbol and value, e.g. {@code "tau=100"}, or empty for {@link #none()}. */
    String describe();

    /** {@code w_hat = w}. */
    static WeightShrinkage none() {
        return of(w -> w, "");
    }

    /**
     * {@code w_hat = min(w, lambda)} (OBP's {@code lambda_} of IPW and DR; {@code +inf}: none).
     *
     * @see <a href="https://arxiv.org/abs/1209.2355">Bottou et al. (2013), Counterfactual Reasoning and
     *     Learning Systems, arXiv:1209.2355</a>
     */
    static WeightShrinkage clipping(double lambda) {
        requireNonNegative(lambda, "clipping lambda");
        return of(w -> Math.min(w, lambda), "lambda=" + num(lambda));
    }

    /**
     * {@code w_hat = w 1{w <= tau}}: rows with weights above {@code tau} keep only the model's term
     * (Switch-DR; {@code tau = +inf} is DR, {@code tau = 0} is DM).
     *
     * @see <a href="https://arxiv.org/abs/1612.01205">Wang, Agarwal and Dudik (2017), Optimal and Adaptive
     *     Off-policy Evaluation in Contextual Bandits, arXiv:1612.01205</a>
     */
    static WeightShrinkage switching(double tau) {
        requireNonNegative(tau, "switching tau");
        return of(w -> w <= tau ? w : 0, "tau=" + num(tau));
    }

    /**
     * {@code w_hat = lambda w / (w^2 + lambda)}, the optimistic shrinkage of DRos ({@code lambda = 0}: DM,
     * {@code lambda -> inf}: DR).
     *
     * @see <a href="https://arxiv.org/abs/1907.09623">Su, Dimakopoulou, Krishnamurthy and Dudik (2020),
     *     Doubly Robust Off-Policy Evaluation with Shrinkage, arXiv:1907.09623</a>
     */
    static WeightShrinkage optimistic(double lambda) {
        requireNonNegative(lambda, "shrinkage lambda");
        if (lambda == Double.POSITIVE_INFINITY) {
            return of(w -> w, "lambda=inf");
        }
        return of(w -> lambda == 0 ? 0 : lambda * w / (w * w + lambda), "lambda=" + num(lambda));
    }

    /**
     * {@code w_hat = w / ((1 - lambda) + lambda w)}, {@code lambda} in [0, 1]: the power-mean correction
     * that makes the IPW estimator sub-Gaussian ({@code lambda = 0}: IPW, {@code lambda = 1}: all weights
     * 1).
     *
     * @see <a href="https://proceedings.neurips.cc/paper/2021/hash/4476b929e30dd0c4e8bdbcc82c6ba23a-Abstract.html">
     *     Metelli, Russo and Restelli (2021), Subgaussian and Differentiable Importance Sampling for
     *     Off-Policy Evaluation and Learning, NeurIPS 2021</a>
     */
    static WeightShrinkage subGaussian(double lambda) {
        if (!(lambda >= 0 && lambda <= 1)) {
            throw new IllegalArgumentException("sub-Gaussian lambda must be in [0, 1], got " + lambda);
        }
        return of(w -> w / ((1 - lambda) + lambda * w), "lambda=" + num(lambda));
    }

    private static WeightShrinkage of(java.util.function.DoubleUnaryOperator f, String describe) {
        return new WeightShrinkage() {
            @Override
            public double apply(double w) {
                return f.applyAsDouble(w);
            }

            @Override
            public String describe() {
                return describe;
            }
        };
    }

    private static void requireNonNegative(double v, String what) {
        if (!(v >= 0)) {
            throw new IllegalArgumentException(what + " must be >= 0, got " + v);
        }
    }

    private static String num(double v) {
        if (v == Double.POSITIVE_INFINITY) {
            return "inf";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
