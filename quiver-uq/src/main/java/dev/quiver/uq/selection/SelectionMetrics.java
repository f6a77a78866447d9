package dev.quiver.uq.selection;

/**
 * The quality of a selection on labelled test units: the false discovery proportion
 * {@code FDP = #{j ∈ S : Y_j ≤ c} / max(|S|, 1)} (its expectation is the FDR) and the power
 * {@code #{j ∈ S : Y_j > c} / #{j : Y_j > c}} (0 when no unit exceeds c), as Jin and Candès report them.
 *
 * @see <a href="https://arxiv.org/abs/2210.01408">Jin and Candès (2023), Selection by Prediction with Conformal
 *     p-values, JMLR 24, arXiv:2210.01408</a>
 */
public final class SelectionMetrics {
    private SelectionMetrics() {
    }

    /** The share of selected units whose outcome is at most c (0 for an empty selection). */
    public static double falseDiscoveryProportion(int[] selected, double[] outcomes, double threshold) {
        if (selected.length == 0) {
            return 0;
        }
        int false_ = 0;
        for (int j : selected) {
            if (!(outcomes[j] > threshold)) {
                false_++;
            }
        }
        return (double) false_ / selected.length;
    }

    /** The share of units with outcome above c that were selected (0 when there are none). */
    public static double power(int[] selected, double[] outcomes, double threshold) {
        int positives = 0;
        for (double y : outcomes) {
            if (y > threshold) {
                positives++;
            }
        }
        if (positives == 0) {
            return 0;
        }
        int found = 0;
        for (int j : selected) {
            if (outcomes[j] > threshold) {
                found++;
            }
        }
        return (double) found / positives;
    }
}
