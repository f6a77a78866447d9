package dev.quiver.bandits.algo;

/**
 * Inverse gap weighting: the action distributions of SquareCB and FastCB, which turn an oracle's
 * predictions into exploration probabilities that shrink with each arm's predicted gap to the best arm.
 *
 * <p>SquareCB (Foster and Rakhlin 2020, Algorithm 1), in reward form: with {@code b} the arm of largest
 * predicted reward (first on ties), every other arm gets {@code 1 / (K + gamma (yhat_b - yhat_a))} and
 * {@code b} gets the rest.
 *
 * <p>FastCB (Foster and Krishnamurthy 2021, Algorithm 1), in loss form with predicted losses in [0, 1]:
 * with {@code b} the arm of smallest predicted loss, every other arm gets
 * {@code yhat_b / (K yhat_b + gamma (yhat_a - yhat_b))} and {@code b} gets the rest; when the best loss is
 * small, exploration shrinks with it (first-order regret). A predicted best loss of exactly 0 gives tied
 * arms {@code 1 / K} (the limit) and the others 0.
 *
 * @see <a href="https://arxiv.org/abs/2002.04926">Foster, Rakhlin (2020), Beyond UCB: Optimal and Efficient
 *     Contextual Bandits with Regression Oracles, arXiv:2002.04926</a>
 * @see <a href="https://arxiv.org/abs/2107.02237">Foster, Krishnamurthy (2021), Efficient First-Order
 *     Contextual Bandits: Prediction, Allocation, and Triangular Discrimination, arXiv:2107.02237</a>
 */
public final class InverseGapWeighting {
    private InverseGapWeighting() {
    }

    /**
     * SquareCB's distribution for predicted rewards {@code yhat} and learning rate {@code gamma}, written
     * into {@code p}.
     *
     * @return {@code p}
     */
    public static double[] squareCb(double[] yhat, double gamma, double[] p) {
        check(gamma);
        int k = yhat.length;
        int b = Arrays2.argmax(yhat);
        double rest = 0;
        for (int a = 0; a < k; a++) {
            if (a != b) {
                p[a] = 1.0 / (k + gamma * (yhat[b] - yhat[a]));
                rest += p[a];
            }
        }
        p[b] = 1.0 - rest;
        return p;
    }

    /**
     * FastCB's distribution for predicted losses {@code lhat} in [0, 1] and learning rate {@code gamma},
     * written into {@code p}.
     *
     * @return {@code p}
     */
    public static double[] fastCb(double[] lhat, double gamma, double[] p) {
        check(gamma);
        int k = lhat.length;
        int b = Arrays2.argmin(lhat);
        double best = lhat[b];
        double rest = 0;
        for (int a = 0; a < k; a++) {
            if (a != b) {
                double gap = lhat[a] - best;
                if (best > 0) {
                    p[a] = best / (k * best + gamma * gap);
                } else {
                    p[a] = gap == 0 ? 1.0 / k : 0.0;
                }
                rest += p[a];
            }
        }
        p[b] = 1.0 - rest;
        return p;
    }

    private static void check(double gamma) {
        if (!(gamma >= 0) || !Double.isFinite(gamma)) {
            throw new IllegalArgumentException("gamma must be finite and at least 0, got " + gamma);
        }
    }
}
