package dev.quiver.ope.bandit.policy;

import java.util.Locale;

/**
 * A policy that turns per-action scores on a row (true or estimated expected rewards) into action
 * probabilities: {@link #uniform()}, {@link #epsilonGreedy(double)} or {@link #softmax(double)}. Applied
 * to a matrix of scores it gives an {@link ActionDistribution}; a synthetic simulator also applies it to
 * fresh contexts to compute the policy's true value.
 *
 * @see <a href="https://arxiv.org/abs/2008.07146">Saito, Aihara, Matsutani and Narita (2021), Open Bandit
 *     Dataset and Pipeline, arXiv:2008.07146 ({@code obp.dataset.synthetic.gen_eps_greedy} and the
 *     softmax behaviour policy)</a>
 */
public interface ScorePolicy {
    /** Writes the action probabilities for {@code scores} into {@code out} (same length). */
    void probabilities(double[] scores, double[] out);

    /** A short name, e.g. {@code "softmax(beta=3)"}. */
    String name();

    /** The probabilities on every row of {@code scores}. */
    default ActionDistribution apply(double[][] scores) {
        int n = scores.length;
        int k = n == 0 ? 0 : scores[0].length;
        double[] flat = new double[n * k];
        double[] row = new double[k];
        for (int i = 0; i < n; i++) {
            probabilities(scores[i], row);
            System.arraycopy(row, 0, flat, i * k, k);
        }
        return ActionDistribution.ofFlat(n, k, flat);
    }

    /** {@code 1/K} for every action, whatever the scores. */
    static ScorePolicy uniform() {
        return new ScorePolicy() {
            @Override
            public void probabilities(double[] scores, double[] out) {
                java.util.Arrays.fill(out, 1.0 / out.length);
            }

            @Override
            public String name() {
                return "uniform";
            }
        };
    }

    /**
     * {@code 1 - eps + eps/K} on the best-scoring action (the first, on ties) and {@code eps/K} on every
     * other; {@code eps = 0} is the greedy policy.
     */
    static ScorePolicy epsilonGreedy(double eps) {
        if (!(eps >= 0 && eps <= 1)) {
            throw new IllegalArgumentException("epsilon must be in [0, 1], got " + eps);
        }
        return new ScorePolicy() {
            @Override
            public void probabilities(double[] scores, double[] out) {
                int k = scores.length;
                int best = 0;
                for (int a = 1; a < k; a++) {
                    if (scores[a] > scores[best]) {
                        best = a;
                    }
                }
                java.util.Arrays.fill(out, eps / k);
                out[best] += 1 - eps;
            }

            @Override
            public String name() {
                return String.format(Locale.ROOT, "epsilon-greedy(eps=%s)", eps);
            }
        };
    }

    /**
     * {@code exp(beta s_a) / sum_b exp(beta s_b)}: OBP's default behaviour policy over expected rewards
     * (beta > 0 prefers high scores, beta < 0 low ones, beta = 0 is uniform).
     */
    static ScorePolicy softmax(double beta) {
        if (!Double.isFinite(beta)) {
            throw new IllegalArgumentException("beta must be finite, got " + beta);
        }
        return new ScorePolicy() {
            @Override
            public void probabilities(double[] scores, double[] out) {
                double max = Double.NEGATIVE_INFINITY;
                for (double s : scores) {
                    max = Math.max(max, beta * s);
                }
                double z = 0;
                for (int a = 0; a < scores.length; a++) {
                    out[a] = Math.exp(beta * scores[a] - max);
                    z += out[a];
                }
                for (int a = 0; a < scores.length; a++) {
                    out[a] /= z;
                }
            }

            @Override
            public String name() {
                return String.format(Locale.ROOT, "softmax(beta=%s)", beta);
            }
        };
    }
}
