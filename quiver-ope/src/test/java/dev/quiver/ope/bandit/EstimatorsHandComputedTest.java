package dev.quiver.ope.bandit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.estimate.Estimate;
import dev.quiver.ope.bandit.data.LoggedBanditData;
import dev.quiver.ope.bandit.policy.ActionDistribution;
import org.junit.jupiter.api.Test;

/** Every estimator on a four-row example computed by hand. */
class EstimatorsHandComputedTest {
    // rows (action, reward, propensity); w = pi_e(a|x) / p = 1, 3.2, 1.25, 0.8
    static final LoggedBanditData DATA = LoggedBanditData.builder(2).actions(new int[] {0, 1, 0, 1})
            .rewards(new double[] {1, 0, 0, 1}).propensities(new double[] {0.5, 0.25, 0.8, 0.5}).build();
    static final ActionDistribution PI = ActionDistribution.of(new double[][] {{0.5, 0.5}, {0.2, 0.8}, {1, 0},
        {0.6, 0.4}});
    static final double[][] Q = {{0.6, 0.2}, {0.4, 0.1}, {0.3, 0.5}, {0.5, 0.5}};
    static final double[] W = {1, 3.2, 1.25, 0.8};
    static final double[] R = {1, 0, 0, 1};
    /** {@code r - q_hat(x, a)} at the logged actions. */
    static final double[] RESIDUAL = {0.4, -0.1, -0.3, 0.5};
    /** {@code sum_i q_hat(x_i, pi_e) / n} = (0.4 + 0.16 + 0.3 + 0.5) / 4. */
    static final double DM = 1.36 / 4;

    static double value(String spec) {
        return Estimators.byName(spec).value(DATA, PI, Q);
    }

    @Test
    void directMethodAndImportanceWeighting() {
        assertEquals(DM, value("dm"), 1e-12);
        assertEquals((1 + 0.8) / 4, value("ipw"), 1e-12);
        assertEquals((0.9 + 0.8) / 4, value("ipw:0.9"), 1e-12);
        assertEquals(1.8 / 6.25, value("snipw"), 1e-12);
        // sub-Gaussian weights w / (0.5 + 0.5 w): 1 and 0.8 / 0.9 on the rewarded rows
        assertEquals((1 + 0.8 / 0.9) / 4, value("sg-ipw:0.5"), 1e-12);
        assertEquals((1 + 0.8) / 4, value("sg-ipw:0"), 1e-12);
        assertEquals(0.5, value("sg-ipw:1"), 1e-12, "lambda = 1 makes every weight 1: the mean reward");
    }

    @Test
    void doublyRobustFamily() {
        double corr = 0.4 - 0.32 - 0.375 + 0.4; // w * residual summed
        assertEquals(DM + corr / 4, value("dr"), 1e-12);
        assertEquals(DM + corr / 6.25, value("sndr"), 1e-12);
        assertEquals(DM + (0.4 - 0.375 + 0.4) / 4, value("switch-dr:2"), 1e-12, "the row with w = 3.2 > 2 drops out");
        assertEquals(value("dr"), value("switch-dr:inf"), 1e-12);
        assertEquals(DM, value("switch-dr:0"), 1e-12);
        double os = 0;
        for (int i = 0; i < 4; i++) {
            os += W[i] / (W[i] * W[i] + 1) * RESIDUAL[i];
        }
        assertEquals(DM + os / 4, value("dr-os:1"), 1e-12);
        assertEquals(DM, value("dr-os:0"), 1e-12);
        assertEquals(value("dr"), value("dr-os:inf"), 1e-12);
        double sg = 0;
        for (int i = 0; i < 4; i++) {
            sg += W[i] / (0.5 + 0.5 * W[i]) * RESIDUAL[i];
        }
        assertEquals(DM + sg / 4, value("sg-dr:0.5"), 1e-12);
        assertEquals(DM + (0.4 - 0.1 - 0.3 + 0.4) / 4, value("dr:1"), 1e-12, "clipped at 1");
    }

    @Test
    void tunedEstimatorsPickAGridValueAndSayWhich() {
        RowTerms t = Estimators.byName("switch-dr").terms(DATA, PI, Q);
        assertTrue(t.note().startsWith("tau=") && t.note().contains("estimated MSE"), t.note());
        // all weights are below the smallest grid value 10, so every tau gives plain DR
        assertEquals(value("dr"), t.value(), 1e-12);
    }

    @Test
    void bootstrapRecomputesTheSelfNormalisedRatio() {
        // a constant reward makes SNIPW equal to it on every resample, whatever the weights
        LoggedBanditData ones = LoggedBanditData.builder(2).actions(new int[] {0, 1, 0, 1})
                .rewards(new double[] {0.7, 0.7, 0.7, 0.7}).propensities(new double[] {0.5, 0.25, 0.8, 0.5}).build();
        Estimate e = new SelfNormalizedIpw().estimate(ones, PI, null, BootstrapSettings.defaults().withReps(500));
        assertEquals(0.7, e.point(), 1e-12);
        assertEquals(0.7, e.low(), 1e-12);
        assertEquals(0.7, e.high(), 1e-12);
        // IPW's interval is not degenerate on the same data
        Estimate ipw = new InverseProbabilityWeighting().estimate(ones, PI, null, BootstrapSettings.defaults()
                .withReps(500));
        assertTrue(ipw.width() > 0.1, ipw.toString());
    }

    @Test
    void bootstrapIsDeterministicAndSharedAcrossEstimators() {
        BootstrapSettings b = BootstrapSettings.defaults().withReps(300).withSeed(3);
        Estimate one = new DoublyRobust().estimate(DATA, PI, Q, b);
        Estimate two = new DoublyRobust().estimate(DATA, PI, Q, b);
        assertEquals(one, two);
        assertTrue(one.low() <= one.point() && one.point() <= one.high(), one.toString());
        assertEquals(0.95, one.confidence());
        assertTrue(one.method().contains("300 reps"), one.method());
    }

    @Test
    void namesAndErrors() {
        for (String n : Estimators.NAMES) {
            assertEquals(n, Estimators.byName(n).name());
        }
        assertEquals(Estimators.NAMES.size(), Estimators.parseList(java.util.List.of("all")).size());
        QuiverUserException unknown = assertThrows(QuiverUserException.class, () -> Estimators.byName("ips2"));
        assertTrue(unknown.getMessage().contains("ips2") && unknown.getMessage().contains("switch-dr"));
        assertThrows(QuiverUserException.class, () -> Estimators.byName("sg-ipw:2"));
        assertThrows(QuiverUserException.class, () -> Estimators.byName("dm:3"));
        assertThrows(QuiverUserException.class, () -> Estimators.byName("dr-os:abc"));
        assertThrows(IllegalArgumentException.class, () -> new DoublyRobust().value(DATA, PI, null));
        assertThrows(IllegalArgumentException.class, () -> new DirectMethod().value(DATA,
                ActionDistribution.uniform(3, 2), Q));
    }
}
