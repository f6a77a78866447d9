package dev.quiver.rl.ppo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GaeTest {
    private static final double TOL = 1e-6;
    private static final int N = 2;
    private static final int T = 6;

    /**
     * A next-step-autoreset rollout of 6 steps × 2 copies (interleaved), γ = 0.9, λ = 0.5.
     *
     * <p>Copy 0: rewards 1; a termination at t = 1, its autoreset step at t = 2, a truncation at t = 4 and its
     * autoreset step at t = 5. Values V(s_t) = 0.5, 0.4, [7], 0.3, 0.2, [2], where the bracketed ones are the
     * values of the final observations the autoreset steps start from. lastValues = 99 must be ignored (the
     * last entry is an autoreset step). By hand, backwards:
     * A5 = 0 (autoreset step); A4 = 1 + 0.9·2 − 0.2 = 2.6 (truncated: bootstrap from V(final obs) = 2, cut);
     * A3 = (1 + 0.9·0.2 − 0.3) + 0.45·2.6 = 2.05; A2 = 0 (autoreset step); A1 = 1 − 0.4 = 0.6 (terminated:
     * no bootstrap, so V(final obs) = 7 is not used); A0 = (1 + 0.9·0.4 − 0.5) + 0.45·0.6 = 1.13.
     *
     * <p>Copy 1: starts with an autoreset step (its episode ended at the previous rollout's last step), then
     * zero rewards and values and a truncation at the last step, which bootstraps from lastValues = 1 (the
     * copy still shows the final observation): A5 = 0.9, A_t = 0.9 · 0.45^(5 − t) for t ≥ 1, A0 = 0.
     */
    private static Rollout handComputed() {
        Rollout r = new Rollout();
        float[] v0 = {0.5f, 0.4f, 7f, 0.3f, 0.2f, 2f};
        for (int t = 0; t < T; t++) {
            r.rewards[t * N] = t == 2 || t == 5 ? 0 : 1;
            r.values[t * N] = v0[t];
        }
        r.terminated[N] = true;
        r.autoreset[2 * N] = true;
        r.truncated[4 * N] = true;
        r.autoreset[5 * N] = true;
        r.autoreset[1] = true;
        r.truncated[5 * N + 1] = true;
        r.lastValues = new float[] {99, 1};
        return r;
    }

    @Test
    void handComputedRolloutWithTerminationTruncationAndAutoresetSteps() {
        Rollout r = handComputed();
        r.compute();
        double[] expected = {1.13, 0.6, 0, 2.05, 2.6, 0};
        for (int t = 0; t < T; t++) {
            assertEquals(expected[t], r.adv[t * N], TOL, "copy 0, t = " + t);
            assertEquals(expected[t] + r.values[t * N], r.ret[t * N], TOL, "return copy 0, t = " + t);
            double e1 = t == 0 ? 0 : 0.9 * Math.pow(0.45, 5 - t);
            assertEquals(e1, r.adv[t * N + 1], TOL, "copy 1, t = " + t);
            assertEquals(e1, r.ret[t * N + 1], TOL, "return copy 1, t = " + t);
        }
    }

    /**
     * An autoreset step is not a transition: nothing it holds but its value (V of the final observation,
     * used only when the step before it was a truncation) may change any advantage, and it never gets one.
     */
    @Test
    void autoresetStepsAreMaskedOut() {
        Rollout base = handComputed();
        base.compute();
        Rollout poked = handComputed();
        // the autoreset step after the termination: reward and value must both be ignored
        poked.rewards[2 * N] = 1000;
        poked.values[2 * N] = -1000;
        // the autoreset step after the truncation: its reward must be ignored (its value is the bootstrap)
        poked.rewards[5 * N] = 1000;
        // copy 1's leading autoreset step
        poked.rewards[1] = 1000;
        poked.values[1] = 1000;
        poked.compute();
        for (int k = 0; k < N * T; k++) {
            if (!poked.autoreset[k]) {
                assertEquals(base.adv[k], poked.adv[k], 0.0, "entry " + k);
                assertEquals(base.ret[k], poked.ret[k], 0.0, "entry " + k);
            } else {
                assertEquals(0.0, poked.adv[k], 0.0, "autoreset entry " + k + " gets no advantage");
            }
        }
        // and the truncation does bootstrap from the autoreset step's value
        Rollout bootstrap = handComputed();
        bootstrap.values[5 * N] = 3;
        bootstrap.compute();
        assertEquals(1 + 0.9 * 3 - 0.2, bootstrap.adv[4 * N], TOL);
    }

    @Test
    void lambdaOneWithoutEndsIsTheDiscountedReturnMinusTheValue() {
        float[] r = {1, 2, 3};
        float[] v = {0.5f, -1f, 2f};
        float[] adv = new float[3];
        float[] ret = new float[3];
        Gae.compute(r, v, new boolean[3], new boolean[3], new boolean[3], new float[] {4}, 1, 0.5, 1.0, adv, ret);
        assertEquals(1 + 0.5 * 2 + 0.25 * 3 + 0.125 * 4, ret[0], TOL);
        assertEquals(2 + 0.5 * 3 + 0.25 * 4, ret[1], TOL);
        assertEquals(3 + 0.5 * 4, ret[2], TOL);
        assertEquals(ret[0] - 0.5, adv[0], TOL);
    }

    /** Autoreset entries must sit exactly after episode ends, as next-step autoreset puts them. */
    @Test
    void autoresetEntriesOutOfPlaceAreRejected() {
        Rollout endWithoutReset = handComputed();
        endWithoutReset.autoreset[2 * N] = false;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, endWithoutReset::compute);
        assertTrue(e.getMessage().contains("copy 0 at step 1"), e.getMessage());
        Rollout resetWithoutEnd = handComputed();
        resetWithoutEnd.autoreset[3 * N + 1] = true;
        e = assertThrows(IllegalArgumentException.class, resetWithoutEnd::compute);
        assertTrue(e.getMessage().contains("copy 1 at step 2"), e.getMessage());
        Rollout resetThatEnds = handComputed();
        resetThatEnds.terminated[1] = true;
        resetThatEnds.autoreset[N + 1] = true;
        assertThrows(IllegalArgumentException.class, resetThatEnds::compute);
    }

    @Test
    void mismatchedLengthsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Gae.compute(new float[4], new float[4], new boolean[4],
                new boolean[4], new boolean[3], new float[2], 2, 0.9, 0.9, new float[4], new float[4]));
        assertThrows(IllegalArgumentException.class, () -> Gae.compute(new float[4], new float[4], new boolean[4],
                new boolean[4], new boolean[4], new float[1], 2, 0.9, 0.9, new float[4], new float[4]));
    }

    @Test
    void sameInputsSameOutputs() {
        Rollout a = handComputed();
        Rollout b = handComputed();
        a.compute();
        b.compute();
        assertArrayEquals(a.adv, b.adv);
        assertArrayEquals(a.ret, b.ret);
    }

    /** The arrays of a 6 × 2 rollout. */
    private static final class Rollout {
        final float[] rewards = new float[N * T];
        final float[] values = new float[N * T];
        final boolean[] terminated = new boolean[N * T];
        final boolean[] truncated = new boolean[N * T];
        final boolean[] autoreset = new boolean[N * T];
        float[] lastValues = new float[N];
        final float[] adv = new float[N * T];
        final float[] ret = new float[N * T];

        void compute() {
            Gae.compute(rewards, values, terminated, truncated, autoreset, lastValues, N, 0.9, 0.5, adv, ret);
        }
    }
}
