package dev.quiver.uq.selection;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Conformal p-values for selection with random tie-breaking:
 * {@code p_j = (#{i : V_i < V̂_j} + U_j·(1 + #{i : V_i = V̂_j})) / (n + 1)}, {@code U_j ~ U(0, 1)} independent.
 * With exchangeable data and a monotone score, {@code P(p_j ≤ t, Y_j ≤ c) ≤ t}; when every unit is null and the
 * score is {@link ClippedScore} the p-value is exactly uniform, ties included (which tree models produce).
 *
 * @see <a href="https://arxiv.org/abs/2210.01408">Jin and Candès (2023), Selection by Prediction with Conformal
 *     p-values, JMLR 24, arXiv:2210.01408 (eq. (3))</a>
 */
public final class ConformalPValues {
    private ConformalPValues() {
    }

    /**
     * One p-value per test score; the {@code U_j} are drawn from {@code rng} in index order, one per test unit.
     *
     * @param calibrationScores {@code V_i} (may hold +∞, not NaN)
     * @param testScores {@code V̂_j} (finite or infinite, not NaN)
     */
    public static double[] randomized(double[] calibrationScores, double[] testScores, UniformRandomProvider rng) {
        double[] sorted = sortedScores(calibrationScores);
        double[] p = new double[testScores.length];
        for (int j = 0; j < p.length; j++) {
            p[j] = randomized(sorted, checked(testScores[j], j), rng.nextDouble());
        }
        return p;
    }

    /** The randomised p-value of {@code testScore} against ascending calibration scores, with tie-breaker u. */
    static double randomized(double[] sortedCalibration, double testScore, double u) {
        int below = countBelow(sortedCalibration, testScore);
        int ties = countAtMost(sortedCalibration, testScore) - below;
        return (below + u * (1 + ties)) / (sortedCalibration.length + 1.0);
    }

    /** The calibration scores sorted ascending (a copy; NaN rejected). */
    static double[] sortedScores(double[] scores) {
        double[] s = scores.clone();
        for (int i = 0; i < s.length; i++) {
            if (Double.isNaN(s[i])) {
                throw new IllegalArgumentException("calibration score " + i + " is NaN");
            }
        }
        Arrays.sort(s);
        return s;
    }

    /** {@code #{i : sorted[i] < v}}. */
    static int countBelow(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** {@code #{i : sorted[i] ≤ v}}. */
    static int countAtMost(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static double checked(double v, int j) {
        if (Double.isNaN(v)) {
            throw new IllegalArgumentException("test score " + j + " is NaN");
        }
        return v;
    }
}
