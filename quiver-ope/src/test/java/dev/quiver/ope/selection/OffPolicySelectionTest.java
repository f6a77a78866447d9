package dev.quiver.ope.selection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.seed.Seeds;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OffPolicySelectionTest {
    private static final double[] TRUE = {10, 8, 6, 4, 2};
    private static final double[] EST = {7, 9, 5, 9.5, 1};

    @Test
    void matchesHandComputedMetrics() {
        OffPolicySelection s = OffPolicySelection.of(TRUE, EST, 5);
        assertArrayEquals(new int[] {3, 1, 0, 2, 4}, s.ranking());
        assertArrayEquals(new double[] {4, 8, 10, 6, 2}, s.trueValuesInEstimateOrder());
        // errors -3, 1, -1, 5.5, -1
        assertEquals(42.25 / 5, s.meanSquaredError(), 1e-12);
        assertEquals((0.3 + 0.125 + 1.0 / 6 + 1.375 + 0.5) / 5, s.relativeEstimationError(), 1e-12);
        // ranks of the true values 5 4 3 2 1, of the estimates 3 4 2 5 1: sum d^2 = 14, rho = 1 - 6 * 14 / 120
        assertEquals(0.3, s.rankCorrelation(), 1e-12);
        assertEquals(6, s.regretAtK(1), 1e-12);
        assertEquals(2, s.regretAtK(2), 1e-12);
        assertEquals(0, s.regretAtK(3), 1e-12);
        assertEquals(6, s.sumRegretAtK(1), 1e-12);
        assertEquals(18 - 12, s.sumRegretAtK(2), 1e-12);
        assertEquals(24 - 22, s.sumRegretAtK(3), 1e-12);
    }

    @Test
    void topKPortfoliosAndSharpeRatios() {
        List<TopKPortfolio> p = OffPolicySelection.of(TRUE, EST, 5).topKs();
        assertEquals(5, p.size());
        TopKPortfolio one = p.get(0);
        assertEquals(4, one.best());
        assertEquals(4, one.kth());
        assertTrue(Double.isNaN(one.std()) && Double.isNaN(one.sharpeRatio()));
        assertTrue(Double.isNaN(one.clippedSharpeRatio()), "SCOPE-RL leaves k = 1 unclipped");
        // k = 2: {4, 8}: sample sd sqrt(8), SR (8 - 5) / sqrt(8)
        check(p.get(1), 8, 8, 4, 6, Math.sqrt(8), 3 / Math.sqrt(8));
        // k = 3: {4, 8, 10}: squares about the mean 22/3 sum to 56/3, sd sqrt(28/3)
        check(p.get(2), 10, 10, 4, 22.0 / 3, Math.sqrt(28.0 / 3), 5 / Math.sqrt(28.0 / 3));
        // k = 4: {4, 8, 10, 6}: sd sqrt(20 / 3)
        check(p.get(3), 6, 10, 4, 7, Math.sqrt(20.0 / 3), 5 / Math.sqrt(20.0 / 3));
        // k = 5: sd sqrt(10)
        check(p.get(4), 2, 10, 2, 6, Math.sqrt(10), 5 / Math.sqrt(10));
        assertEquals(5 / Math.sqrt(10), OffPolicySelection.of(TRUE, EST, 5).sharpeRatioAtK(5), 1e-12);
    }

    private static void check(TopKPortfolio p, double kth, double best, double worst, double mean, double std,
            double sharpe) {
        assertEquals(kth, p.kth(), 1e-12, "k-th at k=" + p.k());
        assertEquals(best, p.best(), 1e-12, "best at k=" + p.k());
        assertEquals(worst, p.worst(), 1e-12, "worst at k=" + p.k());
        assertEquals(mean, p.mean(), 1e-12, "mean at k=" + p.k());
        assertEquals(std, p.std(), 1e-12, "std at k=" + p.k());
        assertEquals(sharpe, p.sharpeRatio(), 1e-12, "SR at k=" + p.k());
        assertEquals(sharpe, p.clippedSharpeRatio(), 1e-12, "clipped SR at k=" + p.k());
    }

    @Test
    void tiesFollowScopeRl() {
        OffPolicySelection s = OffPolicySelection.of(new double[] {0, 5, 9}, new double[] {1, 3, 3}, 0);
        // equal estimates: the later candidate first, as np.argsort(est)[::-1]
        assertArrayEquals(new int[] {2, 1, 0}, s.ranking());
        // scipy.stats.spearmanr([1, 2, 3], [1, 1, 2]) with average ranks = 0.8660254
        assertEquals(Math.sqrt(3) / 2, OffPolicySelection.of(new double[] {1, 2, 3}, new double[] {1, 1, 2}, 0)
                .rankCorrelation(), 1e-12);
        assertTrue(Double.isNaN(OffPolicySelection.of(new double[] {1, 2}, new double[] {3, 3}, 0).rankCorrelation()));
    }

    @Test
    void sharpeRatioEdgeCasesAndScopeRlClipping() {
        // two policies of equal true value above the baseline: std 0, SR +inf, clipped to 100
        TopKPortfolio up = OffPolicySelection.of(new double[] {7, 7}, new double[] {1, 2}, 5).topK(2);
        assertEquals(Double.POSITIVE_INFINITY, up.sharpeRatio());
        assertEquals(TopKPortfolio.CLIP, up.clippedSharpeRatio());
        // below the baseline: the return is clipped at 0 and 0 / 0 is NaN, clipped to 0
        TopKPortfolio down = OffPolicySelection.of(new double[] {3, 3}, new double[] {1, 2}, 5).topK(2);
        assertEquals(0, down.excessReturn());
        assertTrue(Double.isNaN(down.sharpeRatio()));
        assertEquals(0, down.clippedSharpeRatio());
        // a positive spread below the baseline: SR 0, not negative
        assertEquals(0, OffPolicySelection.of(new double[] {3, 1}, new double[] {1, 2}, 5).sharpeRatioAtK(2));
    }

    /**
     * The paper's point in miniature: X underestimates a near-best policy, Y overestimates a poor one; MSE, rank
     * correlation and regret@2 agree, but Y's top-3 portfolio holds the worst policy and its SharpeRatio@3 is lower.
     */
    @Test
    void sameAccuracyDifferentRisk() {
        double[] truth = {10, 8, 3, 1};
        OffPolicySelection x = OffPolicySelection.of(truth, new double[] {6, 8, 3, 1}, 5);
        OffPolicySelection y = OffPolicySelection.of(truth, new double[] {10, 8, 3, 5}, 5);
        assertEquals(x.meanSquaredError(), y.meanSquaredError(), 1e-12);
        assertEquals(x.rankCorrelation(), y.rankCorrelation(), 1e-12);
        assertEquals(x.regretAtK(2), y.regretAtK(2), 1e-12);
        assertEquals(5 / Math.sqrt(13), x.sharpeRatioAtK(3), 1e-12);
        assertEquals(5 / Math.sqrt(67.0 / 3), y.sharpeRatioAtK(3), 1e-12);
        assertTrue(x.sharpeRatioAtK(3) > y.sharpeRatioAtK(3));
    }

    /** Properties on random candidate sets: perfect estimates have zero error, full correlation and no regret. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void perfectEstimatesAndInvariants(int seed) {
        UniformRandomProvider rng = Seeds.of(seed).rng();
        int n = 3 + rng.nextInt(8);
        double[] t = new double[n];
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = 10 * rng.nextDouble();
            e[i] = t[i] + 4 * (rng.nextDouble() - 0.5);
        }
        OffPolicySelection perfect = OffPolicySelection.of(t, t, 5);
        assertEquals(0, perfect.meanSquaredError());
        assertEquals(1, perfect.rankCorrelation(), 1e-12);
        OffPolicySelection s = OffPolicySelection.of(t, e, 5);
        double prevBest = Double.NEGATIVE_INFINITY;
        double prevWorst = Double.POSITIVE_INFINITY;
        for (int k = 1; k <= n; k++) {
            assertEquals(0, perfect.regretAtK(k), 1e-12);
            TopKPortfolio p = s.topK(k);
            assertTrue(p.best() >= prevBest && p.worst() <= prevWorst, "best@k and worst@k are monotone");
            assertTrue(p.worst() <= p.mean() && p.mean() <= p.best());
            assertTrue(s.regretAtK(k) >= 0 && s.sumRegretAtK(k) >= -1e-12);
            prevBest = p.best();
            prevWorst = p.worst();
        }
        // the whole set: portfolio statistics no longer depend on the estimates
        assertEquals(perfect.topK(n).std(), s.topK(n).std(), 1e-12);
        assertEquals(perfect.topK(n).mean(), s.topK(n).mean(), 1e-12);
    }

    @Test
    void refusesBadInput() {
        assertThrows(QuiverUserException.class, () -> OffPolicySelection.of(new double[] {1}, new double[] {1, 2}, 0));
        assertThrows(QuiverUserException.class, () -> OffPolicySelection.of(new double[0], new double[0], 0));
        assertThrows(QuiverUserException.class, () -> OffPolicySelection.of(new double[] {Double.NaN},
                new double[] {1}, 0));
        QuiverUserException k = assertThrows(QuiverUserException.class,
                () -> OffPolicySelection.of(TRUE, EST, 5).topK(6));
        assertTrue(k.getMessage().contains("[1, 5]"), k.getMessage());
    }
}
