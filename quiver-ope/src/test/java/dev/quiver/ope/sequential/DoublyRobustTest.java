package dev.quiver.ope.sequential;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.data.dataset.EpisodeDataset;
import org.junit.jupiter.api.Test;

class DoublyRobustTest {

    /** A constant action-value model {@code Q(s, a) = c}. */
    static ActionValueFunction constant(int numActions, double c) {
        return new ActionValueFunction() {
            @Override
            public int numActions() {
                return numActions;
            }

            @Override
            public void values(float[] observation, int step, double[] out) {
                java.util.Arrays.fill(out, 0, numActions, c);
            }
        };
    }

    @Test
    void matchesTheHandComputedExample() {
        OffPolicyData d = OpeFixtures.hand();
        SequentialOpeConfig cfg = SequentialOpeConfig.defaults().withGamma(0.5).withBootstrapReps(50);
        // Q = 1: A: [1 + 1.6 (1 - 1)] + 0.5 [1.6 * 1 + 3.2 (2 - 1)] = 3.4; B: 1 + 1 * (3 - 1) = 3
        DoublyRobust dr = DoublyRobust.of(constant(2, 1));
        assertArrayEquals(new double[] {3.4, 3.0}, dr.episodeValues(d, 0.5), 1e-12);
        assertEquals(3.2, dr.estimate(d, cfg).point(), 1e-12);
        // weighted: t = 0: (1.6 * 0 + 1 * 2) / 2.6 + (1 + 1) / 2; t = 1 (B ended with weight 1):
        // 0.5 (3.2 * 1) / 4.2 + 0.5 (1.6 * 1) / 2.6
        double wdr = 2 / 2.6 + 1 + 0.5 * 3.2 / 4.2 + 0.5 * 1.6 / 2.6;
        assertEquals(wdr, DoublyRobust.weighted(constant(2, 1)).estimate(d, cfg).point(), 1e-12);
    }

    @Test
    void withoutAModelIsImportanceSampling() {
        OffPolicyData d = OpeFixtures.Taxi95.get().data(5, 30);
        SequentialOpeConfig cfg = SequentialOpeConfig.defaults().withGamma(0.95).withBootstrapReps(200);
        ActionValueFunction zero = constant(6, 0);
        assertArrayEquals(PerDecisionImportanceSampling.episodeValues(d, 0.95),
                DoublyRobust.of(zero).episodeValues(d, 0.95), 1e-12);
        assertEquals(new WeightedPerDecisionImportanceSampling().estimate(d, cfg).point(),
                DoublyRobust.weighted(zero).estimate(d, cfg).point(), 1e-12);
    }

    /**
     * With the exact (time-dependent) Q of the evaluation policy and Taxi's deterministic moves every residual
     * {@code r_t + gamma V(s_{t+1}) - Q(s_t, a_t)} is 0, so each episode's DR term is exactly V(s_0): only the
     * spread of the random start states is left, far below PDIS's (measured sd ratio 0.17; asserted below 0.3).
     */
    @Test
    void withTheExactQIsExactUpToTheStartStates() {
        OpeFixtures.Taxi95 taxi = OpeFixtures.Taxi95.get();
        double gamma = OpeFixtures.Taxi95.GAMMA;
        int horizon = OpeFixtures.Taxi95.HORIZON;
        ActionValueFunction q = TabularOpe.exactQ(taxi.model, taxi.evaluation, gamma, horizon);
        double[] v0 = TabularOpe.values(taxi.model, taxi.evaluation, gamma, horizon)[0];
        OffPolicyData one = taxi.data(0, 20);
        double[] terms = DoublyRobust.of(q).episodeValues(one, gamma);
        float[] obs = new float[one.dataset().obsDim()];
        for (int i = 0; i < terms.length; i++) {
            one.dataset().observation(i, 0, obs);
            assertEquals(v0[TabularOpe.state(obs)], terms[i], 1e-9, "episode " + i);
        }
        SequentialOpeConfig cfg = SequentialOpeConfig.defaults().withGamma(gamma).withBootstrapReps(1);
        int reps = 100;
        double[] dr = new double[reps];
        double[] pdis = new double[reps];
        for (int r = 0; r < reps; r++) {
            OffPolicyData d = taxi.data(r, 50);
            dr[r] = DoublyRobust.of(q).estimate(d, cfg).point();
            pdis[r] = new PerDecisionImportanceSampling().estimate(d, cfg).point();
        }
        assertTrue(OpeFixtures.sd(dr) < 0.3 * OpeFixtures.sd(pdis), "sd DR " + OpeFixtures.sd(dr) + ", PDIS "
                + OpeFixtures.sd(pdis));
        assertEquals(taxi.truth, OpeFixtures.mean(dr), 4 * OpeFixtures.sd(dr) / Math.sqrt(reps));
    }

    /**
     * DR is unbiased whatever its model: with the exact Q of the behaviour policy (the wrong policy) the mean over
     * 100 datasets still lies within 4 sd / sqrt(R) of the evaluation policy's value.
     */
    @Test
    void isUnbiasedWithAWrongModel() {
        OpeFixtures.Taxi95 taxi = OpeFixtures.Taxi95.get();
        double gamma = OpeFixtures.Taxi95.GAMMA;
        ActionValueFunction wrong = TabularOpe.exactQ(taxi.model, taxi.behaviour, gamma, OpeFixtures.Taxi95.HORIZON);
        SequentialOpeConfig cfg = SequentialOpeConfig.defaults().withGamma(gamma).withBootstrapReps(1);
        int reps = 100;
        double[] est = taxi.replicate(reps, 50, d -> DoublyRobust.of(wrong).estimate(d, cfg).point());
        assertEquals(taxi.truth, OpeFixtures.mean(est), 4 * OpeFixtures.sd(est) / Math.sqrt(reps));
    }

    @Test
    void refusesAModelWithOtherActions() {
        OffPolicyData d = OpeFixtures.hand();
        EpisodeDataset ds = d.dataset();
        assertEquals(2, d.numActions());
        try {
            DoublyRobust.of(constant(3, 0)).estimate(d, SequentialOpeConfig.defaults());
            throw new AssertionError("expected a refusal for " + ds);
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage().contains("3 actions"), expected.getMessage());
        }
    }
}
