package dev.quiver.ope.selection;

/**
 * The statistics of the top-k policy portfolio an estimator forms: the {@code k} candidates with the highest
 * estimates, taken in estimate order, described by their <em>true</em> values, with SharpeRatio@k.
 *
 * <p>Definitions follow SCOPE-RL's {@code OffPolicySelection} (the code behind Kiyohara et al. 2024):
 * {@code std} is the sample standard deviation ({@code ddof = 1}) of the k true values, so it is undefined
 * (NaN) at {@code k = 1}; SharpeRatio@k is {@code max(best@k - J(pi_b), 0) / std@k}, the excess return over the
 * behaviour policy clipped at 0 as SCOPE-RL clips it. Raw arithmetic applies otherwise: NaN at {@code k = 1},
 * {@code +inf} when k policies of equal true value beat the baseline, NaN when they do not ({@code 0 / 0}).
 * {@link #clippedSharpeRatio()} is SCOPE-RL's {@code clip_sharpe_ratio} option.
 *
 * @param k the number of policies deployed, at least 1
 * @param kth the true value of the k-th policy in estimate order
 * @param best best@k: the largest true value among the k
 * @param worst worst@k: the smallest true value among the k
 * @param mean mean@k: the mean true value of the k
 * @param std std@k: the sample standard deviation (ddof = 1) of the k true values; NaN for k = 1
 * @param behaviourValue {@code J(pi_b)}, the risk-free baseline
 * @see <a href="https://arxiv.org/abs/2311.18207">Kiyohara, H., Kishimoto, R., Kawakami, K., Kobayashi, K.,
 *     Nakata, K. and Saito, Y. (2024). Towards Assessing and Benchmarking Risk-Return Tradeoff of Off-Policy
 *     Evaluation. ICLR. arXiv:2311.18207</a>
 */
public record TopKPortfolio(int k, double kth, double best, double worst, double mean, double std,
        double behaviourValue) {
    /** The largest value {@link #clippedSharpeRatio()} returns, as SCOPE-RL's clip ({@code 1e2}). */
    public static final double CLIP = 100;

    /** The return over the baseline, {@code max(best@k - J(pi_b), 0)}: SharpeRatio@k's numerator. */
    public double excessReturn() {
        return Math.max(best - behaviourValue, 0);
    }

    /** SharpeRatio@k {@code = max(best@k - J(pi_b), 0) / std@k} (NaN at k = 1; see the class notes). */
    public double sharpeRatio() {
        return excessReturn() / std;
    }

    /**
     * SharpeRatio@k as SCOPE-RL reports it with {@code clip_sharpe_ratio=True}: for {@code k >= 2}, NaN becomes 0,
     * {@code +inf} becomes {@value #CLIP}, and the result is clipped to {@code [0, }{@value #CLIP}{@code ]}; at
     * {@code k = 1} it stays {@link #sharpeRatio()} (NaN).
     */
    public double clippedSharpeRatio() {
        double s = sharpeRatio();
        if (k == 1) {
            return s;
        }
        if (Double.isNaN(s)) {
            return 0;
        }
        return Math.min(Math.max(s, 0), CLIP);
    }
}
