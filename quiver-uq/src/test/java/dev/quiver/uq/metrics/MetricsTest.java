package dev.quiver.uq.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quiver.uq.conformal.PredictionIntervals;
import dev.quiver.uq.conformal.PredictionSets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsTest {
    @Test
    void intervalScoreHandExample() {
        // [1, 3] at alpha = 0.1: width 2, penalty 2/alpha = 20 per unit outside
        assertEquals(2.0, IntervalMetrics.intervalScore(1, 3, 2, 0.1), 1e-12);
        assertEquals(22.0, IntervalMetrics.intervalScore(1, 3, 4, 0.1), 1e-12);
        assertEquals(12.0, IntervalMetrics.intervalScore(1, 3, 0.5, 0.1), 1e-12);
    }

    @Test
    void weightedIntervalScoreHandExample() {
        // median 2, intervals [1, 3] (alpha 0.5) and [0, 4] (alpha 0.1), y = 3.5:
        // 0.5 * 1.5 + 0.25 * (2 + 4 * 0.5) + 0.05 * 4 = 0.75 + 1 + 0.2 = 1.95; / (2 + 0.5) = 0.78
        assertEquals(0.78, IntervalMetrics.weightedIntervalScore(2, new double[] {1, 0}, new double[] {3, 4},
                new double[] {0.5, 0.1}, 3.5), 1e-12);
    }

    @Test
    void coverageWidthAndGroups() {
        PredictionIntervals pi = new PredictionIntervals(new double[] {0, 0, 1, 5}, new double[] {2, 1, 3, 4}, 0.1);
        double[] y = {1, 2, 2, 4.5};
        assertEquals(0.5, IntervalMetrics.coverage(pi, y), 1e-15);
        // widths 2, 1, 2, 0 (the last interval is empty)
        assertEquals(1.25, IntervalMetrics.meanWidth(pi), 1e-15);
        Map<Integer, GroupCoverage> g = IntervalMetrics.groupCoverage(pi, y, new int[] {7, 7, 3, 3});
        assertEquals(new GroupCoverage(2, 1), g.get(7));
        assertEquals(new GroupCoverage(2, 1), g.get(3));
        // mean interval score: 2, 1 + 20 * 1, 2, and 0 for the empty interval [5, 4] scored as the point 4.5 = y
        assertEquals((2 + 21 + 2 + 0) / 4.0, IntervalMetrics.meanIntervalScore(pi, y), 1e-12);
    }

    @Test
    void setMetricsHandExample() {
        boolean[][] m = {{true, false, false}, {true, true, false}, {true, true, true}, {false, true, false}};
        PredictionSets sets = new PredictionSets(m, 3, 0.1);
        int[] labels = {0, 2, 1, 0};
        assertEquals(0.5, SetMetrics.coverage(sets, labels), 1e-15);
        assertEquals(7 / 4.0, SetMetrics.meanSize(sets), 1e-15);
        Map<Integer, GroupCoverage> bySize = SetMetrics.sizeStratifiedCoverage(sets, labels);
        assertEquals(new GroupCoverage(2, 1), bySize.get(1));
        assertEquals(new GroupCoverage(1, 0), bySize.get(2));
        assertEquals(new GroupCoverage(1, 1), bySize.get(3));
        assertEquals(new GroupCoverage(2, 1), SetMetrics.classCoverage(sets, labels).get(0));
    }
}
