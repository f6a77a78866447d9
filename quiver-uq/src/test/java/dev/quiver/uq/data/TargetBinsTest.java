package dev.quiver.uq.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quiver.core.seed.Seeds;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Quantile bins of a regression target, and the synthetic heterogeneous classification task. */
class TargetBinsTest {
    @Test
    void cutsAtEmpiricalQuantiles() {
        double[] y = {5, 1, 9, 3, 7, 2, 10, 4, 8, 6};
        TabularDataset r = TabularDataset.regression(Matrix.column(y), y, List.of("v"), "y");
        TabularDataset c = TargetBins.classify(r, 5);
        assertEquals(List.of("q1", "q2", "q3", "q4", "q5"), c.classNames());
        // cuts at the 2nd, 4th, 6th, 8th smallest: 2, 4, 6, 8 (a value equal to a cut goes below)
        assertArrayEquals(new int[] {2, 0, 4, 1, 3, 0, 4, 1, 3, 2}, c.labels());
    }

    @Test
    void syntheticTaskIsBalancedAndSeeded() {
        TabularDataset a = HeterogeneousClassification.generate(4000, 4, Seeds.of(1).rng());
        TabularDataset b = HeterogeneousClassification.generate(4000, 4, Seeds.of(1).rng());
        assertEquals(a, b);
        int[] counts = new int[4];
        for (int l : a.labels()) {
            counts[l]++;
        }
        for (int c : counts) {
            // equal priors: each count is Binomial(4000, 1/4), sd 27.4; 5 sd
            assertEquals(1000, c, 137);
        }
    }
}
