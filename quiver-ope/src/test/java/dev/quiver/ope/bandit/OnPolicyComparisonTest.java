package dev.quiver.ope.bandit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.estimate.Estimate;
import dev.quiver.ope.bandit.data.LoggedBanditData;
import dev.quiver.ope.bandit.policy.ActionDistribution;
import org.junit.jupiter.api.Test;

/** The on-policy value and the relative error of an estimate against it. */
class OnPolicyComparisonTest {
    static LoggedBanditData clicks(int n, int clicks) {
        double[] r = new double[n];
        for (int i = 0; i < clicks; i++) {
            r[i * (n / clicks)] = 1;
        }
        double[] p = new double[n];
        java.util.Arrays.fill(p, 0.5);
        return LoggedBanditData.builder(2).actions(new int[n]).rewards(r).propensities(p).build();
    }

    @Test
    void onPolicyValueIsTheMeanRewardWithABinomialSizedInterval() {
        LoggedBanditData on = clicks(2000, 100);
        Estimate e = OnPolicyComparison.onPolicyValue(on, BootstrapSettings.defaults().withReps(4000));
        assertEquals(0.05, e.point(), 1e-15);
        // the normal interval is 0.05 +- 1.96 sqrt(0.05 * 0.95 / 2000) = +- 0.00955; the bootstrap's agrees to
        // within its Monte Carlo error (a few percent of the width)
        assertEquals(0.05 - 0.00955, e.low(), 0.0015);
        assertEquals(0.05 + 0.00955, e.high(), 0.0015);
    }

    @Test
    void relativeErrorOfAnExactEstimateIsCentredOnZero() {
        LoggedBanditData on = clicks(1000, 100);
        LoggedBanditData off = clicks(1000, 100);
        // uniform evaluation policy over 2 actions with propensity 0.5: weight 1, IPW = the mean reward
        RowTerms ipw = new InverseProbabilityWeighting().terms(off, ActionDistribution.uniform(1000, 2), null);
        Estimate rel = OnPolicyComparison.relativeError(ipw, on, BootstrapSettings.defaults().withReps(2000));
        assertEquals(0, rel.point(), 1e-12);
        assertTrue(rel.low() < -0.2 && rel.high() > 0.2 && rel.low() > -0.6 && rel.high() < 0.6, rel.toString());
        assertThrows(IllegalArgumentException.class, () -> OnPolicyComparison.relativeError(ipw, clicks(10, 0),
                BootstrapSettings.defaults()));
    }

    @Test
    void quantilesKeepInfiniteReplicates() {
        double inf = Double.POSITIVE_INFINITY;
        double[] sorted = {-1, 0, 1, inf, inf};
        assertEquals(-1, OnPolicyComparison.quantile(sorted, 0));
        assertEquals(0.5, OnPolicyComparison.quantile(sorted, 0.375), 1e-12);
        assertEquals(inf, OnPolicyComparison.quantile(sorted, 0.6));
        assertEquals(inf, OnPolicyComparison.quantile(sorted, 1));
    }
}
