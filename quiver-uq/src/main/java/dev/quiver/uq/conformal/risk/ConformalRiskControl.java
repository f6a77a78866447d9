package dev.quiver.uq.conformal.risk;

import dev.quiver.uq.conformal.ConformalQuantile;

/**
 * Conformal risk control: the smallest λ (from candidates, ascending) with
 * {@code (n/(n + 1))·R̂_n(λ) + B/(n + 1) ≤ α}, where {@code R̂_n} is the mean calibration loss. For
 * exchangeable data and losses non-increasing in λ and bounded by B, the expected loss of a new example at
 * that λ is at most α (Theorem 1), and at least {@code α − 2B/(n + 1)} when the losses are continuous in λ
 * with no jumps at the chosen point (Theorem 2). With split conformal's 0/1 miscoverage loss it reduces to
 * split conformal prediction.
 *
 * <p>The candidates should end with a λ at which every loss is 0; if even the largest candidate fails the
 * inequality (α below {@code B/(n + 1)}) it is returned anyway and the guarantee does not hold.
 *
 * @see <a href="https://arxiv.org/abs/2208.02814">Angelopoulos, Bates, Fisch, Lei and Schuster (2022),
 *     Conformal Risk Control, arXiv:2208.02814</a>
 */
public final class ConformalRiskControl {
    private ConformalRiskControl() {
    }

    /**
     * The chosen λ: bisection over the ascending {@code candidates} (the adjusted risk is non-increasing
     * in λ), so O(n log |candidates|) loss evaluations.
     */
    public static double calibrate(MonotoneLoss loss, double alpha, double[] candidates) {
        ConformalQuantile.checkAlpha(alpha);
        if (candidates.length == 0) {
            throw new IllegalArgumentException("need at least one candidate lambda");
        }
        for (int i = 1; i < candidates.length; i++) {
            if (!(candidates[i] > candidates[i - 1])) {
                throw new IllegalArgumentException("candidate lambdas must be strictly ascending (index " + i + ")");
            }
        }
        int n = loss.size();
        if (n < 1) {
            throw new IllegalArgumentException("need at least one calibration example");
        }
        int lo = 0;
        int hi = candidates.length - 1;
        if (!admissible(loss, alpha, candidates[hi], n)) {
            return candidates[hi];
        }
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (admissible(loss, alpha, candidates[mid], n)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return candidates[lo];
    }

    private static boolean admissible(MonotoneLoss loss, double alpha, double lambda, int n) {
        return n / (n + 1.0) * loss.risk(lambda) + loss.bound() / (n + 1.0) <= alpha;
    }
}
