package dev.quiver.bandits.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.bandits.env.UnitVectors;
import dev.quiver.bandits.regress.Matrices;
import dev.quiver.core.seed.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Best-arm searches on small sparse misspecified instances, and their building blocks. */
class SparseSearchTest {
    private static final SparseArmsConfig SMALL = new SparseArmsConfig(8, 2, 600, 0.05, 0,
            SparseArmsConfig.Eta.ADVERSARIAL);

    /**
     * Without noise, the net search's answer is at most {@code 2 resolution + 2 epsilon = 3 epsilon} from the
     * best (resolution epsilon / 2), whatever eta is: a deterministic guarantee, checked on several instances.
     */
    @ParameterizedTest
    @ValueSource(longs = {0, 1, 2, 3, 4, 5})
    void sparseNetSearchFindsAThreeEpsilonOptimalArm(long seed) {
        for (SparseArmsConfig.Eta eta : SparseArmsConfig.Eta.values()) {
            MisspecifiedArms arms = SMALL.withEta(eta).build(seed);
            SearchResult r = SparseNetSearch.defaults(2).run(arms);
            assertTrue(r.gap() <= 3 * arms.epsilon() + 1e-12, eta + ": gap " + r.gapOverEpsilon() + " epsilon");
            assertTrue(r.queries() < arms.size(), "fewer queries than arms: " + r.queries());
        }
    }

    /**
     * The per-support design search: on the true support its predictions are off by at most
     * {@code epsilon sqrt(g)} with {@code g <= 2 s}, so its answer is within {@code 2 epsilon sqrt(2 s) +
     * 2 epsilon = 6 epsilon} (s = 2) of the best, without noise.
     */
    @ParameterizedTest
    @ValueSource(longs = {0, 1, 2, 3})
    void sparseDesignSearchIsWithinItsBound(long seed) {
        MisspecifiedArms arms = SMALL.build(seed);
        SearchResult r = SparseDesignSearch.defaults(2).run(arms);
        assertTrue(r.gapOverEpsilon() <= 2 * Math.sqrt(4) + 2 + 1e-9, "gap " + r.gapOverEpsilon());
    }

    /**
     * The dense design search keeps its own guarantee {@code 2 epsilon sqrt(2 d) + 2 epsilon}, and the
     * adversarial eta pushes it beyond 3 epsilon (that is what the adversary is for; deterministic instance).
     */
    @Test
    void denseDesignSearchIsWithinItsBoundButFooledByTheAdversary() {
        SparseArmsConfig c = SMALL.withDim(16).withArms(2000);
        double bound = 2 * Math.sqrt(2 * 16) + 2;
        int fooled = 0;
        for (long seed = 0; seed < 3; seed++) {
            SearchResult r = DenseDesignSearch.defaults().run(c.build(seed));
            assertTrue(r.gapOverEpsilon() <= bound, "gap " + r.gapOverEpsilon());
            fooled += r.gapOverEpsilon() > 3 ? 1 : 0;
            assertTrue(r.queries() <= 16 * 17 / 2, "queries " + r.queries());
        }
        assertTrue(fooled >= 2, "the adversary beat the dense search on " + fooled + " of 3 instances");
    }

    @Test
    void exhaustiveSearchQueriesEveryArmOnceWithoutNoiseAndFindsTheBest() {
        MisspecifiedArms arms = SMALL.build(9);
        SearchResult r = ExhaustiveSearch.defaults().run(arms);
        assertEquals(arms.size(), r.queries());
        assertEquals(0.0, r.gap(), 0.0);
    }

    @Test
    void noisyComparisonsRepeatQueriesAsHoeffdingAsks() {
        MisspecifiedArms arms = SMALL.withNoiseSd(0.1).build(2);
        SearchResult r = ExhaustiveSearch.defaults().run(arms);
        long n = (long) Math.ceil(2 * 0.01 * Math.log(2.0 * 600 / 0.05) / (0.025 * 0.025));
        assertEquals(600 * n, r.queries());
        assertTrue(r.gapOverEpsilon() <= 2 * 0.5 + 1e-9 || r.gap() <= 2 * 0.025 + 1e-9, "gap " + r.gap());
    }

    @Test
    void experimentsDoNotDependOnTheNumberOfThreads() {
        List<BestArmSearch> searches = List.of(SparseNetSearch.defaults(2), DenseDesignSearch.defaults(),
                SparseDesignSearch.defaults(2));
        SparseArmsConfig c = SMALL.withArms(300).withNoiseSd(0.05);
        long[] seeds = {0, 1, 2};
        Map<String, SearchResult[]> one = new SparseExperiment(c, searches, seeds, 1).run(d -> { });
        Map<String, SearchResult[]> two = new SparseExperiment(c, searches, seeds, 2).run(d -> { });
        for (String m : one.keySet()) {
            assertArrayEquals(one.get(m), two.get(m), m);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void theSphereNetCoversTheSphereAtItsResolution(int s) {
        double res = 0.2;
        List<double[]> net = SphereNet.points(s, res);
        var g = ZigguratSampler.NormalizedGaussian.of(Seeds.of(s).rng());
        for (int i = 0; i < 2000; i++) {
            double[] v = UnitVectors.sphere(s, g);
            double best = Double.POSITIVE_INFINITY;
            for (double[] p : net) {
                double d2 = 0;
                for (int j = 0; j < s; j++) {
                    d2 += (p[j] - v[j]) * (p[j] - v[j]);
                }
                best = Math.min(best, d2);
            }
            assertTrue(Math.sqrt(best) <= res, "distance " + Math.sqrt(best));
        }
        for (double[] p : net) {
            assertEquals(1.0, Matrices.dot(p, p), 1e-12);
        }
    }

    @Test
    void supportsEnumerateEverySubsetOnce() {
        List<String> seen = new ArrayList<>();
        Supports.forEach(5, 3, c -> seen.add(java.util.Arrays.toString(c)));
        assertEquals(10, seen.size());
        assertEquals(10.0, Supports.count(5, 3), 0.0);
        assertEquals(seen.size(), new java.util.HashSet<>(seen).size());
        assertEquals("[0, 1, 2]", seen.get(0));
        assertEquals("[2, 3, 4]", seen.get(9));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 5, 9})
    void theDesignIsWithinTwiceTheKieferWolfowitzOptimum(int m) {
        var g = ZigguratSampler.NormalizedGaussian.of(Seeds.of(m).rng());
        double[][] v = new double[400][];
        for (int k = 0; k < v.length; k++) {
            v[k] = UnitVectors.sphere(m, g);
        }
        GOptimalDesign d = GOptimalDesign.of(v, 1.0);
        double sum = 0;
        for (double w : d.weights()) {
            sum += w;
        }
        assertEquals(1.0, sum, 1e-9);
        double[] inv = GOptimalDesign.invert(d.information(v), m);
        double max = 0;
        for (double[] x : v) {
            max = Math.max(max, Matrices.quadratic(inv, x));
        }
        assertTrue(max <= 2 * m + 1e-6, "max g " + max + " for m = " + m);
        assertTrue(max >= m - 1e-6, "no design beats Kiefer-Wolfowitz's m");
    }
}
