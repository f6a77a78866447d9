package dev.quiver.eval.bootstrap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.seed.Seeds;
import org.junit.jupiter.api.Test;

class IndexSamplerTest {

    /**
     * Uniformity by a chi-square test with k - 1 degrees of freedom: for k = 7 and 100 (16-bit pieces)
     * and k = 70,001 (32-bit pieces, bucketed into 50 bins). The statistic has mean k - 1 and sd
     * sqrt(2 (k - 1)); we accept mean + 5 sd (a correct sampler fails with probability below 1e-5; a
     * modulo-biased or off-by-one sampler with 10^6 draws exceeds it by far).
     */
    @Test
    void indicesAreUniform() {
        for (int n : new int[] {1, 7, 100, 65_536}) {
            IndexSampler s = new IndexSampler(Seeds.rng(n));
            int bins = Math.min(n, 100);
            long[] hist = new long[bins];
            int draws = 1_000_000;
            for (int i = 0; i < draws; i++) {
                int j = s.nextIndex(n);
                assertTrue(j >= 0 && j < n);
                hist[(int) ((long) j * bins / n)]++;
            }
            assertChiSquare(hist, draws, n);
        }
        int big = 70_001;
        IndexSampler s = new IndexSampler(Seeds.rng(99));
        long[] hist = new long[50];
        int draws = 500_000;
        int max = 0;
        for (int i = 0; i < draws; i++) {
            int j = s.nextIndex(big);
            max = Math.max(max, j);
            hist[(int) ((long) j * 50 / big)]++;
        }
        assertTrue(max > big - 100 && max < big, "max " + max);
        assertChiSquare(hist, draws, big);
    }

    private static void assertChiSquare(long[] hist, int draws, int n) {
        int bins = hist.length;
        if (bins == 1) {
            assertEquals(draws, hist[0]);
            return;
        }
        double chi = 0;
        for (int b = 0; b < bins; b++) {
            // bin b holds the indices j with floor(j * bins / n) == b
            long lo = ((long) b * n + bins - 1) / bins;
            long hi = ((long) (b + 1) * n + bins - 1) / bins;
            double expected = draws * (hi - lo) / (double) n;
            chi += (hist[b] - expected) * (hist[b] - expected) / expected;
        }
        double df = bins - 1;
        assertTrue(chi < df + 5 * Math.sqrt(2 * df), "chi-square " + chi + " with " + df + " df, n = " + n);
    }

    @Test
    void fusedLoopsDrawExactlyTheIndicesOfRepeatedNextIndex() {
        int[] bounds = {5, 100, 3, 70_001, 1, 17, 65_536, 2};
        IndexSampler a = new IndexSampler(Seeds.rng(7));
        IndexSampler b = new IndexSampler(Seeds.rng(7));
        for (int round = 0; round < 50; round++) {
            for (int n : bounds) {
                int[] expected = new int[n];
                for (int i = 0; i < Math.min(n, 300); i++) {
                    expected[a.nextIndex(n)]++;
                }
                int[] got = new int[n];
                if (n <= 300) {
                    if (round % 2 == 0) {
                        b.drawCounts(n, got, 0);
                    } else {
                        double[] values = new double[n];
                        int[] map = new int[n];
                        for (int i = 0; i < n; i++) {
                            values[i] = i;
                            map[i] = i;
                        }
                        double sum = b.drawSum(n, 0, values, map, got);
                        double expectedSum = 0;
                        for (int i = 0; i < n; i++) {
                            expectedSum += (double) i * got[i];
                        }
                        assertEquals(expectedSum, sum, 0.0);
                    }
                } else {
                    for (int i = 0; i < 300; i++) {
                        got[b.nextIndex(n)]++;
                    }
                }
                assertArrayEquals(expected, got, "round " + round + ", n " + n);
            }
        }
    }

    @Test
    void rejectsNonPositiveBounds() {
        IndexSampler s = new IndexSampler(Seeds.rng(1));
        assertThrows(IllegalArgumentException.class, () -> s.nextIndex(0));
    }
}
