package dev.quiver.uq.conformal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.seed.Seeds;
import dev.quiver.uq.conformal.risk.ConformalRiskControl;
import dev.quiver.uq.conformal.risk.FalseNegativeRateLoss;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/**
 * Conformal risk control of the false-negative rate of multi-label sets. Guarantee (Angelopoulos et al.
 * 2022, Theorems 1 and 2): α − 2B/(n + 1) ≤ E[FNR of a new example] ≤ α for B = 1 when the losses have no
 * jumps at the chosen λ (continuous probabilities). Checked over R = 300 repetitions with m = 50 test
 * examples each, the average accepted within the bounds widened by 4 empirical standard errors.
 */
class RiskControlTest {
    @Test
    void handExampleChoosesTheSmallestAdmissibleLambda() {
        // two examples, one label each, probabilities 0.9 and 0.4 of the true label: loss_i(l) = 1{p_i < 1 - l}
        double[][] p = {{0.9, 0.1}, {0.6, 0.4}};
        boolean[][] t = {{true, false}, {false, true}};
        FalseNegativeRateLoss loss = new FalseNegativeRateLoss(p, t);
        // admissible: (2/3) R(l) + 1/3 <= alpha. alpha = 0.5 -> R(l) <= 1/4 -> both found -> l >= 0.6
        assertEquals(0.6, ConformalRiskControl.calibrate(loss, 0.5, loss.candidates()), 1e-12);
        // alpha = 0.7 -> R <= 0.55 -> one miss allowed: l >= 0.1 (first example found)
        assertEquals(0.1, ConformalRiskControl.calibrate(loss, 0.7, loss.candidates()), 1e-12);
    }

    @Test
    void expectedFalseNegativeRateIsControlled() {
        int reps = 300;
        int n = 100;
        int m = 50;
        int k = 5;
        double alpha = 0.2;
        double[] fnr = new double[reps];
        double sum = 0;
        for (int r = 0; r < reps; r++) {
            UniformRandomProvider rng = Seeds.of(31).child("rep", r).rng();
            double[][] pc = new double[n][k];
            boolean[][] tc = new boolean[n][k];
            draw(pc, tc, rng);
            FalseNegativeRateLoss cal = new FalseNegativeRateLoss(pc, tc);
            double lambda = ConformalRiskControl.calibrate(cal, alpha, cal.candidates());
            double[][] pt = new double[m][k];
            boolean[][] tt = new boolean[m][k];
            draw(pt, tt, rng);
            fnr[r] = new FalseNegativeRateLoss(pt, tt).risk(lambda);
            sum += fnr[r];
        }
        double avg = sum / reps;
        double ss = 0;
        for (double f : fnr) {
            ss += (f - avg) * (f - avg);
        }
        double se = Math.sqrt(ss / (reps - 1) / reps);
        assertTrue(avg <= alpha + 4 * se, "mean FNR " + avg + " above alpha + 4 se");
        assertTrue(avg >= alpha - 2.0 / (n + 1) - 4 * se, "mean FNR " + avg + " below alpha - 2/(n+1) - 4 se");
    }

    /** Labels present independently with probability q_k = sigmoid(score); the model sees a noisy score. */
    private static void draw(double[][] p, boolean[][] t, UniformRandomProvider rng) {
        for (int i = 0; i < p.length; i++) {
            boolean any = false;
            while (!any) {
                for (int j = 0; j < p[i].length; j++) {
                    double s = 4 * (rng.nextDouble() - 0.5);
                    double q = 1 / (1 + Math.exp(-s));
                    t[i][j] = rng.nextDouble() < q;
                    p[i][j] = 1 / (1 + Math.exp(-(s + 0.5 * (rng.nextDouble() - 0.5))));
                    any |= t[i][j];
                }
            }
        }
    }
}
