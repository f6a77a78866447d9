package dev.quiver.uq.abstention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.seed.Seeds;
import dev.quiver.uq.conformal.CalibrationScores;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/** The threshold arms: conformal thresholds, sets nested in the threshold and always holding the argmax. */
class ThresholdArmsTest {
    @Test
    void thresholdsAreConformalQuantilesOfTheScores() {
        UniformRandomProvider rng = Seeds.of(4).rng();
        double[] s = new double[99];
        for (int i = 0; i < s.length; i++) {
            s[i] = rng.nextDouble();
        }
        double[] alphas = {0.05, 0.1, 0.5};
        ThresholdArms arms = ThresholdArms.fromScores(alphas, s);
        assertEquals(5, arms.count());
        for (int a = 0; a < alphas.length; a++) {
            assertEquals(CalibrationScores.of(s).quantile(alphas[a]), arms.threshold(a + 1), 0);
        }
        assertEquals(1 - 0.7, arms.threshold(arms.singleArm(), new double[] {0.2, 0.7, 0.1}), 1e-15);
        assertEquals("lac@0.1", arms.label(2));
        assertEquals("abstain", arms.label(4));
    }

    @Test
    void setsAreNestedAndHoldTheArgmax() {
        ThresholdArms arms = ThresholdArms.of(new double[] {0.2, 0.5, 0.75});
        UniformRandomProvider rng = Seeds.of(5).rng();
        for (int t = 0; t < 200; t++) {
            double[] p = new double[4];
            double sum = 0;
            for (int k = 0; k < 4; k++) {
                p[k] = rng.nextDouble();
                sum += p[k];
            }
            for (int k = 0; k < 4; k++) {
                p[k] /= sum;
            }
            int top = ThresholdArms.argmax(p);
            boolean[] prev = null;
            for (int a = 0; a <= 3; a++) {
                boolean[] set = arms.set(a, p);
                assertTrue(set[top]);
                if (prev != null) {
                    for (int k = 0; k < 4; k++) {
                        assertTrue(!prev[k] || set[k], "sets not nested");
                    }
                }
                prev = set;
            }
            assertEquals(1, count(arms.set(0, p))); // the single arm holds the argmax alone
        }
    }

    private static int count(boolean[] b) {
        int c = 0;
        for (boolean v : b) {
            if (v) {
                c++;
            }
        }
        return c;
    }
}
