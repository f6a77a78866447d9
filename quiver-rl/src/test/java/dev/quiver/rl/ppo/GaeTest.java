package dev.quiver.rl.ppo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GaeTest {
    private static final double TOL = 1e-6;

    /**
     * γ = 0.9, λ = 0.5, rewards 1, values 0.5, 0.4, 0.3, 0.2, 0.1; a termination at t = 1 (also flagged
     * truncated, with a truncation value that must be ignored), a truncation at t = 3 with V(final) = 2,
     * and V = 3 after the rollout. By hand, backwards:
     * A4 = 1 + 0.9·3 − 0.1 = 3.6; A3 = 1 + 0.9·2 − 0.2 = 2.6 (cut, bootstrap from the final obs);
     * A2 = (1 + 0.9·0.2 − 0.3) + 0.45·2.6 = 2.05; A1 = 1 − 0.4 = 0.6 (terminated: no bootstrap);
     * A0 = (1 + 0.9·0.4 − 0.5) + 0.45·0.6 = 1.13.
     * A second env copy (interleaved) has zero rewards and values, no ends and V = 1 after the rollout, so
     * A_t = 0.9 · 0.45^(4 − t).
     */
    @Test
    void handComputedSequenceWithTerminationAndTruncation() {
        int n = 2;
        float[] rewards = new float[10];
        float[] values = new float[10];
        boolean[] terminated = new boolean[10];
        boolean[] truncated = new boolean[10];
        float[] truncationValues = new float[10];
        float[] v0 = {0.5f, 0.4f, 0.3f, 0.2f, 0.1f};
        for (int t = 0; t < 5; t++) {
            rewards[t * n] = 1;
            values[t * n] = v0[t];
        }
        terminated[n] = true;
        truncated[n] = true;
        truncationValues[n] = 100;
        truncated[3 * n] = true;
        truncationValues[3 * n] = 2;
        float[] adv = new float[10];
        float[] ret = new float[10];
        Gae.compute(rewards, values, terminated, truncated, truncationValues, new float[] {3, 1}, n, 0.9, 0.5, adv,
                ret);
        double[] expected = {1.13, 0.6, 2.05, 2.6, 3.6};
        for (int t = 0; t < 5; t++) {
            assertEquals(expected[t], adv[t * n], TOL, "env 0, t = " + t);
            assertEquals(expected[t] + v0[t], ret[t * n], TOL, "return env 0, t = " + t);
            assertEquals(0.9 * Math.pow(0.45, 4 - t), adv[t * n + 1], TOL, "env 1, t = " + t);
            assertEquals(adv[t * n + 1], ret[t * n + 1], TOL);
        }
    }

    @Test
    void lambdaOneWithoutEndsIsTheDiscountedReturnMinusTheValue() {
        float[] r = {1, 2, 3};
        float[] v = {0.5f, -1f, 2f};
        float[] adv = new float[3];
        float[] ret = new float[3];
        Gae.compute(r, v, new boolean[3], new boolean[3], new float[3], new float[] {4}, 1, 0.5, 1.0, adv, ret);
        assertEquals(1 + 0.5 * 2 + 0.25 * 3 + 0.125 * 4, ret[0], TOL);
        assertEquals(2 + 0.5 * 3 + 0.25 * 4, ret[1], TOL);
        assertEquals(3 + 0.5 * 4, ret[2], TOL);
        assertEquals(ret[0] - 0.5, adv[0], TOL);
    }

    @Test
    void mismatchedLengthsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Gae.compute(new float[4], new float[4], new boolean[4],
                new boolean[4], new float[4], new float[1], 2, 0.9, 0.9, new float[4], new float[4]));
    }
}
